#!/bin/sh
# The dashboard: the call's title and dates, stages, judges' sheets, budget and alerts; the
# program's Korean title in a Korean interface; q quits with status 0.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

tui_start 100 30
wait_for "2026 Manufacturing AI Field Application Support Program"
wait_for "Applications 2026-06-01 to 2026-06-19 18:00 (Korea time): 12 days left"
wait_for "Program cbtp-2026, operated by (재)충북테크노파크"
# stage counts beside the judges' sheets (the demo: 2 ineligible, 1 still scoring, 9 scored of
# which 2 are selected and none has an agreement yet)
line_with "ineligible" | grep -Eq "ineligible +2( |$)" || fail "ineligible count"
line_with "  scoring" | grep -Eq "scoring +1( |$)" || fail "scoring count"
line_with "  scored" | grep -Eq "scored +7( |$)" || fail "scored count"
line_with "  selected" | grep -Eq "selected +2( |$)" || fail "selected count"
line_with "  agreed" | grep -Eq "agreed +0( |$)" || fail "agreed count"
line_with "강민준" | grep -q "강민준 *3 of 3" || fail "judge sheets"
wait_for "Budget 250,000,000 won: used 150,624,000, left 99,376,000"
wait_for "! unresolved tie at rank 3: 2026-002, 2026-007"
wait_for "Alerts (document review: 12 of 12 decided)"
wait_for "have no site inspection yet (R13): 2026-002, 2026-003"
wait_for "! 2026-010 fails review: R2.1: document 6"
wait_for "? help  q quit  a apps  b board"

# R reads the database again: a budget set meanwhile from the command line shows
echo simsa-demo >pass
"$SIMSA" -d demo.db --as 김간사 --passphrase-file pass budget set 300,000,000 >/dev/null ||
    fail "budget set"
keys R
wait_for "read the database again"
wait_for "Budget 300,000,000 won: used 150,624,000, left 149,376,000"
keys q
wait_for "EXITED 0"

# Days counted from SIMSA_TODAY, and after the deadline.
tui_start 100 30 after SIMSA_TODAY=2026-06-22
wait_for "closed 3 days ago"
keys q
wait_for "EXITED 0"

# A Korean interface shows the program's Korean title.
tui_start 100 30 korean LANGUAGE=ko
wait_for "2026년 제조 AI 현장 적용 지원 사업"
keys Escape
wait_for "EXITED 0"
echo "dashboard: ok"
