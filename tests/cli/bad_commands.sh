# Bad-input catalogue, part 3: the commands' own arguments and files — budgets like 8천만원,
# dates like 2026-02-30, notes that are not UTF-8, names, files that are not simsa databases,
# program definitions, and signed sheets that must not be recorded (signed by another key,
# changed, cut short, CRLF, decomposed Hangul, a BOM). Each: the exact message, exit 1, and the
# database unchanged.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bad.lib"

reviewed_call 2026-001 2026-002
SEC="--as 간사 --passphrase-file $PW"

# ---- the budget and the init ----
DIGITS='an amount must be written in digits, e.g. 80000000 or 80,000,000'
# shellcheck disable=SC2086
bad 1 "simsa: budget \"8천만원\": $DIGITS" -d "$DB" $SEC budget set 8천만원
# shellcheck disable=SC2086
bad 1 "simsa: budget \"1e9\": $DIGITS" -d "$DB" $SEC budget set 1e9
# shellcheck disable=SC2086
bad 1 'simsa: budget "400,000,000.00": an amount is whole won, without decimals' \
    -d "$DB" $SEC budget set 400,000,000.00
bad 1 "simsa: --budget \"8천만원\": $DIGITS" init new.db --program cbtp-2026 --budget 8천만원
[ ! -e new.db ] || fail "a failed init left new.db"

# ---- site inspection, conflicts, checklist, people ----
echo "공정 확인" > notes.txt
# shellcheck disable=SC2086
bad 1 'simsa: --date "2026-02-30": no such day' \
    -d "$DB" $SEC inspect add 2026-001 --date 2026-02-30 --team "A,B" --notes-file notes.txt
printf 'UTF-16 \377\376n\000o\000' > notes16.txt
# shellcheck disable=SC2086
bad 1 'simsa: notes16.txt: the notes, team, facts and findings must be UTF-8 text' \
    -d "$DB" $SEC inspect add 2026-001 --date 2026-06-25 --team "A,B" --notes-file notes16.txt
# shellcheck disable=SC2086
bad 1 'simsa: missing-notes.txt: No such file or directory' \
    -d "$DB" $SEC inspect add 2026-001 --date 2026-06-25 --team "A,B" --notes-file missing-notes.txt
# shellcheck disable=SC2086
bad 1 'simsa: j9 is not a judge' -d "$DB" $SEC conflict add j9 2026-001 --reason "친족"
bad 1 'simsa: --note is not valid UTF-8' -d "$DB" $SEC check set 2026-001 d1 yes --note "$(printf 'cp949 \261\342')"
long=$(printf '가%.0s' $(seq 34)) # 102 bytes
bad 1 "simsa: person name \"$long\" must be 1-100 bytes of UTF-8 without commas" \
    -d "$DB" person add "$long" --role judge --passphrase-file "$PW"

# ---- files that are not simsa databases: refused, and left as they were ----
: > empty.db
DB=empty.db
bad 1 'simsa: empty.db: not a simsa database' -d empty.db rank
[ ! -s empty.db ] || fail "the empty file was written to"
printf 'a spreadsheet, not a database\n' > sheet.db
cp sheet.db sheet.orig
DB=sheet.db
bad 1 'simsa: sheet.db: not a simsa database' -d sheet.db app list
cmp -s sheet.db sheet.orig || fail "the text file was written to"
sqlite3 other.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'
cp other.db other.orig
DB=other.db
bad 1 'simsa: other.db: not a simsa database' -d other.db person list
cmp -s other.db other.orig || fail "another program's database was written to"
DB=simsa.db

# ---- program definitions (simsa-program(5)) ----
P=$PROGRAMS/cbtp-2026.ini
iconv -c -f UTF-8 -t CP949 "$P" > cp949.ini
bad 1 'cp949.ini:6: title_ko is not valid UTF-8' program check cp949.ini
sed 's/^step = 0.1/step = 0/' "$P" > step.ini
bad 1 "step.ini:65: bad value for step: '0' (expected points from 0.1 to 100, at most one decimal)" \
    program check step.ini
sed 's/^deadline = .*/deadline = 2026-02-30 18:00/' "$P" > deadline.ini
bad 1 "deadline.ini:12: bad value for deadline: '2026-02-30 18:00' (no such day; expected a date and time such as 2026-06-19 18:00)" \
    program check deadline.ini
sed 's/^max = 10$/max = 8.55/' "$P" > max.ini
bad 1 "max.ini:79: bad value for max: '8.55' (expected points from 0.1 to 100, at most one decimal)" \
    program check max.ini
sed 's/^support_cap = .*/support_cap = 8천만원/' "$P" > cap.ini
bad 1 "cap.ini:22: bad value for support_cap: '8천만원' ($DIGITS; expected an amount in won such as 80,000,000)" \
    program check cap.ini
sed 's/^threshold = 70/threshold = NaN/' "$P" > nan.ini
bad 1 "nan.ini:59: bad value for threshold: 'NaN' (expected points from 0 to 100, at most one decimal)" \
    program check nan.ini
{ echo '[program]'; printf 'id = '; head -c 300 /dev/zero | tr '\0' x; echo; } > longline.ini
bad 1 'longline.ini:2: the line is longer than 197 bytes: continue a long value on indented lines' \
    program check longline.ini
bad 1 'simsa: no-such.ini: No such file or directory' init c.db --program no-such.ini
[ ! -e c.db ] || fail "a failed init left c.db"

# ---- signed sheets (sheet import verifies before anything is recorded) ----
okd pack j1 -o laptop.db
{ echo "$SCORE_HEADER"; echo '2026-001,j1,7,3.5,14,10.5,14,3.5,10.5,7,agree,데이터 확보 계획이 구체적임'; } > mine.csv
expect_exit 0 -d laptop.db --as j1 --passphrase-file "$PW" score import mine.csv
mkdir exp
expect_exit 0 -d laptop.db sheet export j1 -o exp
SHEET=exp/2026-001-j1.sheet
# A sheet the secretariat transcribed (signed with its key) exported from the main database.
{ echo "$SCORE_HEADER"; echo '2026-002,j2,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > paper.csv
as 간사 score import paper.csv
mkdir sec
okd sheet export j2 -o sec
NOTHING='1 problem; no sheet was imported'
# shellcheck disable=SC2086
bad 1 'sec/2026-002-j2.sheet: the sheet is not signed by its own judge' \
    -d "$DB" $SEC sheet import sec/2026-002-j2.sheet
expect_stderr_line "$NOTHING"
# j1's sheet with the secretariat's signature: signed by another key.
mkdir other && cp "$SHEET" other/a.sheet && cp sec/2026-002-j2.sheet.minisig other/a.sheet.minisig
# shellcheck disable=SC2086
bad 1 'other/a.sheet: bad signature: signature does not match' -d "$DB" $SEC sheet import other/a.sheet
mkdir nosig && cp "$SHEET" nosig/a.sheet
# shellcheck disable=SC2086
bad 1 'nosig/a.sheet.minisig: No such file or directory' -d "$DB" $SEC sheet import nosig/a.sheet
mkdir cut && head -c -1 "$SHEET" > cut/a.sheet && cp "$SHEET.minisig" cut/a.sheet.minisig
# shellcheck disable=SC2086
bad 1 'cut/a.sheet: a record must be text ending with a line feed' -d "$DB" $SEC sheet import cut/a.sheet
mkdir crlf && sed 's/$/\r/' "$SHEET" > crlf/a.sheet && cp "$SHEET.minisig" crlf/a.sheet.minisig
# shellcheck disable=SC2086
bad 1 'crlf/a.sheet: not a simsa record (the first line must be "simsa-record 1")' \
    -d "$DB" $SEC sheet import crlf/a.sheet
mkdir bom && { printf '\357\273\277'; cat "$SHEET"; } > bom/a.sheet && cp "$SHEET.minisig" bom/a.sheet.minisig
# shellcheck disable=SC2086
bad 1 'bom/a.sheet: not a simsa record (the first line must be "simsa-record 1")' \
    -d "$DB" $SEC sheet import bom/a.sheet
# The opinion in decomposed Hangul: it looks the same and is not what was signed.
mkdir nfd && cp "$SHEET.minisig" nfd/a.sheet.minisig
sed "s/^opinion: 데이터/opinion: $(printf '\341\204\203\341\205\246')이터/" "$SHEET" > nfd/a.sheet
if cmp -s "$SHEET" nfd/a.sheet; then fail "the opinion was not decomposed"; fi
# shellcheck disable=SC2086
bad 1 'nfd/a.sheet: bad signature: signature does not match' -d "$DB" $SEC sheet import nfd/a.sheet
mkdir junk && cp "$SHEET" junk/a.sheet && echo 'not a signature' > junk/a.sheet.minisig
# shellcheck disable=SC2086
bad 1 'junk/a.sheet: the .minisig file is not a minisign signature' -d "$DB" $SEC sheet import junk/a.sheet
# shellcheck disable=SC2086
bad 1 "$SHEET: a second sheet of j1 for 2026-001" -d "$DB" $SEC sheet import "$SHEET" "$SHEET"

expect_equal "$(sql 'select count(*) from sheet')" 1 "sheets after the bad ones (the transcribed one)"
cases_done 30
