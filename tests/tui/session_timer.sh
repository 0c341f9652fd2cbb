#!/bin/sh
# The presentation timer on a fake clock (SIMSA_CLOCK=file:PATH, milliseconds): 20:00 of
# presentation then 15:00 of questions (the program's minutes), start and pause, the colour
# turning near the end and past it, next phase and next presentation; keys keep working while
# it runs.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call
MIN=60000
clock() { echo "$1" > clock; }
clock 1000

tui_start 100 30 main "SIMSA_CLOCK=file:$PWD/clock"
wait_for "Sheets submitted by judge"
keys J
wait_for "No presentation yet: Enter on an application starts it."
keys Enter
wait_for "2026-103 presents now: t starts the timer"
wait_for "Now presenting: 2026-103  진천바이오"
wait_for "Presentation: 20:00 left (paused)"
wait_for "then 15:00 of questions; n moves on"
line_with "2026-103" | grep -q "▶1 2026-103" || fail "the lineup marks the one presenting"

# The timer line's colour: green while calm, magenta near the end, red over time.
timer_colour() {
    tui_tmux capture-pane -e -p -t "$CURRENT" | grep -F "Presentation:" | grep -o '\[3[0-9]m' | head -1
}

# Each key is seen before the clock moves on (the screen says so), as a person would press it.
keys t
wait_for "Presentation: 20:00 left (running)"
clock $((1000 + 5 * MIN))
wait_for "Presentation: 15:00 left (running)"
expect_eq "$(timer_colour)" "[32m" "calm colour"
keys t
wait_for "Presentation: 15:00 left (paused)"
clock $((1000 + 60 * MIN))
sleep 1
wait_for "Presentation: 15:00 left (paused)"
# Keys work while the clock runs: move down and back, the timer keeps its place.
keys t
wait_for "Presentation: 15:00 left (running)"
keys j
wait_for "row 2 of 3"
keys k
wait_for "row 1 of 3"
clock $((1000 + 73 * MIN))
wait_for "Presentation: 2:00 left (running) - ending soon"
expect_eq "$(timer_colour)" "[35m" "ending colour"
clock $((1000 + 75 * MIN + 5000))
wait_for "Presentation: over time by 0:05 (running)"
expect_eq "$(timer_colour)" "[31m" "over-time colour"

keys n
wait_for "Questions: 15:00 left (running)"
clock $((1000 + 88 * MIN + 5000))
wait_for "Questions: 2:00 left (running) - ending soon"
keys n
wait_for "Presentation and questions are over; n goes to the next."
keys n
wait_for "2026-101 presents now: t starts the timer"
wait_for "Now presenting: 2026-101  청주발효(주)"
wait_for "Presentation: 20:00 left (paused)"
line_with "2026-101" | grep -q "▶2 2026-101" || fail "the next one is marked"
keys n n
wait_for "Presentation and questions are over"
keys n
wait_for "2026-102 presents now"
keys n n n
wait_for "that was the last presentation of the lineup"
fits_width 100
echo "session_timer: ok"
