# The judges' session from the command line: the presentation order a panel hears its
# applications in (panel order), per-item comments signed with the sheet (score import's
# comment_<item> columns, sheet export and import, verify), and drafts that are never sheets.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
ok demo main.db
DB=main.db
FOOD=식품·화장품·제지

# panel order: the named applications first, then the panel's others as they were (by id).
okd panel order "$FOOD" 2026-012 2026-006
expect_stdout_line "panel $FOOD: presentation order set for 7 application(s)"
expect_equal "$(sed -n 2,8p out | tr '\t\n' ': ')" \
    "1:2026-012 2:2026-006 3:2026-002 4:2026-003 5:2026-004 6:2026-007 7:2026-011 " "the order"
expect_equal "$(sql "select group_concat(app_id, ' ') from (select app_id from presentation_order
    order by position)")" "2026-012 2026-006 2026-002 2026-003 2026-004 2026-007 2026-011" \
    "the stored order"
sql "select detail from event where kind = 'panel order'" > ev
grep -F -x -q "$FOOD: 2026-012 2026-006 2026-002 2026-003 2026-004 2026-007 2026-011" ev ||
    fail "the audit event: $(cat ev)"
# Again with one: it moves to the front, the others keep the order just set.
okd panel order "$FOOD" 2026-011
expect_equal "$(sed -n 2,4p out | tr '\t\n' ': ')" "1:2026-011 2:2026-012 3:2026-006 " "reordered"

before=$(db_state)
faild panel order 없는패널 2026-012
expect_stderr_line "simsa: no panel named 없는패널 (simsa panel add)"
faild panel order "$FOOD" 2026-001
expect_stderr_line "simsa: 2026-001 is not an application of that panel"
faild panel order "$FOOD" 2026-012 2026-012
expect_stderr_line "simsa: 2026-012 is named twice"
faild panel order "$FOOD" 2026-999
expect_stderr_line 'simsa: no application "2026-999"'
expect_exit 2 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" panel order "$FOOD"
expect_unchanged "$before"
okd verify

# A draft is scratch: rank does not count it, and the sheet that is submitted removes it.
okd rank --csv
cp out rank.before
sql "insert into draft(judge_id, app_id, payload, saved_at) values ((select id from person
    where name = '윤지아'), '2026-012', 'item.need=9', '2026-06-22T05:30:00Z')"
okd rank --csv
cmp -s out rank.before || fail "a draft changed the ranking"
# A conflict declared closes the application to the judge: their draft of it goes too.
sql "insert into draft(judge_id, app_id, payload, saved_at) values ((select id from person
    where name = '장태호'), '2026-012', 'item.need=7', '2026-06-22T05:30:00Z')"
okd --as 장태호 --passphrase-file "$PW" conflict add 장태호 2026-012 --reason "공급기업 자문"
expect_equal "$(sql "select p.name from draft d join person p on p.id = d.judge_id")" "윤지아" \
    "drafts after the conflict"

# Per-item comments: optional comment_<item> columns; a comment line follows its item in the
# signed text, only where there is one.
okd pack 윤지아 -o laptop.db
{
    echo "$SCORE_HEADER,comment_need,comment_cost"
    echo "2026-012,윤지아,8,4,15.5,11,16,4,12,8,agree,종합 의견,\"근거 자료, 충분함\","
} > mine.csv
expect_exit 0 -d laptop.db --as 윤지아 --passphrase-file "$PW" score import mine.csv
mkdir exp
expect_exit 0 -d laptop.db sheet export 윤지아 -o exp --key
SHEET=exp/2026-012-윤지아.sheet
sed -n '/^item: need=/,/^item: will=/p' "$SHEET" > around
expect_equal "$(cat around)" "$(printf 'item: need=8\ncomment: need=근거 자료, 충분함\nitem: will=4')" \
    "the comment after its item"
[ "$(grep -c '^comment: ' "$SHEET")" -eq 1 ] || fail "an empty comment has a line: $(cat "$SHEET")"
minisign -Vm "$SHEET" -p exp/윤지아.pub >/dev/null 2>&1 || fail "minisign -V of the sheet"

# A copy whose comment was changed does not verify and is refused whole.
mkdir bad
cp "$SHEET" "$SHEET.minisig" bad/
sed -i 's/^comment: need=근거 자료, 충분함$/comment: need=근거 자료, 부족함/' bad/2026-012-윤지아.sheet
cmp -s "$SHEET" bad/2026-012-윤지아.sheet && fail "the comment was not changed"
before=$(db_state)
faild --as 김간사 --passphrase-file "$PW" sheet import bad/2026-012-윤지아.sheet
expect_stderr_contains "bad signature"
expect_unchanged "$before"

okd --as 김간사 --passphrase-file "$PW" sheet import "$SHEET"
expect_stdout_line "imported 1 verified sheet(s), 0 already recorded"
expect_equal "$(sql "select group_concat(i.item || '=' || i.comment, ';') from sheet_item i
    join sheet s on s.id = i.sheet_id where s.app_id = '2026-012' and i.comment != ''
    and s.judge_id = (select id from person where name = '윤지아')")" \
    "need=근거 자료, 충분함" "the stored comment"
expect_equal "$(sql "select count(*) from draft")" 0 "drafts left after the sheet"
okd verify
expect_stdout_contains "verified: "

# Changing a stored comment is found by verify (the row no longer gives the signed text).
cp main.db tampered.db
[ -f main.db-wal ] && cp main.db-wal tampered.db-wal
DB=tampered.db
sql "drop trigger sheet_item_no_update; update sheet_item set comment = '바뀜'
    where comment = '근거 자료, 충분함'"
faild verify
expect_stdout_line "sheet 2026-012/윤지아: the stored values differ from what was signed"
# And adding one where the judge wrote none.
DB=main.db
cp main.db added.db
[ -f main.db-wal ] && cp main.db-wal added.db-wal
DB=added.db
sql "drop trigger sheet_item_no_update; update sheet_item set comment = '추가'
    where item = 'will' and sheet_id = (select id from sheet where app_id = '2026-012'
    and judge_id = (select id from person where name = '윤지아'))"
faild verify
expect_stdout_line "sheet 2026-012/윤지아: the stored values differ from what was signed"

# A database of schema 1 (before the session and agreement tables) gains them when opened, and
# keeps its data.
ok demo old.db
DB=old.db
sql "drop trigger sheet_clears_draft; drop trigger conflict_clears_draft; drop table draft;
    drop table presentation_order; alter table event drop column signature;
    delete from meta where key = 'signed_from'; drop table plan_revision;
    drop trigger agreement_no_update; drop trigger agreement_no_delete; drop table agreement;
    drop trigger checkpoint_no_update; drop trigger checkpoint_no_delete; drop table checkpoint;
    pragma user_version = 1"
okd app list
expect_stdout_contains "2026-012"
expect_equal "$(sql "pragma user_version")" 6 "the schema after opening"
expect_equal "$(sql "select count(*) from checkpoint")" 0 "the new checkpoint table"
expect_equal "$(sql "select count(*) from draft")" 0 "the new draft table"
okd panel order "$FOOD" 2026-012
okd verify
# Its events were written before events were signed: verify says so, once, and checks the
# new one.
expect_stdout_contains "note: events 1-268 were written before simsa signed every event"
expect_equal "$(sql "select count(*) from event where signature is not null")" 1 "signed events"
echo "session: ok"
