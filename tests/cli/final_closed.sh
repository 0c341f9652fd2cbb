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
expect_exit 0 -d "$DB" --as 김간사 --passphrase-file demopw finalize
expect_stdout_contains "the result is final, signed by 김간사"

before=$(db_state)
for cmd in "budget set 300,000,000" "forfeit 2026-001 --reason 협약포기" "finalize" \
           "bonus set 2026-004 local_supplier --note 증빙"; do
    # shellcheck disable=SC2086
    expect_exit 1 -d "$DB" --as 김간사 --passphrase-file demopw $cmd
    expect_stderr_contains "the result is final (signed at "
    expect_stderr_contains "nothing that decides it can change any more"
    expect_unchanged "$before"
done
printf 'app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n2026-012,윤지아,8,4,16,12,16,4,12,8,agree,\n' > late.csv
expect_exit 1 -d "$DB" --as 윤지아 --passphrase-file demopw score import late.csv
expect_stderr_contains "the result is final"
expect_unchanged "$before"
ok -d "$DB" verify
echo "final_closed: ok"
