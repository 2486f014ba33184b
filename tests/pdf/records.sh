# tests/pdf/records.sh — the record checks behind the documents
# (engine/record/check.c, journey.c): the journey's dates in order, the
# closing rule of a request, a VAT rate on every line, one signer per party,
# and the schedule's calendar; each a variant of samples/small.xml with the
# exact message, exit status 1 and no file. Runs the sanitizer build ($HOSO).
. tests/lib/tap.sh
PROF=samples/profile.xml
K=0

# variant NAME SED-SCRIPT EXPECTED-MESSAGE [TEMPLATE]
variant() {
    K=$((K + 1))
    sed -e "$2" samples/small.xml >"$T/v$K.xml"
    if cmp -s samples/small.xml "$T/v$K.xml"; then
        not_ok "$1: the variant differs from the sample" "sed: $2"
        return
    fi
    "$HOSO" render -q -t "templates/${4:-quote}.xml" -p $PROF -o "$T/v$K.pdf" "$T/v$K.xml" 2>"$T/v$K.err"
    status=$?
    check_eq "$1: exit 1, no file" "1:no" "$status:$([ -e "$T/v$K.pdf" ] && echo yes || echo no)"
    check_contains "$1: message" "$T/v$K.err" "$T/v$K.xml:$3"
}

variant "an appendix dated before its contract" \
    's/<appendix number="01" date="2021-03-12">/<appendix number="01" date="2021-03-10">/' \
    '73: error: <appendix date="2021-03-10">: the appendix (10/03/2021) is dated before the contract (12/03/2021); the dates of a request follow its journey [date-order]'
variant "a contract dated years after its appendix (31/12/2021 and 12/03/2021)" \
    's/<contract number="05\/2021\/HĐDV\/TP-HL" date="2021-03-12">/<contract number="05\/2021\/HĐDV\/TP-HL" date="2021-12-31">/' \
    '73: error: <appendix date="2021-03-12">: the appendix (12/03/2021) is dated before the contract (31/12/2021); the dates of a request follow its journey [date-order]'
variant "a review before the request was received" \
    's/date="2021-03-04" decision/date="2021-03-01" decision/' \
    '52: error: <review date="2021-03-01">: the leader'"'"'s review (01/03/2021) is dated before the request was received (02/03/2021); the dates of a request follow its journey [date-order]'
variant "an acceptance before the work starts" \
    's/<acceptance number="03\/2021\/BBNT\/TP-HL" date="2021-03-22"/<acceptance number="03\/2021\/BBNT\/TP-HL" date="2021-03-14"/' \
    '81: error: <acceptance date="2021-03-14">: the acceptance (14/03/2021) is dated before the work starts (15/03/2021); the dates of a request follow its journey [date-order]'
variant "a quote sent before it was dated" \
    's/sent="2021-03-09"/sent="2021-03-08"/' \
    '64: error: <quote sent="2021-03-08">: the quote was sent (08/03/2021) is dated before the quote (09/03/2021); the dates of a request follow its journey [date-order]'
variant "an outcome later than the closing rule allows" \
    's/<outcome answer="agreed" date="2021-03-11"\/>/<outcome answer="agreed" date="2021-03-25"\/>/' \
    '71: error: <outcome date="2021-03-25">: 25/03/2021 is later than the rule allows: the request closed on 24/03/2021, 15 days after the quote was sent on 09/03/2021 [closing]'
variant "a quote valid past the closing date (30 days)" \
    's/valid-days="15"/valid-days="30"/' \
    '64: error: <quote valid-days="30">: the quote would be valid until 08/04/2021, after the request closes on 24/03/2021 (15 days after the quote was sent on 09/03/2021) [closing]'
variant "a contract after the closing date with no outcome" \
    '/<outcome /d; s/<contract number="05\/2021\/HĐDV\/TP-HL" date="2021-03-12">/<contract number="05\/2021\/HĐDV\/TP-HL" date="2021-03-26">/; s/<appendix number="01" date="2021-03-12">/<appendix number="01" date="2021-03-26">/; s/<schedule start="2021-03-15">/<schedule start="2021-03-29">/; s/date="2021-03-22" from/date="2021-04-05" from/; s/date="2021-03-23" place/date="2021-04-06" place/' \
    '71: error: <contract date="2021-03-26">: signed on 26/03/2021, after the request closed on 24/03/2021 (15 days after the quote was sent on 09/03/2021); record the customer'"'"'s agreement as <outcome answer="agreed" date="…"/> [closing]'
variant "a contract for a request the customer refused" \
    's/<outcome answer="agreed"/<outcome answer="refused"/' \
    '72: error: <contract> of a request the customer refused (<outcome answer="refused"> line 71) [closing]'
variant "a line with no VAT rate among lines with one" \
    '45s/ vat-rate="KCT"//' \
    '45: error: <feedback> of item 3 has no vat-rate while other lines have one: give each line its rate ("KCT" for software services, not subject to VAT) [vat]'
variant "a taxable line without a rate (no rate anywhere)" \
    's/ vat-rate="KCT"//' \
    '25: error: <feedback> of item 1 has no VAT rate: a taxable line needs its rate (vat-rate="10"), a software service vat-rate="KCT" [vat]'
variant "a rate on the quote and on the lines" \
    's/valid-days="15">/valid-days="15" vat-rate="10">/' \
    '64: error: <quote vat-rate="10"> and lines with their own vat-rate: give the rate once, on the quote for every line or on each line [vat]'
variant "one director's price over lines at two rates" \
    '45s/vat-rate="KCT"/vat-rate="10"/' \
    '65: error: <offer> is one price for lines at 2 different VAT rates: the price to the customer needs one rate for every line [vat]'
variant "a total that is not the offer" \
    's/<total>9.500.000<\/total>/<total>10.000.000<\/total>/' \
    '69: error: <total> "10.000.000" is not the sum of the offer and VAT: 9.500.000'
variant "two signers for one party" \
    '/<present party="A" honorific="Ông" name="Dương Văn Lực"/s/\/>/ signs="yes"\/>/' \
    '100: error: <present party="A" signs="yes">: Dương Văn Lực signs for party A, already signed for by Bùi Quang Thắng (line 97): one signer per party [signer]' handover
variant "an honorific that is neither Ông nor Bà" \
    's/<sales honorific="Ông"/<sales honorific="Ong"/' \
    '5: error: <sales honorific="Ong"> is not an honorific (Ông or Bà) [schema]'

# the schedule needs the profile's calendar: an error, never a guessed week
sed '/<calendar/,/<\/calendar>/d' $PROF >"$T/nocal.xml"
"$HOSO" render -q -t templates/appendix.xml -p "$T/nocal.xml" -o "$T/nocal.pdf" samples/small.xml 2>"$T/nocal.err"
check_eq "a schedule without a calendar in the profile: exit 1" 1 "$?"
check_contains "a schedule without a calendar in the profile: message" "$T/nocal.err" \
    "no working calendar to date the stage by: the profile needs a <calendar week=\"1 2 3 4 5\"> with its public holidays"
# the samples themselves pass every check
for rec in small chinh-dai large; do
    "$HOSO" check --all -p $PROF samples/$rec.xml >"$T/ok.out" 2>&1
    check_eq "samples/$rec.xml passes every record check" "0" "$?"
done
