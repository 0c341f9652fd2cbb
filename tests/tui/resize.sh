#!/bin/sh
# Resizing at any time redraws the whole screen for the new size: the same text as a program
# started at that size, nothing left over; below 80x24 a message says so, and it recovers.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

# the reference: started at 80x24 on the applications table, one row down
tui_start 80 24 reference
wait_for "Sheets submitted by judge"
keys a j
wait_for "row 2 of 12"
fits_width 80
reference=$(capture)

tui_start 100 30
wait_for "Sheets submitted by judge"
keys a j
wait_for "row 2 of 12"
tui_tmux resize-window -t main -x 80 -y 24
wait_screen "$reference" "80x24 after shrinking from 100x30"

tui_tmux resize-window -t main -x 70 -y 20
wait_for "simsa needs a terminal of at least 80x24."
wait_for "This one is 70x20: make it larger."
fits_width 70

tui_tmux resize-window -t main -x 80 -y 24
wait_screen "$reference" "80x24 after growing back"

# in the middle of a detail, and wider again
keys Enter 3
wait_for "tab 3 of 6"
tui_tmux resize-window -t main -x 120 -y 40
wait_row 40 "Tab next tab  e edit  c checklist  r decide  i inspection  d dashboard"
wait_row 39 "application 2 of 12; tab 3 of 6"
fits_width 120

# started too small: the message, and q still quits
tui_start 60 20 tiny
wait_for "This one is 60x20: make it larger."
keys q
wait_for "EXITED 0"
echo "resize: ok"
