# tests/errors/item-refs.sh — an acceptance result or a handover item that
# names no item of the request is one error at its line, in the record's
# terms (a handover's said libxml2's "No match found for key-sequence ['7']
# of keyref 'handover-item'").
. tests/lib/tap.sh
sed 's|<result item="2" status="pass"/>|<result item="9" status="pass"/>|' samples/small.xml >"$T/result.xml"
sed 's|<item ref="2" state="done"/>|<item ref="7" state="done"/>|' samples/small.xml >"$T/handover.xml"
line() { grep -n "$1" "$2" | head -1 | cut -d: -f1; }
"$HOSO" check -t templates/acceptance.xml -p samples/profile.xml "$T/result.xml" 2>"$T/err"
check_eq "a result naming item 9: exit 1, one error at its line" \
    "1 $T/result.xml:$(line 'item="9"' "$T/result.xml"): error: <result item=\"9\"> names no item of the request [schema]" \
    "$? $(cat "$T/err")"
"$HOSO" check -t templates/handover.xml -p samples/profile.xml "$T/handover.xml" 2>"$T/err"
check_eq "a handover item naming item 7: exit 1, one error at its line" \
    "1 $T/handover.xml:$(line 'ref="7"' "$T/handover.xml"): error: <item ref=\"7\"> names no item of the request [schema]" \
    "$? $(cat "$T/err")"
