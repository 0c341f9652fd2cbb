#!/bin/sh
# One clock for the room (issue 15): the secretariat starts and advances the presentation in
# the judges' session screen; the start, pauses and steps are recorded events, so two judges'
# screens (on the fake clock, SIMSA_CLOCK=file:PATH) show the same application and the same
# time left, without a key; a judge cannot run the room's clock.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call
MIN=60000
clock() { echo "$1" > clock; }
clock 1000

for who in 1 2; do
    tui_start 100 30 "judge$who" "SIMSA_CLOCK=file:$PWD/clock"
    wait_for "Sheets submitted by judge"
    sign_in "$who"
    keys J
    wait_for "No presentation yet"
done
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
wait_for "Presentation: 15:00 left (running)"
expect_eq "$(sqlite3 demo.db "select count(*) from event where kind = 'session clock'")" 2 "clock events"

for who in 1 2; do
    CURRENT=judge$who
    wait_for "Now presenting: 2026-103  진천바이오"
    wait_for "Presentation: 15:00 left (running)"
done
# The secretariat pauses: both judges see it paused at the same time left.
CURRENT=sec
keys t
wait_for "Presentation: 15:00 left (paused)"
clock $((1000 + 9 * MIN))
for who in 1 2; do
    CURRENT=judge$who
    wait_for "Presentation: 15:00 left (paused)"
done
# A judge's t does not touch the room's clock.
keys t
wait_for "the secretariat runs the room's clock"
expect_eq "$(sqlite3 demo.db "select count(*) from event where kind = 'session clock'")" 3 "clock events"
# The clock's events are signed by the secretariat and verify.
"$SIMSA" -d demo.db verify > verify.out 2>&1 || { cat verify.out; fail "verify"; }
expect_eq "$(sqlite3 demo.db "select distinct actor from event where kind = 'session clock'")" "김간사" "the clock's actor"
echo "room_clock: ok"
