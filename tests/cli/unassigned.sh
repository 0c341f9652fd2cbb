# R6.6: once any panel exists, a sheet for an application assigned to none is refused.
. "$(dirname "$0")/lib.sh"

new_call
okd person add j6 --role judge --passphrase-file "$PW"
{
    echo "$APPS_HEADER"
    app_row 2026-004 "$BIZ1"
    app_row 2026-005 "$BIZ2"
} > apps.csv
okd app import apps.csv
{ echo app,doc,issued; docs_rows 2026-004 2026-005; } > docs.csv
okd docs import docs.csv
checklist_no 2026-004 2026-005
as 간사 review run
okd panel add 가 j1 j2 j3 j4 j5
okd panel add 나 j2 j3 j4 j5 j6
okd panel assign 가 2026-004

{ echo "$SCORE_HEADER"; sheets 2026-005 "8,4,16,12,16,4,8,8" agree; } > s.csv
before=$(db_state)
expect_exit 1 -d "$DB" --as 간사 --passphrase-file "$PW" score import s.csv
expect_stderr_line "s.csv:2:1: 2026-005 is not assigned to any panel yet (R6.6): assign it with simsa panel assign"
expect_stderr_line "s.csv: 1 problem; nothing was imported"
expect_unchanged "$before"
expect_equal "$(sql 'select count(*) from sheet')" 0 "sheets after the refused import"
