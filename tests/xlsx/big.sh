# A workbook of 10,000 applications scored by panels of 5 (make check-full): `simsa export`
# finishes and stays under 64 MB resident (libxlsxwriter's constant_memory mode, records read
# one at a time), and the workbook holds every row, the notices 1,000 to a sheet.
. "$(dirname "$0")/../cli/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
APPS=${BIG_APPS:-10000}
LIMIT_KB=65536

sh "$TESTS/xlsx/make-call.sh" big.db "$APPS" 50 || fail "could not build the call"
# The peak resident size of the export, as the kernel counted it (ru_maxrss, KB).
"$PY" - "$SIMSA" "$APPS" "$LIMIT_KB" <<'PYEOF' || fail "export of $APPS applications"
import resource, subprocess, sys, time
simsa, apps, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
start = time.monotonic()
subprocess.run([simsa, "-d", "big.db", "export", "big.xlsx"], check=True)
seconds = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("export of %d applications: %.1f s, peak resident %.1f MB" % (apps, seconds, peak / 1024))
if peak >= limit:
    sys.exit("FAIL: %d KB resident, the limit is %d KB" % (peak, limit))
PYEOF
"$PY" - "$APPS" <<'PYEOF' || fail "the big workbook is incomplete"
import sys, openpyxl
apps = int(sys.argv[1])
wb = openpyxl.load_workbook("big.xlsx", read_only=True)
def rows(name):
    return sum(1 for r in wb[name].iter_rows(min_row=2, values_only=True) if r[1] is not None)
assert rows("Results") == apps, rows("Results")
assert rows("Scores") == 5 * apps, rows("Scores")
assert rows("Notification") == apps
assert len([n for n in wb.sheetnames if n.startswith("Form ")]) == 50
# one notice per applicant, at most 1,000 a sheet (Excel's limit of manual page breaks)
notices = [n for n in wb.sheetnames if n == "Notices" or n.startswith("Notices (")]
assert len(notices) == (apps + 999) // 1000, notices
pages = sum(1 for n in notices for r in wb[n].iter_rows(values_only=True, max_col=1)
            if r[0] == "company")
assert pages == apps, pages
print("big workbook: %d sheets, every row there" % len(wb.sheetnames))
PYEOF
