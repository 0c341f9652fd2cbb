# simsa export: the result workbook of the demo call checked sheet by sheet with openpyxl against
# the database and `simsa rank --csv` (tests/xlsx/check_workbook.py); the results CSV (UTF-8 with
# BOM); usage errors; a failed export leaves nothing behind; a tampered score shows on the
# integrity sheet and beside the sheet.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
CHECK=$TESTS/xlsx/check_workbook.py
export SIMSA_NOW=2026-07-01T09:00:00Z

ok demo demo.db
DB=demo.db
ACTOR=김간사 # the demo's secretariat: --as names a person of the call
okd rank --csv
cp out rank.csv

okd export result.xlsx
expect_stdout_line "result.xlsx: written (12 applications, 47 score sheets, 67 signed records checked)"
[ ! -s err ] || fail "export wrote to stderr when not on a terminal: $(cat err)"
"$PY" "$CHECK" result.xlsx demo.db rank.csv > check.out 2>&1 || { cat check.out; fail "workbook check"; }
grep -q "sheets agree" check.out || fail "checker said: $(cat check.out)"
ls -A | grep -q "^\.result" && fail "a temporary file was left behind"

# A second export is refused; with --force it replaces the file.
faild export result.xlsx
expect_stderr_contains "result.xlsx already exists"
okd export result.xlsx --force
"$PY" "$CHECK" result.xlsx demo.db rank.csv > check.out 2>&1 || { cat check.out; fail "re-export"; }

# The results CSV: a byte order mark, then exactly what rank --csv prints.
okd export --csv result.csv
expect_stdout_line "result.csv: written (12 applications)"
[ "$(head -c 3 result.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
tail -c +4 result.csv | cmp -s - rank.csv || fail "export --csv differs from rank --csv"

# Usage errors (2) change nothing and write nothing.
expect_exit 2 -d "$DB" export
expect_stderr_line "simsa: usage: simsa export FILE.xlsx | --csv FILE.csv [--force]"
expect_exit 2 -d "$DB" export a.xlsx b.xlsx
expect_exit 2 -d "$DB" export a.xlsx --csv b.csv
expect_exit 2 -d "$DB" export --csv
expect_exit 2 -d "$DB" export --pdf a.pdf
[ ! -e a.xlsx ] && [ ! -e b.csv ] || fail "a usage error wrote a file"

# A path that cannot be written: exit 1, the reason named, nothing left.
faild export no/such/dir/r.xlsx
expect_stderr_line "simsa: no/such/dir/r.xlsx: No such file or directory"
faild export --csv no/such/dir/r.csv
expect_stderr_line "simsa: no/such/dir/r.csv: No such file or directory"
[ ! -d no ] || fail "export created a directory"

# A score changed behind simsa's back: the export still writes, says so on stderr, and both the
# integrity sheet and the Scores row name the record.
cp demo.db t.db
sqlite3 t.db "drop trigger sheet_item_no_update;
    update sheet_item set tenths = tenths + 5 where item = 'need' and sheet_id =
    (select s.id from sheet s join person p on p.id = s.judge_id
     where s.app_id = '2026-001' and p.name = '강민준')"
expect_exit 0 -d t.db export t.xlsx
expect_stderr_line "simsa: warning: 1 signed record(s) did not verify; see the integrity sheet and run simsa verify"
"$PY" - <<'EOF' || fail "the tampered sheet is not named in the workbook"
import openpyxl
wb = openpyxl.load_workbook("t.xlsx", read_only=True)
flagged = [r for r in wb["Integrity"].iter_rows(values_only=True)
           if r[0] == "sheet 2026-001/강민준"]
assert flagged and flagged[0][3] == "stored values differ from what was signed", flagged
scores = [r for r in wb["Scores"].iter_rows(values_only=True)
          if r[0] == "2026-001" and r[1] == "강민준"]
assert scores[0][-1] == "stored values differ from what was signed", scores[0]
others = [r for r in wb["Scores"].iter_rows(min_row=2, values_only=True)
          if r[0] and not (r[0] == "2026-001" and r[1] == "강민준")]
assert all(r[-1] == "verified" for r in others)
EOF

# An empty call: every sheet is there, with its headers.
ok init empty.db --program cbtp-2025
expect_exit 0 -d empty.db export empty.xlsx
expect_stdout_line "empty.xlsx: written (0 applications, 0 score sheets, 0 signed records checked)"
expect_exit 0 -d empty.db rank --csv
cp out empty.csv
"$PY" "$CHECK" empty.xlsx empty.db empty.csv > check.out 2>&1 || { cat check.out; fail "empty call"; }
