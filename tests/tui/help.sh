#!/bin/sh
# `?` lists the keys of the screen it is pressed on (from its action table) and the generic
# ones; q or ? again closes it; keys unknown to a screen say where help is.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

tui_start 100 30
wait_for "Sheets submitted by judge"
keys '?'
wait_for "Dashboard > Help"
wait_for "Keys of Dashboard"
line_with "  a " | grep -q "the applications: a table to sort, filter and open" || fail "a on dashboard"
wait_for "Keys everywhere"
line_with "q, Esc" | grep -q "back to the previous screen (quit on the first)" || fail "q"
line_with "j, Down" | grep -q "move down" || fail "j"
keys q
wait_for "Sheets submitted by judge"

keys a
wait_for "2026-012"
keys '?'
wait_for "Keys of Applications"
line_with "  Enter " | grep -q "open the application" || fail "Enter"
capture | grep -c "  Enter " | grep -qx 1 || fail "Enter listed once"
line_with "  s " | grep -q "sort by the chosen column; again reverses" || fail "s"
line_with "  / " | grep -q "id or company contains the text" || fail "/"
line_with "h, Left" | grep -q "choose the column to the left" || fail "h on the table"
keys '?'
wait_for "row 1 of 12"

keys Enter '?'
wait_for "Keys of Application"
line_with "  Tab " | grep -q "next tab" || fail "Tab"
line_with "  1 " | grep -q "information" || fail "1"
line_with "  6 " | grep -q "history" || fail "6"
keys q q
wait_for "row 1 of 12"

keys z
wait_for "that key does nothing here; ? lists the keys"
keys j
wait_gone "that key does nothing here"
echo "help: ok"
