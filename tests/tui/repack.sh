#!/bin/sh
# Issue 17.7: a judge packed again after submitting sees their submitted sheets as submitted and
# read-only in the pack, not as applications to score; the pack verifies.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db
printf '%s\n' simsa-demo > pass
PASS=simsa-demo
mkdir laptop
"$SIMSA" -d demo.db --as 김간사 --passphrase-file pass pack 강민준 -o laptop/demo.db >pack.out 2>&1 ||
    { cat pack.out; fail "pack"; }
expect_eq "$(sqlite3 laptop/demo.db "select count(*) from sheet")" 3 "sheets in the pack"
"$SIMSA" -d laptop/demo.db verify >verify.out 2>&1 || { cat verify.out; fail "the pack verifies"; }
cd laptop
tui_start 100 30
wait_for "Sheets submitted by judge"
wait_for "강민준"
line_with "강민준" | grep -q "3 of 3" || fail "강민준's sheets on the dashboard"
keys S
wait_for "Choose who you are"
capture | grep -q "< 강민준 (judge) >" || keys Right
wait_for "< 강민준 (judge) >"
keys Tab
type_text "$PASS"
keys Enter
wait_for "signed in as 강민준"
keys J
wait_for "Dashboard > session"
for app in 2026-001 2026-005 2026-008; do
    line_with "$app" | grep -q "submitted ✓" || fail "the lineup row of $app"
done
capture | grep -q "to score" && fail "an application to score again"
wait_for "Your sheet for 2026-001, signed"
wait_for "(read-only)"
keys e
wait_for "2026-001: your sheet is submitted and signed; it is read-only"
fits_width 100
echo "repack: ok"
