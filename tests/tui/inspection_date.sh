#!/bin/sh
# Issue 17.6: the site inspection form leaves the date empty until it is typed (no default of
# today, recorded unseen when the visit was another day); without one nothing is signed, and
# the failed submit puts the cursor on the date.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call

tui_start 100 30
wait_for "Sheets submitted by judge"
sign_in 0
keys a
wait_for "2026-101"
keys Enter
wait_for "2026-101  청주발효(주)"
keys 3
wait_for "No site inspection recorded (R13)"
keys i
wait_for "2026-101: site inspection"
line_with "Date " | grep -Eq "^ *│? *Date +│?$|Date *$|Date +│" || fail "the date is not empty"
capture | grep -q "2026-06-07" && fail "today's date is filled in"
keys Tab Tab
type_text "가동 확인"
keys C-s
wait_for "some fields are not right yet"
wait_for "✗ required"
expect_eq "$(sqlite3 demo.db "select count(*) from inspection")" 0 "inspections without a date"
type_text "2026-06-05"
keys Tab Tab Tab Tab
type_text "이상 없음"
keys C-s
wait_for "2026-101: site inspection of 2026-06-05 recorded and signed by 김간사"
expect_eq "$(sqlite3 demo.db "select count(*) from inspection")" 1 "inspections"
echo "inspection_date: ok"
