# tests/errors/computed-dates.sh — a date a template computes is in the years
# a record's dates are (1990 to 2099, the schemas): add-days() past them is an
# error at the expression's line, and a schedule's stage past 2099 an error at
# the stage; both printed a date such as 2294-12-16 with exit status 0.
. tests/lib/tap.sh
. tests/lib/template-error.sh
template_error "add-days 100000 days on" \
    '3: error: add-days(): 2021-03-02 plus 100000 days is 2294-12-16, outside the dates a document has (1990 to 2099) in {add-days(received/@date, 100000)} [date]' \
    '  <p>{add-days(received/@date, 100000)}</p>'
template_error "add-days back before 1990" \
    '3: error: add-days(): 2021-03-02 plus -11384 days is 1989-12-31, outside the dates a document has (1990 to 2099) in {add-days(received/@date, -11384)} [date]' \
    '  <p>{add-days(received/@date, -11384)}</p>'
# and so is a date the template is given: a literal is in the same years
template_error "add-days from year 9999" \
    '3: error: add-days(): "9999-12-31" is outside the dates a document has (1990 to 2099) in {add-days('"'"'9999-12-31'"'"', 1)} [date]' \
    "  <p>{add-days('9999-12-31', 1)}</p>"
template_error "a literal date in 2300" \
    '3: error: date(): "2300-01-01" is outside the dates a document has (1990 to 2099) in {date('"'"'2300-01-01'"'"')} [date]' \
    "  <p>{date('2300-01-01')}</p>"
template_error "a literal date in 1989" \
    '3: error: date-line(): "1989-12-31" is outside the dates a document has (1990 to 2099) in {date-line('"'"'Hà Nội'"'"', '"'"'1989-12-31'"'"')} [date]' \
    "  <p>{date-line('Hà Nội', '1989-12-31')}</p>"
template_error "a document's date in 2300" \
    '1: error: <document date="2300-01-01">: a date outside the dates a document has (1990 to 2099) [template]' \
    "" ' date="2300-01-01"'

# a record's text that is a date, not a typed one, keeps the rule at its line
sed 's|<note>[^<]*</note>|<note>2300-01-01</note>|' samples/small.xml >"$T/note.xml"
printf '<document>\n  <p>{date(items/item[3]/feedback/note)}</p>\n</document>\n' >"$T/n.xml"
"$HOSO" check -t "$T/n.xml" "$T/note.xml" 2>"$T/err"
check_eq "a record's text date in 2300: exit 1, the error at its line" \
    "1 $T/note.xml:$(grep -n '<note>' "$T/note.xml" | head -1 | cut -d: -f1): error: <note> \"2300-01-01\" is outside the dates a document has (1990 to 2099) [date]" \
    "$? $(grep -v ': note: ' "$T/err")"

printf '<document>\n  <p>{date('"'"'1990-01-01'"'"')} {date('"'"'2099-12-31'"'"')}</p>\n</document>\n' >"$T/edge.xml"
"$HOSO" render -q -t "$T/edge.xml" -o "$T/edge.pdf" samples/small.xml 2>"$T/err"
check_eq "literal dates 1990-01-01 and 2099-12-31: taken" "0 01/01/1990 31/12/2099" "$? $(pdftotext "$T/edge.pdf" - 2>/dev/null | tr -d '\f' | sed '/^$/d')"

printf '<document>\n  <p>{add-days(received/@date, 28793)}</p>\n</document>\n' >"$T/last.xml"
"$HOSO" render -q -t "$T/last.xml" -o "$T/last.pdf" samples/small.xml 2>"$T/err"
check_eq "add-days to 2099-12-31: taken" "0 2099-12-31" "$? $(pdftotext "$T/last.pdf" - 2>/dev/null | tr -d '\f' | sed '/^$/d')"

# a schedule that starts in December 2099 and ends in 2100 (the record's
# later documents, which would be dated before it, taken out)
$PYTHON - "$T/sched.xml" <<'PY'
import re, sys
s = open("samples/chinh-dai.xml", encoding="utf-8").read()
s = s.replace('<schedule start="2021-07-09">', '<schedule start="2099-12-01">')
for el in ("acceptance", "handover", "survey"):
    s = re.sub(r"\n  <%s .*?</%s>" % (el, el), "", s, flags=re.S)
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
printf '<document>\n  <p>{stage-end(schedule/stage[last()], $profile/calendar)}</p>\n</document>\n' >"$T/st.xml"
"$HOSO" check -t "$T/st.xml" -p samples/profile.xml "$T/sched.xml" 2>"$T/err"
check_eq "a stage past 2099: exit 1 and the error at the stage" \
    "1 $T/sched.xml:292: error: stage-end(): the stage falls on 2100-02-11, outside the dates a document has (1990 to 2099) [schedule]" \
    "$? $(grep -v ': note: ' "$T/err")"
check_contains "… with the expression that asked" "$T/err" \
    "$T/st.xml:2: note: used by {stage-end(schedule/stage[last()], \$profile/calendar)}"
