#!/bin/sh
# The application's plan revision and agreement forms (issue 19.2, 19.3), on its Amount & result
# tab: v records the committee's requirement (text and due date), then made or not made (not
# made is a forfeit that promotes from the waiting list); A records the agreement date, the form
# showing the dates core computes from it (co-payment due, advance, project end, development
# deadline) and refusing a day in the future; the tab shows both; verify passes.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db
printf 'simsa-demo\n' > pw
S="-d demo.db --as 김간사 --passphrase-file pw"
# shellcheck disable=SC2086
{ "$SIMSA" $S tie resolve 2026-007 2026-002 --reason 협의 && "$SIMSA" $S finalize; } \
    > cli.out 2>&1 || { cat cli.out; fail "tie, finalize"; }
TODAY=$(TZ=Asia/Seoul date +%F)
TOMORROW=$(TZ=Asia/Seoul date -d tomorrow +%F)
# A plan revision is due after the day it is recorded (R12.5).
DUE=$(TZ=Asia/Seoul date -d '+30 days' +%F)
# The 2026 program: co-payment +14 days, advance 15,000,000, project end +10 months (the day
# clipped to the month's end), development done 2 months before the end.
set -- $(python3 - "$TODAY" <<'PY'
import calendar, datetime, sys
d = datetime.date.fromisoformat(sys.argv[1])
def months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year; m += 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
end = months(d, 10)
print(d + datetime.timedelta(days=14), end, months(end, -2))
PY
)
COPAY=$1 END=$2 DEV=$3

tui_start 110 32
wait_for "Sheets submitted by judge"
keys S
wait_for "Person      < 김간사 (secretariat) >"
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 김간사 (secretariat)"
keys a
wait_for "2026-012"
keys Enter
wait_for "2026-001  청주바이오텍(주)"
keys 5
wait_for "tab 5 of 6"

# The committee's requirement.
keys v
wait_for "2026-001: plan revision"
wait_for "R12.1: the committee's requirement"
type_text "예산 집행 계획 보완"
keys Tab
type_text "$DUE"
keys C-s
wait_for "2026-001: plan revision required by $DUE"
wait_for "required by $DUE: 예산 집행 계획 보완"
# Made.
keys v
wait_for "Required by $DUE: 예산 집행 계획 보완"
wait_for "Revision  < made >"
keys C-s
wait_for "2026-001: plan revision made"
wait_for "made (required by $DUE: 예산 집행 계획 보완)"

# The agreement: a day in the future is refused live; today shows the dates it sets.
keys A
wait_for "2026-001: agreement"
type_text "$TOMORROW"
wait_for "✗ "
keys C-s
wait_for "is in the future"
wait_for "nothing was submitted"
i=0; while [ $i -lt 10 ]; do keys BSpace; i=$((i + 1)); done
type_text "$TODAY"
wait_for "✓ co-payment due $COPAY, advance 15,000,000 won, project end"
wait_for "$END, development done by $DEV"
keys C-s
wait_for "2026-001: agreement of $TODAY recorded and signed"
wait_for "Agreement  $TODAY: co-payment due $COPAY, advance 15,000,000 won, project end $END"
wait_for "done by $DEV"
"$SIMSA" -d demo.db app show 2026-001 > show.out 2>&1 || { cat show.out; fail "app show"; }
grep -q "agreement: *$TODAY" show.out || { cat show.out; fail "app show: no agreement"; }

# 2026-005: required, then not made: a forfeit; 2026-002 moves up from the waiting list.
keys q
wait_for "2026-012"
keys g j j j j Enter
wait_for "2026-005  오송메디칼(주)"
keys 5
keys v
wait_for "2026-005: plan revision"
type_text "시제품 일정 보완"
keys Tab
type_text "$DUE"
keys C-s
wait_for "2026-005: plan revision required by $DUE"
keys v
wait_for "Revision  < made >"
keys Right
wait_for "Revision  < not made >"
keys C-s
wait_for "2026-005: plan revision not made; forfeited; promoted: 2026-002"
wait_for "Plan       not made (required by $DUE: 시제품 일정 보완); forfeited"
expect_eq "$(sqlite3 demo.db "select count(*) from forfeit where app_id = '2026-005'")" 1 "forfeit"
# A plan revision of an application no longer selected is refused with the reason.
keys v
wait_for "2026-005: it has forfeited"
"$SIMSA" -d demo.db verify > verify.out 2>&1 || { cat verify.out; fail "verify"; }
echo "plan_agreement: ok"
