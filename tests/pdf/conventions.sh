# tests/pdf/conventions.sh — the conventions of every page of every document
# (see tests/pdf/conventions.py).
exec "${PYTHON:-python3}" tests/pdf/conventions.py
