# tests/pdf/pagination.sh — no row, heading or signature block split where the
# rules forbid it, over records made to put rows near page ends (see
# tests/pdf/pagination.py).
exec "${PYTHON:-python3}" tests/pdf/pagination.py
