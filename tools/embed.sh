#!/bin/sh
# embed.sh NAME FILE: a C source defining NAME (bytes, NUL-terminated) and NAME_len.
set -eu
name=$1 file=$2
printf '#include <stddef.h>\nconst unsigned char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
printf '0x00};\nconst size_t %s_len = sizeof %s - 1;\n' "$name" "$name"
