# tests/lib/golden.sh — sourced by tests/golden/golden.sh and
# tests/golden/update: the dump of one case at one stage, the way both make
# it (so that the committed files are exactly what the test compares with).
#   golden_dump HOSO CASE STAGE  -> the dump on stdout, hoso's status
# A case is tests/golden/cases/NAME.xml (a template); its record is
# cases/NAME.record.xml when there is one, else tests/golden/record.xml; the
# profile is tests/golden/profile.xml. Its expected dumps are
# tests/golden/expected/NAME.tpl, NAME.doc and NAME.pages.
GOLDEN_STAGES="tpl doc pages"
golden_dump() { # hoso case stage
    g_case=tests/golden/cases/$2.xml
    g_rec=tests/golden/cases/$2.record.xml
    [ -f "$g_rec" ] || g_rec=tests/golden/record.xml
    if [ "$3" = tpl ]; then
        SOURCE_DATE_EPOCH= "$1" dump --stage=tpl -t "$g_case"
    else
        SOURCE_DATE_EPOCH= "$1" dump --stage="$3" -t "$g_case" -p tests/golden/profile.xml "$g_rec"
    fi
}
golden_cases() {
    for g_f in tests/golden/cases/*.xml; do
        case $g_f in *.record.xml) continue ;; esac
        g_f=${g_f##*/}
        echo "${g_f%.xml}"
    done
}
