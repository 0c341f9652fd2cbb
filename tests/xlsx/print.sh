# The workbook on paper (make check-full): the demo's workbook and a 50-application call's,
# converted to PDF by LibreOffice and read back with pdfinfo/pdftotext (tests/xlsx/print_pages.py):
# page counts of each printed sheet, the header row on every page of the results, the chart alone
# on a page, one notice per applicant and one score sheet per page. PRINT_PNG=DIR also renders
# two pages (the results summary and a score sheet) to PNG there.
. "$(dirname "$0")/../cli/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SOFFICE=${SOFFICE:-soffice}
export SIMSA_NOW=2026-07-01T09:00:00Z

# pdf NAME: NAME.xlsx to NAME.pdf, with a LibreOffice profile of its own.
pdf() {
    "$SOFFICE" "-env:UserInstallation=file://$PWD/lo-profile" --headless --convert-to pdf \
        --outdir . "$1.xlsx" > soffice.log 2>&1 || { cat soffice.log; fail "soffice $1"; }
    [ -s "$1.pdf" ] || { cat soffice.log; fail "no $1.pdf"; }
}

ok demo demo.db
DB=demo.db
okd export demo.xlsx
pdf demo
sheets=$(sqlite3 demo.db "select count(*) from sheet s where not exists (select 1 from conflict c
    where c.app_id = s.app_id and c.judge_id = s.judge_id)")
"$PY" "$TESTS/xlsx/print_pages.py" demo.pdf 12 "$sheets" > pages.out 2>&1 ||
    { cat pages.out; fail "the demo's pages"; }
cat pages.out

sh "$TESTS/xlsx/make-call.sh" call50.db 50 10 > make.log 2>&1 || { cat make.log; fail "50 applications"; }
DB=call50.db
okd export call50.xlsx
pdf call50
sheets=$(sqlite3 call50.db "select count(*) from sheet")
"$PY" "$TESTS/xlsx/print_pages.py" call50.pdf 50 "$sheets" --max-results-pages 2 > pages.out 2>&1 ||
    { cat pages.out; fail "the pages of 50 applications"; }
cat pages.out

if [ -n "${PRINT_PNG:-}" ]; then
    mkdir -p "$PRINT_PNG"
    # first NAME: the number of the first page of sheet NAME (its name heads the page).
    first() { pdftotext -layout demo.pdf - | "$PY" -c '
import re, sys
for n, page in enumerate(sys.stdin.read().split("\f"), start=1):
    lines = [l for l in page.splitlines() if l.strip()]
    if lines and re.split(r"\s{2,}", lines[0].strip())[0].startswith(sys.argv[1]):
        print(n)
        break' "$1"; }
    summary=$(first "Results summary")
    paper=$(first "Score sheets")
    pdftoppm -png -r 70 -f "$summary" -l "$summary" demo.pdf "$PRINT_PNG/print-summary"
    pdftoppm -png -r 70 -f "$paper" -l "$paper" demo.pdf "$PRINT_PNG/print-score-sheet"
fi
