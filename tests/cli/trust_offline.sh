# Offline scoring (DESIGN "Trust", R14): a laptop database for one judge, a sheet signed there,
# checked with the stock minisign, and imported into the main database only when it verifies.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
SHEET=2026-012-윤지아.sheet

ok demo main.db
DB=main.db

# The laptop holds the judge and the secretariat only, and verifies on its own.
okd pack 윤지아 -o laptop.db
okd pack 윤지아 -o laptop2.db # a second laptop, packed before any sheet came back
[ -f laptop.db ] || fail "pack wrote no laptop.db"
expect_exit 0 -d laptop.db person list
expect_stdout_contains "윤지아"
expect_stdout_contains "김간사"
for other in 강민준 김서연 박지훈 이수민 정하늘 최도윤 한예린 오세훈 장태호 조현장; do
    expect_stdout_lacks "$other"
done
expect_equal "$(wc -l < out)" 2 "people on the laptop"
expect_exit 0 -d laptop.db verify

# The judge scores 2026-012 on the laptop and exports the signed sheet with the public key.
{
    echo "$SCORE_HEADER"
    echo "2026-012,윤지아,8,4,15.5,11,16,4,12,8,agree,\"에너지 절감 목표가 명확함, 일정 현실적\""
} > mine.csv
expect_exit 0 -d laptop.db --as 윤지아 --passphrase-file "$PW" score import mine.csv
mkdir exp
expect_exit 0 -d laptop.db sheet export 윤지아 -o exp --key
for f in "$SHEET" "$SHEET.minisig" 윤지아.pub; do
    [ -s "exp/$f" ] || fail "sheet export did not write exp/$f"
done
[ "$(ls exp | wc -l)" -eq 3 ] || fail "sheet export wrote: $(ls exp)"
grep -F -x -q "opinion: 에너지 절감 목표가 명확함, 일정 현실적" "exp/$SHEET" ||
    fail "the sheet lacks the opinion: $(cat "exp/$SHEET")"
grep -F -x -q "total: 78.5" "exp/$SHEET" || fail "the sheet's total: $(cat "exp/$SHEET")"
grep -F -x -q "signer: 윤지아" "exp/$SHEET" || fail "the sheet's signer: $(cat "exp/$SHEET")"
expect_equal "$(head -1 "exp/$SHEET")" "simsa-record 1" "the sheet's first line"

# The stock minisign checks it with the exported key, and with `person key` of the main
# database; one changed byte in a copy fails.
minisign -Vm "exp/$SHEET" -p exp/윤지아.pub > mout 2>&1 || fail "minisign -V: $(cat mout)"
grep -F -q "Trusted comment: simsa sheet 2026-012/윤지아 by 윤지아" mout ||
    fail "minisign's trusted comment: $(cat mout)"
okd person key 윤지아
cp out main.pub
cmp -s main.pub exp/윤지아.pub || fail "person key differs from the exported key"
minisign -Vm "exp/$SHEET" -p main.pub > mout 2>&1 || fail "minisign -V with person key: $(cat mout)"
mkdir bad
cp "exp/$SHEET" "exp/$SHEET.minisig" bad/
sed -i 's/^item: need=8$/item: need=9/' "bad/$SHEET"
if cmp -s "exp/$SHEET" "bad/$SHEET"; then fail "the copy was not changed"; fi
[ "$(wc -c < "bad/$SHEET")" -eq "$(wc -c < "exp/$SHEET")" ] || fail "more than one byte changed"
if minisign -Vm "bad/$SHEET" -p exp/윤지아.pub > mout 2>&1; then
    fail "minisign accepted a changed sheet"
fi
grep -F -q "Signature verification failed" mout || fail "minisign: $(cat mout)"

# The tampered copy is refused by sheet import and nothing changes.
before=$(db_state)
faild --as 김간사 --passphrase-file "$PW" sheet import "bad/$SHEET"
expect_stderr_contains "bad/$SHEET: bad signature"
expect_unchanged "$before"

# The real one is recorded, signed by the judge (not transcribed): 2026-012 now has 4 sheets.
okd --as 김간사 --passphrase-file "$PW" sheet import exp/*.sheet
expect_stdout_line "imported 1 verified sheet(s), 0 already recorded"
expect_equal "$(sql "select p.name, s.transcribed,
    s.signed_text = cast(readfile('exp/$SHEET') as text)
    from sheet s join person p on p.id = s.submitted_by
    where s.app_id = '2026-012' and s.judge_id = (select id from person where name = '윤지아')")" \
    "윤지아|0|1" "the imported sheet"
okd rank --csv
grep -q '^,2026-012,가온제지,4,' out || fail "rank: 2026-012 does not have 4 sheets"
okd verify
expect_stdout_contains "verified: "

# Again: already recorded, nothing new (the database is compared at the end of this script).
before_again=$(db_state)
okd --as 김간사 --passphrase-file "$PW" sheet import exp/*.sheet
expect_stdout_line "imported 0 verified sheet(s), 1 already recorded"
after_again=$(db_state)
before=$after_again

# A sheet whose program line was edited does not verify.
mkdir prog
cp "exp/$SHEET" "exp/$SHEET.minisig" prog/
sed -i 's/^program: cbtp-2026$/program: cbtp-2025/' "prog/$SHEET"
if cmp -s "exp/$SHEET" "prog/$SHEET"; then fail "the program line was not changed"; fi
faild --as 김간사 --passphrase-file "$PW" sheet import "prog/$SHEET"
expect_stderr_contains "prog/$SHEET: bad signature"
expect_unchanged "$before"

# A sheet without its signature file is refused.
mkdir nosig
cp "exp/$SHEET" nosig/
faild --as 김간사 --passphrase-file "$PW" sheet import "nosig/$SHEET"
expect_unchanged "$before"

# A sheet signed by a key that is not in main.db: 윤지아 of another demo call.
ok demo other.db
expect_exit 0 -d other.db --as 김간사 --passphrase-file "$PW" pack 윤지아 -o olaptop.db
expect_exit 0 -d olaptop.db --as 윤지아 --passphrase-file "$PW" score import mine.csv
mkdir oout
expect_exit 0 -d olaptop.db sheet export 윤지아 -o oout
faild --as 김간사 --passphrase-file "$PW" sheet import "oout/$SHEET"
expect_stderr_contains "oout/$SHEET: signed by an unknown key"
expect_unchanged "$before"

# Packed again after the sheet came back, the laptop has it as submitted (issue 17.7): another
# is refused there, and sheet export leaves the packed one out.
okd pack 윤지아 -o laptop3.db
sed 's/,12,8,agree,/,12,9,agree,/' mine.csv > mine2.csv
expect_exit 1 -d laptop3.db --as 윤지아 --passphrase-file "$PW" score import mine2.csv
expect_stderr_contains "윤지아 already submitted a sheet for 2026-012"
mkdir out3
expect_exit 0 -d laptop3.db sheet export 윤지아 -o out3
[ -z "$(ls out3)" ] || fail "sheet export of a re-packed laptop wrote: $(ls out3)"
# A second, different sheet of the same judge for the same application, from the second laptop.
expect_exit 0 -d laptop2.db --as 윤지아 --passphrase-file "$PW" score import mine2.csv
mkdir out2
expect_exit 0 -d laptop2.db sheet export 윤지아 -o out2
if cmp -s "exp/$SHEET" "out2/$SHEET"; then fail "the second sheet is not different"; fi
faild --as 김간사 --passphrase-file "$PW" sheet import "out2/$SHEET"
expect_stderr_contains "윤지아 already submitted a sheet for 2026-012"
expect_unchanged "$before"

# A sheet by a judge of the other panel: 강민준 (바이오·의료) scores 2026-012 on a laptop made
# from a copy where 2026-012 was moved to his panel; the signature is his own, but in main.db
# he is not on the panel of 2026-012.
cp main.db moved.db
sqlite3 moved.db "update application set panel_id = (select id from panel
    where name = '바이오·의료') where id = '2026-012'"
expect_exit 0 -d moved.db --as 김간사 --passphrase-file "$PW" pack 강민준 -o klaptop.db
sed 's/윤지아/강민준/' mine.csv > his.csv
expect_exit 0 -d klaptop.db --as 강민준 --passphrase-file "$PW" score import his.csv
mkdir kout
expect_exit 0 -d klaptop.db sheet export 강민준 -o kout
okd person key 강민준
cp out his.pub
minisign -Vm kout/2026-012-강민준.sheet -p his.pub > /dev/null 2>&1 ||
    fail "강민준's sheet does not verify with his key"
faild --as 김간사 --passphrase-file "$PW" sheet import kout/2026-012-강민준.sheet
expect_stderr_contains "강민준 is not on the panel of application 2026-012"
expect_unchanged "$before"

# Only the secretariat imports.
expect_exit 1 -d "$DB" --as 윤지아 --passphrase-file "$PW" sheet import "out2/$SHEET"
expect_stderr_contains "secretariat"
expect_unchanged "$before"
okd verify

# The second import of the same sheet wrote nothing.
[ "$before_again" = "$after_again" ] ||
    fail "importing an already recorded sheet again changed the database"
