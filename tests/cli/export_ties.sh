# simsa export on a call with the trimmed mean (R7.1), rounding edges (R7.2), ties unresolved and
# ordered by the committee (R9.3), conflicts (R6.4) and a forfeit (R11.5): the workbook checked
# with openpyxl against the database and `simsa rank --csv` (tests/xlsx/ties-call.sh tells the
# figures; tests/xlsx/recalc.sh recalculates the same call with LibreOffice).
. "$(dirname "$0")/lib.sh"
. "$TESTS/xlsx/ties-call.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# check NAME: export, then the checker, against rank --csv as it is now.
check() {
    okd rank --csv
    cp out "$1.csv"
    okd export "$1.xlsx"
    "$PY" "$TESTS/xlsx/check_workbook.py" "$1.xlsx" "$DB" "$1.csv" > check.out 2>&1 ||
        { cat check.out; fail "workbook check ($1)"; }
}

ties_call
rank_fields > fields
expect_equal "$(cat fields)" "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount
1,2026-402,(주)테스트2026-402,6,77.33,3.00,80.33,target,selected,50000000,50000000
2,2026-401,(주)테스트2026-401,6,80.33,0.00,80.33,target,selected,50000000,50000000
3,2026-403,(주)테스트2026-403,6,78.00,0.00,78.00,target,selected,50000000,50000000
3,2026-404,(주)테스트2026-404,6,78.00,0.00,78.00,target,selected,50000000,50000000
5,2026-406,(주)테스트2026-406,6,75.00,0.00,75.00,target,selected,50000000,50000000
6,2026-405,(주)테스트2026-405,6,75.00,0.00,75.00,target,selected,50000000,50000000
7,2026-407,(주)테스트2026-407,4,72.48,0.00,72.48,target,selected,50000000,46250000
8,2026-408,(주)테스트2026-408,5,70.00,0.00,70.00,target,selected,50000000,50000000
,2026-409,(주)테스트2026-409,6,69.98,0.00,69.98,excluded,excluded,50000000," "the ties call"
check ties

# The trimmed mean in the workbook is the trimmed formula, with both branches (R7.1).
"$PY" - <<'EOF2' || fail "the base formulas are not the trimmed ones"
import openpyxl
ws = openpyxl.load_workbook("ties.xlsx")["Results"]
bases = {r[1].value: r[6].value for r in ws.iter_rows(min_row=2) if r[6].value}
assert bases["2026-401"].startswith("=IF(COUNT('Scores'!$K$"), bases["2026-401"]
assert ">=5,ROUND((SUM(" in bases["2026-401"] and "-MAX(" in bases["2026-401"]
assert all(b.startswith("=IF(COUNT(") for b in bases.values()), bases
EOF2

# A forfeit keeps its rank; the next one is promoted (R11.5).
as 간사 forfeit 2026-402 --reason "협약 포기"
check forfeit
