# tests/errors/booleans.sh — a yes/no attribute takes yes or no, as its error
# and the reference say: "true", "1", "Yes" written in a template are errors
# at their line (they were taken as yes with exit status 0), for every
# attribute of that type; a test in {…} gives XPath's true or false and is
# taken; a {…} that gives anything else is an error saying so.
. tests/lib/tap.sh
. tests/lib/template-error.sh
for case in 'p|bold' 'p|italic' 'p|underline' 'p|keep-with-next' 'div|keep-together' \
    'tr|header' 'document|bookmarks' 'watermark|extractable'; do
    el=${case%%|*} at=${case#*|}
    for v in true 1 Yes; do
        case $el in
        p | div) body="<$el $at=\"$v\">a</$el>" ;;
        tr) body="<table columns=\"*\"><tr $at=\"$v\"><td>a</td></tr></table>" ;;
        document) body="" ;;
        watermark) body="<watermark $at=\"$v\">x</watermark>" ;;
        esac
        if [ "$el" = document ]; then
            printf '<document %s="%s">\n  <p>x</p>\n</document>\n' "$at" "$v" >"$T/b.xml"
        else
            printf '<document>\n  %s\n</document>\n' "$body" >"$T/b.xml"
        fi
        line=2
        if [ "$el" = document ]; then line=1; fi
        "$HOSO" check -t "$T/b.xml" >/dev/null 2>"$T/err"
        check_eq "<$el $at=\"$v\">: exit 1 and the message" \
            "1 $T/b.xml:$line: error: <$el $at=\"$v\">: expected yes or no [template]" "$? $(cat "$T/err")"
    done
done

template_error "{…} giving 2" '3: error: <p keep-with-next="{1 + 1}"> gives "2": expected yes or no, or a test that is true or false [template]' \
    '  <p keep-with-next="{1 + 1}">a</p>'

printf '<document>\n  <p keep-with-next="{count(items/item) &gt; 1}" bold="{%s}">a</p>\n  <p>b</p>\n</document>\n' "'yes'" >"$T/ok.xml"
"$HOSO" render -q -t "$T/ok.xml" -o "$T/ok.pdf" samples/small.xml 2>"$T/err"
check_eq "a test in {…} and a {…} giving yes: taken" "0 " "$? $(cat "$T/err")"
