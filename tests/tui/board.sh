#!/bin/sh
# The committee board: ranking from call_rank, the 70-point line between the targets and the
# rest, tied rows marked, the budget figures, Enter opens an application.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

tui_start 100 30
wait_for "Sheets submitted by judge"
keys b
wait_for "Dashboard > Board"
wait_for "Budget 250,000,000 won: used 150,624,000, left 99,376,000"
wait_for "2 selected, 4 waitlisted, 2 in unresolved ties"
line_with "2026-001" | grep -Eq "^ +1 2026-001 청주바이오텍\(주\) +85\.00 +\+3 +88\.00 +target +selected +80,000,000$" ||
    fail "rank 1 row"
line_with "2026-005" | grep -Eq "82\.00 +82\.00 +target +selected +70,624,000$" || fail "rank 2 row"
line_with "2026-002" | grep -Eq "^ +=3 2026-002 .* tie +80,000,000$" || fail "tied row"
line_with "2026-007" | grep -Eq "^ +=3 2026-007 " || fail "other tied row"
line_with "2026-011" | grep -Eq "69\.98 +69\.98 +excluded +excluded" || fail "below the line"

# the line sits right after the last target (2026-004) and before the first of the rest
rule=$(row_of "70-point line (R7.3)")
expect_eq "$(row_of "2026-004 음성제지")" "$((rule - 1))" "row above the threshold line"
expect_eq "$(row_of "2026-009 서울정밀")" "$((rule + 1))" "row below the threshold line"

# amounts line up under their header, whatever the company names' widths
amount=$(column_of "$(line_with "rank app")" "amount")
end_of_header=$((amount + 6))
for id in 2026-001 2026-006 2026-004; do
    line=$(line_with "$id")
    digits=$(printf '%s' "$line" | grep -Eo '[0-9,]+$')
    expect_eq "$(( $(column_of "$line" "$digits") + ${#digits} ))" "$end_of_header" "amount of $id"
done

# the filter works here too, and the line stays between the groups it separates
keys /
type_text "제"
keys Enter
wait_for "filter: 제"
wait_gone "2026-001"
rule=$(row_of "70-point line")
expect_eq "$(row_of "2026-004")" "$((rule - 1))" "filtered: above the line"
expect_eq "$(row_of "2026-012")" "$((rule + 1))" "filtered: below the line"
keys / C-u Enter
wait_for "row 8 of 12" # the selection stays on the row it was on (2026-004)

keys g j Enter
wait_for "2026-005  오송메디칼(주)"
keys q
wait_for "row 2 of 12"
fits_width 100

# colours: the tied rows in magenta on the default background; none with NO_COLOR
esc=$(printf '\033')
tui_tmux capture-pane -p -e -t main | grep "2026-002" | grep -q "${esc}\[[0-9;]*35m" ||
    fail "no colour on the tied row"
tui_start 100 30 plain NO_COLOR=1
wait_for "Sheets submitted by judge"
keys b
wait_for "2026-002"
tui_tmux capture-pane -p -e -t plain | grep -q "${esc}\[[0-9;]*3[0-7]m" && fail "colour with NO_COLOR"
tui_tmux capture-pane -p -e -t plain | grep "2026-002" | grep -q "${esc}\[1m" || fail "tied row not bold"
echo "board: ok"
