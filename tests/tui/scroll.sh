#!/bin/sh
# More rows than the screen: paging and the selection keep the selected row in view, a row
# just under the threshold line brings the line into view with it, long pages scroll.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

# 40 more applications (2026-101..140), unreviewed, with valid business numbers
awk 'BEGIN {
    print "id,company,biz_no,size,region,industry,founded,supplier,supplier_pools,requested,copay,received"
    split("1 3 7 1 3 7 1 3 5", w, " ")
    for (i = 1; i <= 40; i++) {
        base = sprintf("%09d", 123450000 + i)
        sum = 0
        for (k = 1; k <= 9; k++) sum += substr(base, k, 1) * w[k]
        sum += int(substr(base, 9, 1) * 5 / 10)
        printf "2026-%03d,스크롤기업%02d(주),%s%d,sme,충청북도 청주시,바이오,2010-01-01,공급(주),yes,", 100 + i, i, base, (10 - sum % 10) % 10
        print "50000000,10000000,2026-06-10"
    }
}' >more.csv
echo simsa-demo >pass
"$SIMSA" -d demo.db --as 김간사 --passphrase-file pass app import more.csv >/dev/null ||
    fail "app import"

tui_start 80 24
wait_for "Sheets submitted by judge"
wait_for "40 applications not yet reviewed: 2026-101, 2026-102"
capture | grep -q "unresolved tie at rank 3" && fail "the page should not fit yet"
keys G
wait_for "unresolved tie at rank 3: 2026-002, 2026-007"
wait_gone "Sheets submitted by judge"
keys g
wait_for "Sheets submitted by judge"

# the table: 20 rows on a 24-line terminal
keys a
wait_for "row 1 of 52"
keys G
wait_for "row 52 of 52"
expect_eq "$(row_of "2026-140")" "22" "last row at the bottom"
capture | grep -q "2026-001" && fail "the first row is still shown"
keys PPage
wait_for "row 33 of 52"
keys Space
wait_for "row 52 of 52"
keys g
wait_for "row 1 of 52"
expect_eq "$(row_of "2026-001")" "3" "first row at the top"
keys NPage
wait_for "row 20 of 52"
expect_eq "$(row_of "2026-001")" "3" "a page down within the page does not scroll"
keys j
wait_for "row 21 of 52"
expect_eq "$(row_of "2026-002")" "3" "one more row scrolls by one"

# the board: scrolling up to the first row under the line shows the line above it
keys b
wait_for "row 1 of 52"
keys G PPage PPage
wait_for "row 24 of 52" # 15 rows in view between the budget lines and the reasons: pages of 14
keys k k k k k k k k k k k k k k k
wait_for "row 9 of 52"
expect_eq "$(row_of "70-point line")" "6" "the line at the top of the table"
expect_eq "$(row_of "2026-009")" "7" "the row under it"
fits_width 80
echo "scroll: ok"
