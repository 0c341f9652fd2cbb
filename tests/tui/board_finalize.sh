#!/bin/sh
# The final result from the board (R14): refused while a tie decides who is selected; the form
# sums the result up and signs only on yes; afterwards the board says the result is final and
# refuses every change with that reason, also after the program is started again; `simsa verify`
# passes and finds the signed result.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

tui_start 100 30
wait_for "Sheets submitted by judge"
keys b
wait_for "2 in unresolved ties"
keys S
wait_for "Person      < 김간사 (secretariat) >"
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 김간사 (secretariat)"

keys F
wait_for "an unresolved tie decides who is selected: resolve it first (t orders a tie)"

# the tie ordered on the command line: the board reads it with R
echo simsa-demo >pw
"$SIMSA" -d demo.db --as 김간사 --passphrase-file pw tie resolve 2026-002 2026-007 \
    --reason "위원회 협의" >/dev/null || fail "tie resolve"
keys R
wait_for "3 selected, 5 waitlisted, 0 in unresolved ties"

keys F
wait_for "Sign the final result (R14)"
wait_for "3 selected (230,624,000 won), 5 waitlisted, 0 in unresolved ties"
wait_for "Selected: 2026-001, 2026-005, 2026-002"
wait_for "Waitlisted: 2026-007, 2026-003, 2026-008, 2026-006, 2026-004"
wait_for "Sign the result  [ ] yes  [x] no"
keys Enter # "no" does not sign
wait_for "some fields are not right yet"
expect_eq "$(sqlite3 demo.db "SELECT count(*) FROM result_final")" "0" "signed on no"
keys y
wait_for "✓ the result is signed as it stands"
keys Enter
wait_for "the result is final, signed by 김간사 at"
wait_for "; only amendments now (R11.6)"
wait_row 4 "the result is final (signed by 김간사 at "

# closed but for the amendments of R11.6: every other change refused, naming why (the info
# line, row 29); a finalize with no amendment since signs nothing.
for key in '$'; do
    keys j
    wait_row 29 "row " # the last message is gone
    keys "$key"
    wait_row 29 "the result is final (signed by 김간사 at "
    wait_row 29 "): amendments only (f, F)"
    capture | grep -q "┌─" && fail "a form opened for $key"
done
keys F
wait_row 29 "revision 1 of the final result stands: no amendment changed an outcome since"
capture | grep -q "┌─" && fail "a form opened with nothing to sign"
# An amendment from another terminal (협약 포기): the board learns of it, and F previews the
# revision to sign — its number, what changed and who is promoted — before signing it.
printf 'simsa-demo\n' > demopw
"$SIMSA" -d demo.db --as 김간사 --passphrase-file demopw forfeit 2026-001 --reason "협약 포기" \
    > forfeit.out 2>&1 || { cat forfeit.out; fail "forfeit after the result"; }
wait_for "from another terminal: forfeit 2026-001, 김간사"
keys F
wait_for "Sign a new revision of the final result (R11.6)"
wait_for "Revision 2, after revision 1; changed since:"
wait_for "2026-001 selected -> forfeited"
wait_for "waitlisted -> selected"
keys y
wait_for "✓ the result is signed as it stands"
keys Enter
wait_for "revision 2 of the final result signed by 김간사"

# the database says so, whoever opens it next
"$SIMSA" -d demo.db verify >verify.out 2>&1 || { cat verify.out; fail "simsa verify"; }
grep -q "^verified: " verify.out || fail "verify output: $(cat verify.out)"
expect_eq "$(sqlite3 demo.db "SELECT count(*) FROM result_final")" "2" "two revisions of the final result"
tui_start 100 30 again
wait_for "Sheets submitted by judge"
keys b
wait_row 4 "the result is final (signed by 김간사 at "
keys '$'
wait_row 29 "amendments only (f, F)"
fits_width 100
echo "board_finalize: ok"
