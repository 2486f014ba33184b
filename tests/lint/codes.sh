# tests/lint/codes.sh — the codes of diagnostics are documented in one place,
# the hs_code enum of engine/hoso.h: each value there has its name in a
# comment ("HS_CODE_DATE_ORDER, /* "date-order": …"), and the table of
# engine/base/diag.c spells it the same; no code is used that is not one.
. tests/lib/tap.sh
doc=$(sed -n 's/^ *\(HS_CODE_[A-Z0-9_]*\)\( = 0\)\{0,1\},* *\/\* "\([a-z0-9-]*\)":.*/\1 \3/p' engine/hoso.h | sort)
table=$(sed -n 's/^ *\[\(HS_CODE_[A-Z0-9_]*\)\] = "\([a-z0-9-]*\)",/\1 \2/p' engine/base/diag.c | sort)
check_eq "hoso.h documents as many codes as diag.c names" "$(echo "$doc" | wc -l)" "$(echo "$table" | wc -l)"
check_eq "each code's name in hoso.h is the one diag.c gives it" "$doc" "$table"
enum=$(sed -n '/^typedef enum hs_code {/,/^} hs_code;/p' engine/hoso.h | grep -o 'HS_CODE_[A-Z0-9_]*' |
    grep -v HS_CODE_COUNT | sort)
check_eq "every value of the enum has its name documented" "$enum" "$(echo "$doc" | cut -d' ' -f1)"
used=$(grep -rhoE 'HS_CODE_[A-Z0-9_]+' engine tests/unit tests/fuzz tools examples | sort -u |
    grep -v HS_CODE_COUNT)
check_eq "every code used is a value of the enum" "" "$(echo "$used" | grep -vxF "$enum")"
