. "$(dirname "$0")/lib.sh"
new_call
{ echo "$APPS_HEADER"; app_row 2026-101 "$BIZ1"; app_row 2026-102 "$BIZ2"; } > apps.csv
okd app import apps.csv
{ echo app,doc,issued; docs_rows 2026-101 2026-102 | grep -v ',6,'; echo 2026-101,6,2099-01-01; echo 2026-102,6,2026-06-20; } > docs.csv
run -d $DB docs import docs.csv; cat out err
checklist_no 2026-101
as 간사 review run
cat out
run -d $DB app show 2026-101; cat out
