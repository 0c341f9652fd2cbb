# simsa verify finds every kind of edit made behind simsa's back (R14, DESIGN "Trust"): a signed
# value, a fact recorded only in the audit log, and the audit log itself; each edit is made on a
# copy of the demo call and verify must exit 1 naming the record.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사

# problem LINE: verify printed this whole line (on either stream: DESIGN fixes only the status).
problem() {
    cat out err | grep -F -x -q -- "$1" || fail "verify did not report: $1"
}

# tamper BASE SQL LINE...: on a fresh copy of BASE, run SQL with the sqlite3 program; verify
# must exit 1 and report each LINE.
tamper() {
    base=$1 query=$2
    shift 2
    cp "$base" t.db
    sqlite3 t.db "$query" || fail "sqlite3 could not run: $query"
    expect_exit 1 -d t.db verify
    for line in "$@"; do
        problem "$line"
    done
    if grep -F -q "verified:" out; then fail "verify said verified after: $query"; fi
    return 0
}

ok demo main.db
DB=main.db
okd verify
expect_stdout_line "verified: 67 signed records, 268 audit events, every fact as recorded"

# Dropping the append-only triggers alone changes no record: still verified.
cp main.db t.db
sqlite3 t.db "drop trigger sheet_item_no_update; drop trigger event_no_update"
expect_exit 0 -d t.db verify

# A score, an amount vote (the amount, the agreement), a sheet's opinion.
tamper main.db "drop trigger sheet_item_no_update;
    update sheet_item set tenths = tenths + 5 where item = 'need' and sheet_id =
    (select s.id from sheet s join person p on p.id = s.judge_id
     where s.app_id = '2026-001' and p.name = '강민준')" \
    "sheet 2026-001/강민준: the stored values differ from what was signed"
adjusted="(select s.id from sheet s join amount_vote v on v.sheet_id = s.id
    join person p on p.id = s.judge_id where s.app_id = '2026-005' and p.name = '박지훈')"
expect_equal "$(sql "select agree, amount from amount_vote where sheet_id = $adjusted")" \
    "0|70000000" "박지훈's amount vote for 2026-005"
tamper main.db "drop trigger amount_vote_no_update;
    update amount_vote set amount = 71000000 where sheet_id = $adjusted" \
    "sheet 2026-005/박지훈: the stored values differ from what was signed"
tamper main.db "drop trigger amount_vote_no_update;
    update amount_vote set agree = 1 where sheet_id = $adjusted" \
    "sheet 2026-005/박지훈: the stored values differ from what was signed"
tamper main.db "drop trigger amount_vote_no_update;
    update amount_vote set agree = 0 where sheet_id = (select s.id from sheet s
    join person p on p.id = s.judge_id where s.app_id = '2026-001' and p.name = '강민준')" \
    "sheet 2026-001/강민준: the stored values differ from what was signed"
tamper main.db "drop trigger sheet_no_update;
    update sheet set opinion = opinion || '.' where app_id = '2026-007'
    and judge_id = (select id from person where name = '윤지아')" \
    "sheet 2026-007/윤지아: the stored values differ from what was signed"

# Facts kept in the audit log only: a document's issue date, an application's company and
# requested amount, the budget.
tamper main.db "update document set issued = '2026-03-05' where app_id = '2026-010' and doc = 6" \
    "document 6 of 2026-010: the stored values differ from what the audit log recorded"
tamper main.db "update application set company = '진천화장품' where id = '2026-003'" \
    "application 2026-003: the stored values differ from what the audit log recorded"
tamper main.db "update application set requested = 80000000 where id = '2026-012'" \
    "application 2026-012: the stored values differ from what the audit log recorded"
tamper main.db "update meta set value = '300000000' where key = 'budget'" \
    "budget: the stored values differ from what the audit log recorded"
tamper main.db "drop trigger budget_change_no_update; update budget_change set won = 300000000" \
    "budget change 1: the stored values differ from what was signed"

# A review decision, a conflict reason, a bonus note.
tamper main.db "drop trigger review_no_update; update review set passed = 1
    where app_id = '2026-009'" \
    "review 2026-009: the stored values differ from what was signed"
tamper main.db "drop trigger conflict_no_update; update conflict set reason = '해당 없음'
    where app_id = '2026-006'" \
    "conflict 2026-006/오세훈: the stored values differ from what was signed"
tamper main.db "drop trigger bonus_change_no_update; update bonus_change set note = '증빙 없음'
    where app_id = '2026-001' and bonus = 'local_supplier'" \
    "bonus 2026-001/local_supplier: the stored values differ from what was signed"

# A person's name: every record signed by or naming that person no longer matches.
tamper main.db "update person set name = '강민수' where name = '강민준'" \
    "sheet 2026-001/강민수: the stored values differ from what was signed" \
    "sheet 2026-005/강민수: the stored values differ from what was signed" \
    "sheet 2026-008/강민수: the stored values differ from what was signed"

# A tie decision and a forfeit, made by the secretariat first.
cp main.db tf.db
expect_exit 0 -d tf.db --as 김간사 --passphrase-file "$PW" tie resolve 2026-007 2026-002 \
    --reason "위원회 합의"
expect_exit 0 -d tf.db --as 김간사 --passphrase-file "$PW" forfeit 2026-001 --reason "협약 포기"
expect_exit 0 -d tf.db verify
tamper tf.db "drop trigger tie_decision_no_update;
    update tie_decision set members = '2026-002' || char(10) || '2026-007'" \
    "tie decision 1: the stored values differ from what was signed"
tamper tf.db "drop trigger tie_decision_no_update; update tie_decision set reason = '추첨'" \
    "tie decision 1: the stored values differ from what was signed"
tamper tf.db "drop trigger forfeit_no_update; update forfeit set reason = '사유 미상'" \
    "forfeit 2026-001: the stored values differ from what was signed"
tamper tf.db "drop trigger forfeit_no_update; update forfeit set promoted = ''" \
    "forfeit 2026-001: the stored values differ from what was signed"

# The audit log: a deleted event, two events' details swapped, two whole events swapped, an
# event's detail edited.
doc1=$(sql "select seq from event where app_id = '2026-001' and detail = 'doc 1 issued 2026-05-10'")
doc2=$(sql "select seq from event where app_id = '2026-001' and detail = 'doc 2 issued 2026-05-10'")
tax=$(sql "select seq from event where app_id = '2026-010' and detail = 'doc 6 issued 2026-02-28'")
sheet1=$(sql "select seq from event where kind = 'sheet submitted' and app_id = '2026-001'
    and detail like '강민준 #%'")
sheet2=$((sheet1 + 1))
[ -n "$doc1" ] && [ -n "$doc2" ] && [ -n "$tax" ] && [ -n "$sheet1" ] ||
    fail "the demo's events are not as expected"
tamper main.db "drop trigger event_no_delete; delete from event where seq = $tax" \
    "event $tax: missing (the chain jumps to $((tax + 1)))"
tamper main.db "drop trigger event_no_update;
    update event set detail = 'doc 2 issued 2026-05-10' where seq = $doc1;
    update event set detail = 'doc 1 issued 2026-05-10' where seq = $doc2" \
    "event $doc1: its content was changed after it was written" \
    "event $doc2: its content was changed after it was written"
tamper main.db "drop trigger event_no_update;
    update event set seq = -1 where seq = $sheet1;
    update event set seq = $sheet1 where seq = $sheet2;
    update event set seq = $sheet2 where seq = -1" \
    "event $sheet1: does not follow the previous event"
tamper main.db "drop trigger event_no_update;
    update event set detail = 'doc 6 issued 2026-03-05' where seq = $tax" \
    "event $tax: its content was changed after it was written"

# The untouched demo, and the one with the tie and forfeit, still verify.
okd verify
expect_stdout_contains "verified: "
expect_exit 0 -d tf.db verify

# The last events, after the last signed audit head, removed and nothing else: the forfeit and
# the tie decision are still signed records, but no audit event records them any more (as for
# a document or an application whose event is gone).
tamper tf.db "drop trigger event_no_delete; delete from event where kind = 'forfeit'"
tamper tf.db "drop trigger event_no_delete;
    delete from event where kind in ('forfeit', 'tie resolve')"

# Both directions: a whole signed sheet deleted (its event still names it), and a signed bonus
# award copied back in (a replay) are each named.
tamper main.db "drop trigger sheet_item_no_delete; drop trigger amount_vote_no_delete;
    drop trigger sheet_no_delete;
    delete from sheet_item where sheet_id = (select min(id) from sheet where app_id = '2026-011');
    delete from amount_vote where sheet_id = (select min(id) from sheet where app_id = '2026-011');
    delete from sheet where id = (select min(id) from sheet where app_id = '2026-011')"
grep -q "sheet submitted 2026-011): the signed record it recorded is missing" out ||
    fail "a deleted sheet was not named"
tamper main.db "insert into bonus_change(app_id, bonus, awarded, note, person_id, at,
    signed_text, signature) select app_id, bonus, awarded, note, person_id, at, signed_text,
    signature from bonus_change where id = (select min(id) from bonus_change)"
grep -q "stored more than once" out || fail "a replayed bonus award was not named"

# Tables that decide without a signature of their own are covered by the chain, both ways
# (issue 14): a judge removed from a panel, the program text, the budget row, a document, a
# checklist answer, financial figures, an assignment, an application.
tamper main.db "delete from panel_judge where person_id = (select id from person where name = '강민준')" \
    "panel 바이오·의료: its judges differ from what the audit log recorded"
tamper main.db "update program set source = replace(source, 'threshold = 70', 'threshold = 69.9')" \
    "program definition: the stored text differs from the one the call was created with"
tamper main.db "delete from meta where key = 'budget'"
grep -q "^budget: recorded at event [0-9]*, but missing" out || fail "a deleted budget row"
tamper main.db "delete from document where app_id = '2026-001' and doc = 3"
grep -q "^document 3 of 2026-001: recorded at event [0-9]*, but missing" out ||
    fail "a deleted document was not named"
tamper main.db "delete from checklist where app_id = '2026-002' and item = 'd1'"
grep -q "^checklist d1 of 2026-002: recorded at event" out || fail "a deleted checklist answer"
tamper main.db "delete from finance where app_id = '2026-001' and year = 2024"
grep -q "^financial figures 2024 of 2026-001: recorded at event" out || fail "deleted finance"
tamper main.db "update application set panel_id = NULL where id = '2026-011'"
grep -q "^application 2026-011: assigned to panel 식품·화장품·제지 at event [0-9]*, but not assigned now" out ||
    fail "an assignment removed"
tamper main.db "update application set panel_id = (select id from panel where name = '바이오·의료') where id = '2026-011'" \
    "application 2026-011: on panel 바이오·의료, but the audit log assigned it to 식품·화장품·제지"
tamper main.db "pragma foreign_keys = off; delete from document where app_id = '2026-012';
    delete from checklist where app_id = '2026-012'; delete from application where id = '2026-012'"
grep -q "^application 2026-012: recorded at event [0-9]*, but missing" out || fail "a deleted application"
tamper main.db "insert into panel(name) values ('유령')" "panel 유령: no audit event records it"

# People: a role changed, a key substituted, a person removed or added behind simsa's back.
tamper main.db "update person set role = 'secretariat' where name = '강민준'" \
    "person 강민준: stored as secretariat, but added as judge"
tamper main.db "update person set public_key = (select public_key from person where name = '김서연'),
    key_id = (select key_id from person where name = '김서연') where name = '강민준'" \
    "person 강민준: the stored key is not the key they were added with"
tamper main.db "insert into person(name, role, key_id, public_key, sealed_key, created)
    select '침입자', 'secretariat', key_id, public_key, sealed_key, created from person
    where name = '김간사'" "person 침입자: no audit event added them"

# Events: each is signed by its actor, who must be a person of the call with a role that may
# make it. An unsigned event, a signature of another person, an actor renamed, a judge's
# signature on a budget (a role change, made and undone) are named.
budget_seq=$(sqlite3 main.db "select seq from event where kind = 'budget' order by seq desc limit 1")
tamper main.db "drop trigger event_no_update; update event set signature = NULL where seq = $budget_seq" \
    "event $budget_seq (budget by 김간사): not signed"
tamper main.db "drop trigger event_no_update; update event set signature =
    (select signature from event where seq = 30) where seq = $budget_seq" \
    "event $budget_seq (budget): the signature is not 김간사's"
cp main.db role.db
sqlite3 role.db "update person set role = 'secretariat' where name = '강민준'"
expect_exit 0 -d role.db --as 강민준 --passphrase-file "$PW" budget set 300,000,000
sqlite3 role.db "update person set role = 'judge' where name = '강민준'"
tamper role.db "select 1"
problem "$(sqlite3 role.db "select 'event ' || max(seq) || ' (budget): 강민준, a judge, may not do this' from event")"

# The boundary of unsigned (earlier version) events moved to hide a forged tail; two signed
# rows of one table swapped (the latest decision is read by their order).
tamper main.db "update meta set value = '9999' where key = 'signed_from'" \
    "meta: signed_from 9999 lies beyond the last event (268): it was moved"
tamper main.db "update meta set value = '270' where key = 'signed_from'"
grep -q "^event 2: signed, but placed before the events that must be signed" out || fail "signed_from moved"
tamper main.db "delete from meta where key = 'signed_from'" \
    "meta: the record of which events are signed is missing"
tamper main.db "drop trigger bonus_change_no_update; update bonus_change set id = 100 where id = 1;
    update bonus_change set id = 1 where id = 2; update bonus_change set id = 2 where id = 100"
grep -q "rows were swapped" out || fail "swapped bonus rows"
okd panel order 바이오·의료 2026-005 2026-001
cp main.db ordered.db
tamper ordered.db "update presentation_order set position = 9 where app_id = '2026-001'" \
    "application 2026-001: its place in the presentation order (9) differs from what the audit log recorded (2)"
echo "trust_tamper: ok"
