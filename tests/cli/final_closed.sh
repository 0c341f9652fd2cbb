#!/bin/sh
# R14: once the final result is signed nothing that decides it changes, from any front end: a
# budget, a tie order, a forfeit, a sheet, a bonus or a second result are refused, naming why,
# and the database is unchanged.
. "$(dirname "$0")/lib.sh"
DB=demo.db
ok demo "$DB"
printf 'simsa-demo\n' > demopw

# An unresolved tie decides who is selected: finalize waits for it.
run -d "$DB" --as 김간사 --passphrase-file demopw finalize
[ "$rc" -eq 1 ] || fail "finalize with an open tie: exit $rc"
expect_stderr_contains "an unresolved tie decides who is selected: resolve it first"
expect_exit 0 -d "$DB" --as 김간사 --passphrase-file demopw tie resolve 2026-007 2026-002 \
    --reason "위원회 협의"
SIMSA_NOW=2026-08-03T16:30:00Z expect_exit 0 -d "$DB" --as 김간사 --passphrase-file demopw finalize
# A person reads Korea time (the signed text keeps UTC).
expect_stdout_line "the result is final, signed by 김간사 at 2026-08-04 01:30 KST"

before=$(db_state)
for cmd in "budget set 300,000,000" "bonus set 2026-004 local_supplier --note 증빙"; do
    # shellcheck disable=SC2086
    expect_exit 1 -d "$DB" --as 김간사 --passphrase-file demopw $cmd
    expect_stderr_contains "the result is final (signed at 2026-08-04 01:30 KST)"
    expect_stderr_contains "nothing that decides it can change any more"
    # R11.6: the refusal says what may still be done.
    expect_stderr_contains "What may still be recorded: a forfeit (simsa forfeit), a plan revision's outcome or an agreement, a corrected contact (simsa app contact), then a new revision of the result (simsa finalize)"
    expect_unchanged "$before"
done
printf 'app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n2026-012,윤지아,8,4,16,12,16,4,12,8,agree,\n' > late.csv
expect_exit 1 -d "$DB" --as 윤지아 --passphrase-file demopw score import late.csv
expect_stderr_contains "the result is final"
expect_unchanged "$before"
ok -d "$DB" verify
# Nothing left to score offline: no pack is made (R11.6).
expect_exit 1 -d "$DB" --as 김간사 --passphrase-file demopw pack 윤지아 -o late.pack
expect_stderr_contains "the final result is signed: no score sheet can be recorded any more"
[ ! -e late.pack ] || fail "a pack was written after the final result"

# R11.6: the facts behind the result are frozen too, from every command, each refusal saying
# what may still be done; nothing changes.
printf 'app,doc,issued\n2026-001,3,2026-05-20\n' > late-docs.csv
printf 'app,year,liabilities,equity,current_assets,current_liabilities\n2026-002,2025,1,2,3,4\n' > late-fin.csv
echo "재방문" > late-notes.txt
for cmd in "check set 2026-004 d1 yes --note 늦은확인" "docs import late-docs.csv" \
           "finance import late-fin.csv" \
           "inspect add 2026-002 --date 2026-06-20 --team 조현장,김간사 --notes-file late-notes.txt"; do
    # shellcheck disable=SC2086
    expect_exit 1 -d "$DB" --as 김간사 --passphrase-file demopw $cmd
    grep -q "R11.6\|the result is final" err || fail "$cmd after the final result: $(cat err)"
    expect_unchanged "$before"
done
expect_exit 1 -d "$DB" --as 김간사 --passphrase-file demopw check set 2026-004 d1 yes
expect_stderr_contains "What may still be recorded: a forfeit (simsa forfeit)"
run -d "$DB" app show 2026-004
expect_stdout_lacks "not met"
# Korea time where a person reads a signed record's time.
run -d "$DB" app show 2026-001
grep -E -x -q "site inspection 2026-[0-9-]+, signed by 조현장 at 20[0-9-]+ [0-9:]+ KST" out ||
    fail "the inspection's time is not in Korea time: $(grep 'site inspection' out)"

# A change slipped in after the final result (its row hidden while simsa wrote it) is named.
cp "$DB" late.db
sqlite3 late.db "drop trigger result_final_no_delete; create table keep as select * from result_final;
    delete from result_final"
expect_exit 0 -d late.db --as 김간사 --passphrase-file demopw check set 2026-004 d1 yes --note 늦음
sqlite3 late.db "insert into result_final select * from keep; drop table keep"
expect_exit 1 -d late.db verify
grep -q "(check): made after the final result of event [0-9]*, which froze it (R11.6)" out ||
    fail "a change after the final result: $(cat out)"
echo "final_closed: ok"
