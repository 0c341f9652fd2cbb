#!/bin/sh
# The committee's changes from the board, each signed by the secretariat and written through the
# commands' code path: refused without the secretariat signed in; the tie at rank 3 ordered
# (R9.3) with the form's preview of who each order selects; a forfeit (R11.5) whose form names
# who would be promoted before it is signed; the budget (R11.1) with a live preview. After each,
# `simsa rank --csv` shows the change, and `simsa verify` passes.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

# csv_field APP COLUMN: a field of `simsa rank --csv` (the columns before the reason only).
csv_field() {
    "$SIMSA" -d demo.db rank --csv | awk -F, -v app="$1" -v col="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
        $2 == app { print $at[col] }'
}

tui_start 100 30
wait_for "Sheets submitted by judge"
keys b
wait_for "2 selected, 4 waitlisted, 2 in unresolved ties"

# reading needs no sign-in; changing does
keys t
wait_for "sign in first (S): reading needs no sign-in, changes do"
keys '$'
wait_for "sign in first (S)"

# a judge may not change the board
keys S
wait_for "Person      < 김간사 (secretariat) >"
keys Right Right
wait_for "Person      < 강민준 (judge) >"
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 강민준 (judge)"
keys f
wait_for "강민준 is signed in as judge: only the secretariat makes this change"
keys S
wait_for "강민준 signed out: reading only"

keys S
wait_for "Person      < 김간사 (secretariat) >"
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 김간사 (secretariat)"

# a waitlisted company cannot forfeit
keys g j j j j
wait_for "row 5 of 12"
keys f
wait_for "2026-003: only a selected company can forfeit"

# the tie: the selected row is in none, so the first unresolved one is offered
keys t
wait_for "Resolve a tie (R9.3)"
wait_for "2026-002  (주)충주식품 — tie"
wait_for "2026-007  새봄코스메틱 — tie"
wait_for "Order   < 2026-002 > 2026-007 >"
wait_for "with this order: 2026-002 selected, 2026-007 waitlisted"
keys Space
wait_for "Order   < 2026-007 > 2026-002 >"
wait_for "with this order: 2026-007 selected, 2026-002 waitlisted"
keys Tab Enter # no reason: refused in the form, nothing written
wait_for "✗ required"
wait_for "some fields are not right yet"
expect_eq "$(csv_field 2026-002 outcome)" "tie" "nothing written without a reason"
type_text "위원회 협의: 데이터 확보 계획의 구체성"
keys Enter
wait_for "tie ordered: 2026-007 > 2026-002 (signed)"
wait_for "3 selected, 5 waitlisted, 0 in unresolved ties"
line_with "2026-007" | grep -Eq "^ +3 2026-007 .* selected +80,000,000$" || fail "2026-007 row"
line_with "2026-002" | grep -Eq "^ +4 2026-002 .* waitlisted +80,000,000$" || fail "2026-002 row"
expect_eq "$(csv_field 2026-007 rank),$(csv_field 2026-007 outcome)" "3,selected" "2026-007 in rank --csv"
expect_eq "$(csv_field 2026-002 rank),$(csv_field 2026-002 outcome)" "4,waitlisted" "2026-002 in rank --csv"
"$SIMSA" -d demo.db rank --csv | grep "^3,2026-007" | grep -q "ordered by the committee (R9.3)" ||
    fail "the tie's reason in rank --csv"
keys t
wait_for "no unresolved tie: nothing to order"

# the forfeit: the form names who would be promoted before anything is signed
keys g
wait_for "row 1 of 12"
keys f
wait_for "Forfeit (R11.5)"
wait_for "2026-001 청주바이오텍(주) is selected with 80,000,000 won."
wait_for "If it forfeits, promoted from the waitlist: 2026-002"
keys Escape
wait_gone "Forfeit (R11.5)"
expect_eq "$(csv_field 2026-001 outcome)" "selected" "Esc changes nothing"
keys f
wait_for "Forfeit (R11.5)"
type_text "협약 포기"
keys Enter
wait_for "2026-001 forfeited (signed); promoted from the waitlist: 2026-002"
line_with "2026-001" | grep -Eq " forfeited +80,000,000$" || fail "forfeited row"
line_with "2026-002" | grep -Eq " selected +80,000,000$" || fail "promoted row"
expect_eq "$(csv_field 2026-001 outcome)" "forfeited" "2026-001 in rank --csv"
expect_eq "$(csv_field 2026-002 outcome)" "selected" "2026-002 in rank --csv"
keys f
wait_for "2026-001: it has already forfeited"

# the budget: a bad amount is refused as it is typed; a good one previews the selection
keys '$'
wait_for "Set the budget (R11.1)"
wait_for "The budget now: 250,000,000 won."
keys C-u
type_text "3억"
wait_for "✗ "
keys C-u
type_text "400000000"
keys Tab
wait_for "400,000,000"
wait_for "with this budget: 5 selected (364,224,000 won), 2 waitlisted, 0 in unresolved ties"
keys Enter
wait_for "the budget is 400,000,000 won (signed)"
wait_for "Budget 400,000,000 won: used 364,224,000, left 35,776,000"
expect_eq "$(csv_field 2026-008 outcome)" "selected" "2026-008 selected with the new budget"

"$SIMSA" -d demo.db verify >verify.out 2>&1 || { cat verify.out; fail "simsa verify"; }
fits_width 100
echo "board_tie_forfeit: ok"
