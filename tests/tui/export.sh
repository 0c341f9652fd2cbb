#!/bin/sh
# Export from the board: the path form (its name checked as typed), progress, what was written;
# the workbook is the one `simsa export` writes (opened with openpyxl), and a .csv is rank --csv.
. "$TESTS/tui/tmux-lib"
demo_db
tui_start 100 30
wait_for "read-only"
keys b x
wait_for "Export the result"
wait_for "File  cbtp-2026-result.xlsx"
wait_for "the whole result workbook"
keys C-u
type_text "결과.txt"
wait_for "✗ the file name ends in .xlsx (workbook) or .csv (results)"
keys C-u
type_text "결과.xlsx"
keys Enter
wait_for "wrote 결과.xlsx: 12 applications, 47 sheets, 67 signed records"
wait_for "(0 do not verify)"
keys x C-u
type_text "results.csv"
keys Enter
wait_for "wrote results.csv: the results of 12 applications"
# An existing file: the form asks, and a second "write" replaces it.
printf 'old\n' > results.csv
keys x C-u
type_text "results.csv"
keys Enter
wait_for "results.csv already exists: choose write again to replace it"
[ "$(cat results.csv)" = old ] || fail "results.csv replaced before the second write"
keys Enter
wait_for "wrote results.csv: the results of 12 applications"
[ "$(stat -c %a results.csv)" = 600 ] || fail "results.csv is not 0600"
keys Q
wait_for "EXITED 0"
PY=/usr/bin/python3 # Debian's, with python3-openpyxl
[ -x "$PY" ] || PY=python3
"$PY" - <<'PY' || fail "the workbook written from the board"
import openpyxl
wb = openpyxl.load_workbook("결과.xlsx")
assert "Results" in wb.sheetnames, wb.sheetnames
PY
printf '\357\273\277' > expected.csv
"$SIMSA" -d demo.db rank --csv >> expected.csv
cmp expected.csv results.csv || fail "results.csv is not rank --csv with a BOM"
echo "export: ok"
