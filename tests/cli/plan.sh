# Plan revisions (R12.1, R11.7; issue 19 item 2): required of a selected application with a due
# date, recorded as made, or not made — a forfeit whose reason names the plan revision, with
# its promotion; each a signed record that verify covers; refused for one not selected.
# R12.5: a due date is after the day (Korea time) the requirement is recorded.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
ok demo main.db
DB=main.db
# The clock: 2026-08-03 10:00 in Korea.
export SIMSA_NOW=2026-08-03T01:00:00Z
okd tie resolve 2026-007 2026-002 --reason "위원회 협의"
okd finalize
expect_stdout_line "the result is final, signed by 김간사 at 2026-08-03 10:00 KST"
before=$(db_state)
for due in 2026-08-03 2026-08-02 2026-01-10; do
    faild plan require 2026-005 --due "$due" --text "KPI 측정 방법 구체화"
    expect_stderr_line "simsa: 2026-005: due date $due is not after today (2026-08-03): a plan revision is due on a later day; nothing was changed"
done
# 2026-08-03 16:00 UTC is already 2026-08-04 in Korea.
SIMSA_NOW=2026-08-03T16:00:00Z faild plan require 2026-005 --due 2026-08-04 --text x
expect_stderr_contains "due date 2026-08-04 is not after today (2026-08-04)"
expect_unchanged "$before"
faild plan require 2026-008 --due 2026-08-14 --text "데이터 확보 계획 보완"
expect_stderr_contains "2026-008: only a selected application can be asked to revise its plan (R12.1)"
faild plan done 2026-005
expect_stderr_contains "no plan revision is required of it (simsa plan require)"
faild plan require 2026-005 --due 2026-02-30 --text x
expect_exit 2 -d "$DB" --as 김간사 --passphrase-file "$PW" plan require 2026-005 --due 2026-08-14
expect_unchanged "$before"

okd plan require 2026-005 --due 2026-08-14 --text "KPI 측정 방법 구체화"
expect_stdout_line "2026-005: plan revision required by 2026-08-14"
okd app show 2026-005
expect_stdout_line "plan revision (R12.1): required by 2026-08-14: KPI 측정 방법 구체화"
# One open requirement at a time: the second is refused until the first is decided.
before=$(db_state)
faild plan require 2026-005 --due 2026-08-20 --text "두 번째 요구"
expect_stderr_contains "a plan revision is required of it already: record first whether it was made"
expect_unchanged "$before"
okd plan done 2026-005
okd app show 2026-005
expect_stdout_line "plan revision (R12.1): made; it was due 2026-08-14: KPI 측정 방법 구체화"

okd plan require 2026-007 --due 2026-08-20 --text "사업비 산출 근거 보완"
okd plan failed 2026-007
expect_stdout_line "2026-007: plan revision not made; forfeited"
expect_stdout_contains "promoted from the waitlist: 2026-002"
okd rank --csv
grep -q '^[0-9]*,2026-007,.*"forfeited (plan revision not made by 2026-08-20 (R12.1): 사업비 산출 근거 보완): ' out ||
    fail "the forfeited row's reason does not name the plan revision (R11.7): $(grep 2026-007 out)"
faild plan failed 2026-007
expect_stderr_line "simsa: 2026-007: it has already forfeited; nothing was changed"
okd rank --csv
grep -q "^[0-9]*,2026-007,.*,forfeited," out || fail "2026-007 is not forfeited"
expect_equal "$(sql "select reason from forfeit where app_id = '2026-007'")" \
    "plan revision not made by 2026-08-20 (R12.1): 사업비 산출 근거 보완" "the forfeit's reason"
okd finalize
expect_stdout_contains "revision 2 of the final result signed"
okd verify
expect_stdout_contains "verified: "
sql "select signed_text from plan_revision where id = 1" > plan.txt
grep -q "^kind: plan-revision$" plan.txt || fail "plan record kind"
# An edited requirement is named.
cp main.db t.db
sqlite3 t.db "drop trigger plan_revision_no_update; update plan_revision set due = '2026-09-30' where id = 1"
expect_exit 1 -d t.db verify
expect_output_line "plan-revision 2026-005: the stored values differ from what was signed"
echo "plan: ok"
