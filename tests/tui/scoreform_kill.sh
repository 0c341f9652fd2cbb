#!/bin/sh
# Drafts: every field left is saved at once, so killing simsa (SIGKILL, no chance to clean up)
# in the middle of a score form loses none of them; after a restart the form has them back.
# A draft is never a sheet: the ranking does not count it.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call

tui_start 100 30 first
wait_for "Sheets submitted by judge"
sign_in 1
keys J
wait_for "강민준 (judge)"
keys G e
wait_for "Score sheet: 충주제지(주)"
type_text "7.5"
keys Tab
type_text "현장 확인 필요"
keys Tab
type_text "3"
keys Tab Tab
type_text "25"
keys Tab
wait_for "✗ the score is above the maximum"
# The last field left is in the database before the process dies.
n=$TRIES
until sqlite3 demo.db "select payload from draft" 2>/dev/null | grep -qx "item.data=25"; do
    n=$((n - 1))
    [ "$n" -gt 0 ] || fail "the draft was not saved: $(sqlite3 demo.db 'select payload from draft')"
    sleep 0.1
done
pid=$(simsa_pid)
[ -n "$pid" ] || fail "no simsa process in the pane"
kill -9 "$pid"
wait_for "EXITED 137"

"$SIMSA" -d demo.db rank --csv > rank.csv
grep -q '^,2026-102,충주제지(주),0,' rank.csv || fail "a draft counted as a sheet: $(cat rank.csv)"
"$SIMSA" -d demo.db verify >verify.out 2>&1 || { cat verify.out; fail "verify"; }

tui_start 100 30 second
wait_for "Sheets submitted by judge"
sign_in 1
keys J
wait_for "강민준 (judge)"
line_with "2026-102" | grep -q "draft" || fail "the lineup does not say there is a draft"
keys G e
wait_for "Score sheet: 충주제지(주)"
line_with "Need for support (0-10)" | grep -q "7.5" || fail "need is not back"
line_with "  comment" | grep -q "현장 확인 필요" || fail "the comment is not back"
line_with "Commitment (0-5)" | grep -q " 3" || fail "will is not back"
line_with "Data readiness (0-20)" | grep -q "25" || fail "data is not back"
wait_for "✗ the score is above the maximum"
wait_for "Total 10.5 of 100 (2 of 8 items scored)"
echo "scoreform_kill: ok"
