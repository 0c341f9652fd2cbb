#!/bin/sh
# A judge sees no other judge's scores, nor the result, of an application before submitting their
# own sheet for it: in the application's Scores and Result tabs and on the board. 윤지아 has not
# scored 2026-012 in the demo; she has scored 2026-002.
. "$TESTS/tui/tmux-lib"
demo_db
tui_start 100 30
wait_for "read-only"
keys S Right Right Right Right Right Right Right Right Right Right
wait_for "< 윤지아 (judge) >"
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 윤지아 (judge)"
keys b
wait_for "Dashboard > Board"
line_with "2026-012" | grep -q "(hidden until you submit)" || fail "2026-012 on the board"
line_with "2026-002" | grep -q "(hidden until you submit)" && fail "2026-002 is hers: shown"
line_with "2026-002" | grep -q "80.00" || fail "2026-002 scores on the board"
keys a G Enter 4
wait_for "2026-012  가온제지"
wait_for "The judges' scores are hidden until you have submitted your own sheet."
keys 5
wait_for "The result is hidden until you have submitted your own sheet."
echo "judge_hidden: ok"
