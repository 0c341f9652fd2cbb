# simsa verify and the signed records (R14, DESIGN "Trust"): records verify with the stock
# minisign and the signer's public key; an edited row or event is detected.
. "$(dirname "$0")/lib.sh"

{ echo "$APPS_HEADER"; app_row 2026-101 "$BIZ1"; app_row 2026-102 "$BIZ2" 90,000,000; } > apps.csv
reviewed_call 2026-101 2026-102
{ echo "$SCORE_HEADER"; sheets 2026-101 7,3.5,14,10.5,14,3.5,10.5,7 agree agree agree; } > s.csv
as 간사 score import s.csv
{ echo "$SCORE_HEADER"; sheets 2026-101 8,3.5,14,10.5,14,3.5,10.5,7 agree agree agree agree | sed -n 4p; } > j4.csv
as j4 score import j4.csv
verified

# Every deciding record carries a signature.
for t in review sheet; do
    expect_equal "$(sql "select count(*) > 0 and count(*) = count(signature) from $t")" 1 \
        "signatures in $t"
done

# check_record TABLE WHERE SIGNER: the stored text and signature verify with minisign -V and
# SIGNER's public key; the text changed by one byte does not.
check_record() {
    sql "select writefile('rec.txt', signed_text), writefile('rec.txt.minisig', signature)
         from $1 where $2" > /dev/null
    [ -s rec.txt ] || fail "no signed text in $1 where $2"
    okd person key "$3"
    cp out signer.pub
    set +e
    minisign -V -p signer.pub -m rec.txt > mout 2>&1
    mrc=$?
    set -e
    [ "$mrc" -eq 0 ] || fail "minisign -V of $1 ($2) by $3: $(cat mout)"
    sed 's/^app: /app: X/' rec.txt > rec2.txt
    cp rec.txt.minisig rec2.txt.minisig
    if minisign -V -p signer.pub -m rec2.txt > /dev/null 2>&1; then
        fail "an edited $1 text still verifies"
    fi
}
if command -v minisign > /dev/null 2>&1; then
    check_record review "app_id = '2026-101'" 간사
    grep -F -x -q "passed: yes" rec.txt || fail "review text: $(cat rec.txt)"
    check_record review "app_id = '2026-102'" 간사
    grep -F -x -q "passed: no" rec.txt || fail "review text: $(cat rec.txt)"
    grep -F -q "R5.1: requested 90,000,000 won is above the cap of 80,000,000" rec.txt ||
        fail "the failed review's text lacks its reason: $(cat rec.txt)"
    # A sheet the judge imported is signed by the judge; a transcribed one by the secretariat.
    check_record sheet "judge_id = (select id from person where name = 'j4')" j4
    grep -F -x -q "total: 71" rec.txt || fail "sheet text: $(cat rec.txt)"
    grep -F -x -q "transcribed: no" rec.txt || fail "sheet text: $(cat rec.txt)"
    check_record sheet "judge_id = (select id from person where name = 'j2')" 간사
    grep -F -x -q "transcribed: yes" rec.txt || fail "sheet text: $(cat rec.txt)"
fi

# The event log and signed records are append-only in the database itself.
set +e
sqlite3 "$DB" "update event set detail = 'x' where seq = 3" 2> sqlerr
sqlrc=$?
set -e
[ "$sqlrc" -ne 0 ] || fail "an event row could be updated"
grep -F -q "the event log is append-only" sqlerr || fail "sqlite3: $(cat sqlerr)"
set +e
sqlite3 "$DB" "delete from sheet_item" 2> sqlerr
sqlrc=$?
set -e
[ "$sqlrc" -ne 0 ] || fail "sheet items could be deleted"

# An event edited behind the trigger's back breaks the chain.
cp "$DB" chain.db
sqlite3 chain.db "drop trigger event_no_update; update event set detail = 'x' where seq = 3"
expect_exit 1 -d chain.db verify
expect_output_line "event 3: its content was changed after it was written"

# A signed record edited afterwards (DESIGN Trust: "verify re-derives them from the stored rows
# and compares, so editing a row is detected"): a sheet's score, a review decision.
cp "$DB" sheet.db
sqlite3 sheet.db "drop trigger sheet_item_no_update;
    update sheet_item set tenths = 200 where item = 'data' and sheet_id = 1"
expect_exit 1 -d sheet.db verify
expect_output_line "sheet 2026-101/j1: the stored values differ from what was signed"
expect_output_line "verify: 1 problem"
cp "$DB" review.db
sqlite3 review.db "drop trigger review_no_update;
    update review set passed = 1 where app_id = '2026-102'"
expect_exit 1 -d review.db verify
expect_output_line "review 2026-102: the stored values differ from what was signed"
# An unsigned fact (a checklist answer) edited behind simsa's back disagrees with the audit log.
cp "$DB" checklist.db
sqlite3 checklist.db "update checklist set answer = 1 where app_id = '2026-101' and item = 'd2'"
expect_exit 1 -d checklist.db verify
expect_output_line "checklist d2 of 2026-101: the stored values differ from what the audit log recorded"
expect_output_line "verify: 1 problem"
# The untouched database still verifies.
verified
