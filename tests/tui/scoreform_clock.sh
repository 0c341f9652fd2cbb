#!/bin/sh
# The room's clock on top of the score form too (issue 15.2): while a judge types a sheet, the
# form's top row shows the application presenting and its time left as the secretariat runs
# them, on the fake clock (SIMSA_CLOCK=file:PATH), and follows a pause and the next phase
# recorded from another terminal without a key; the typed score stays.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call
MIN=60000
clock() { echo "$1" > clock; }
clock 1000

tui_start 100 30 judge "SIMSA_CLOCK=file:$PWD/clock"
wait_for "Sheets submitted by judge"
sign_in 1
keys J
wait_for "No presentation yet"
keys e
wait_for "Score sheet: 진천바이오"
capture | grep -qF "now: " && fail "a room's clock shown before the secretariat started one"
keys 2
type_text 0

tui_start 100 30 sec "SIMSA_CLOCK=file:$PWD/clock"
wait_for "Sheets submitted by judge"
sign_in 0
keys J
wait_for "No presentation yet: Enter on an application starts it."
keys Enter
wait_for "2026-103 presents now: t starts the timer"
keys t
wait_for "Presentation: 20:00 left (running)"
clock $((1000 + 5 * MIN))

CURRENT=judge
wait_row 2 "now: 2026-103 진천바이오 · Presentation: 15:00 left (running)"
wait_for "Score sheet: 진천바이오"
clock $((1000 + 6 * MIN))
wait_row 2 "now: 2026-103 진천바이오 · Presentation: 14:00 left (running)"
# The secretariat moves on to the questions: the form follows.
CURRENT=sec
keys n
wait_for "Questions:"
CURRENT=judge
wait_row 2 "now: 2026-103 진천바이오 · Questions:"
wait_row 2 "left (running)"
# What the judge typed is still there.
line_with "Need for support" | grep -Eq "\) +20$" || fail "the typed score is gone"
echo "scoreform_clock: ok"
