# R2.1 (issue 17, point 15): a document issued in the future (2099-01-01) is outside the
# validity window, which ends at the deadline: docs import records it as it records one issued
# before docs_issued_after, and review counts it as not submitted, the reason naming the date.
. "$(dirname "$0")/lib.sh"
new_call
{ echo "$APPS_HEADER"; app_row 2026-101 "$BIZ1"; app_row 2026-102 "$BIZ2"; } > apps.csv
okd app import apps.csv
{
    echo app,doc,issued
    docs_rows 2026-101 2026-102 | grep -v ',[46],'
    echo 2026-101,6,2099-01-01
    echo 2026-101,4,2026-05-01
    echo 2026-102,6,2026-05-01
    echo 2026-102,4,2099-01-01
} > docs.csv
okd docs import docs.csv
expect_stdout_line "docs.csv: imported 14 rows"
checklist_no 2026-101 2026-102
okd check set 2026-101 d3 no
okd check set 2026-102 d3 no

as 간사 review run
expect_stdout_line "$(printf '2026-101\tfailed')"
expect_stdout_line "$(printf '\tR2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2099-01-01, after the deadline 2026-06-19')"
# An optional document issued in the future does not count, and does not fail the review.
expect_stdout_line "$(printf '2026-102\tpassed')"

okd app show 2026-101
expect_stdout_line "  ✗  6 2099-01-01 required 국세 및 지방세 완납 증명서"
expect_stdout_line "  ✗ R2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2099-01-01, after the deadline 2026-06-19"
okd app show 2026-102
expect_stdout_line "  ✗  4 2099-01-01 optional 공장등록증"
expect_stdout_contains "R2.1: document 4 (공장등록증) was issued 2099-01-01, after the deadline 2026-06-19; it does not count"
