# After the result (R11.6, R11.7, issue 19): a forfeit after the final result is an amendment;
# the promotion it causes is signed as revision 2, naming revision 1 and what changed; any
# revision can be shown; finalize with no change says the revision stands; verify covers every
# revision, and a judge can no longer be added.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
ok demo main.db
DB=main.db
okd tie resolve 2026-007 2026-002 --reason "위원회 협의"
okd finalize
expect_stdout_contains "the result is final, signed by 김간사"
okd finalize
expect_stdout_line "revision 1 of the final result stands: no amendment changed an outcome since; nothing was signed"
expect_equal "$(sql "select count(*) from result_final")" 1 "revisions after a finalize with no change"

# 협약 포기 after notification: accepted, 2026-002 (second in the tie order) promoted.
okd forfeit 2026-001 --reason "협약 포기"
expect_stdout_contains "promoted from the waitlist: 2026-002"
okd finalize
expect_stdout_contains "revision 2 of the final result signed by 김간사"
okd rank --revision 2
expect_stdout_contains "changed since revision 1: 2026-001 selected -> forfeited"
expect_stdout_contains "changed since revision 1: 2026-002 waitlisted -> selected"
okd rank --revision 1 --csv
expect_stdout_line "rank,app,company,base,final,outcome,amount"
grep -q "^[0-9]*,2026-001,.*,selected,80000000$" out || fail "revision 1 still shows 2026-001 selected"
okd rank --revision 2 --csv
grep -q "^[0-9]*,2026-001,.*,forfeited," out || fail "revision 2 shows 2026-001 forfeited"
faild rank --revision 3
expect_stderr_contains "there is no revision 3: the final result has 2 revisions"
expect_exit 2 -d "$DB" rank --revision x
sql "select signed_text from result_final where id = 2" > rev2.txt
grep -q "^revision: 2$" rev2.txt || fail "revision 2 does not say so"
grep -q "^previous: [0-9a-f]\{32\}$" rev2.txt || fail "revision 2 does not name revision 1"
okd verify
expect_stdout_contains "verified: "

# Frozen: a judge is not added any more, a fact not changed.
faild person add 새심사 --role judge --passphrase-file "$PW"
expect_stderr_contains "no judge can be added any more (R11.7)"
okd person add 새간사 --role secretariat --passphrase-file "$PW"
faild check set 2026-004 d1 yes
expect_stderr_contains "R11.6 freezes"

# A revision chain edited behind simsa's back: revision 2 made to name another predecessor.
cp main.db t.db
sqlite3 t.db "drop trigger result_final_no_update;
    update result_final set signed_text = replace(signed_text, 'revision: 2', 'revision: 5') where id = 2"
expect_exit 1 -d t.db verify
expect_output_line "final result 2: signed as revision 5"
echo "after_result: ok"
