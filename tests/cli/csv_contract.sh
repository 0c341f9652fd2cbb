# The CSV contract of DESIGN.md for every importer: each problem reported as
# FILE:LINE:COLUMN: message, each exactly once, all of them.
. "$(dirname "$0")/lib.sh"

new_call
{ echo "$APPS_HEADER"; app_row 2026-101 "$BIZ1"; } > apps.csv
okd app import apps.csv
{ echo app,doc,issued; docs_rows 2026-101; } > docs.csv
okd docs import docs.csv
checklist_no 2026-101
as 간사 review run

problems=""
# check_import FILE LINE... : the import (by the secretariat) fails, and stderr is exactly
# these lines and the summary; the database is unchanged.
check_import() {
    what=$1 f=$2
    shift 2
    before=$(db_state)
    # shellcheck disable=SC2086
    run -d "$DB" --as 간사 --passphrase-file "$PW" $what import "$f"
    expect_unchanged "$before"
    [ "$rc" -eq 1 ] || problems="$problems
  $what import $f: exit $rc"
    { printf '%s\n' "$@"; echo "$f: $# problem$([ $# -eq 1 ] || echo s); nothing was imported"; } > want
    if ! cmp -s want err; then
        problems="$problems
  $what import $f: expected
$(sed 's/^/    /' want)
  got
$(sed 's/^/    /' err)"
    fi
}

# The same record three times: the second and the third are each reported once.
{ echo "$APPS_HEADER"; app_row 2026-102 "$BIZ2"; app_row 2026-102 "$BIZ2"; app_row 2026-102 "$BIZ2"; } > a3.csv
check_import app a3.csv \
    'a3.csv:3:1: application 2026-102 appears more than once in the file (line 2)' \
    'a3.csv:4:1: application 2026-102 appears more than once in the file (line 2)'
printf 'app,doc,issued\n2026-101,1,2026-05-01\n2026-101,1,2026-05-01\n2026-101,1,2026-05-01\n' > d3.csv
check_import docs d3.csv \
    'd3.csv:3:2: document 1 of 2026-101 appears more than once in the file (line 2)' \
    'd3.csv:4:2: document 1 of 2026-101 appears more than once in the file (line 2)'
{
    echo app,year,liabilities,equity,current_assets,current_liabilities
    for i in 1 2 3; do echo 2026-101,2025,1,1,1,1; done
} > f3.csv
check_import finance f3.csv \
    'f3.csv:3:2: year 2025 of 2026-101 appears more than once in the file (line 2)' \
    'f3.csv:4:2: year 2025 of 2026-101 appears more than once in the file (line 2)'
okd panel add 전체 j1 j2 j3 j4 j5
okd panel assign 전체 2026-101
{ echo "$SCORE_HEADER"; for i in 1 2 3; do echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; done; } > s3.csv
check_import score s3.csv \
    's3.csv:3:2: a second sheet of j3 for 2026-101 in the file (line 2)' \
    's3.csv:4:2: a second sheet of j3 for 2026-101 in the file (line 2)'

# A missing column is reported with a line and a column too (which column is the program's
# choice; the header line is line 1).
sed '1s/,company,/,compny,/' apps.csv | sed 's/^2026-101/2026-201/' > header.csv
printf 'app,doc\n2026-101,1\n' > nodate.csv
for case in 'app header.csv company' 'docs nodate.csv issued'; do
    set -- $case
    before=$(db_state)
    run -d "$DB" --as 간사 --passphrase-file "$PW" "$1" import "$2"
    expect_unchanged "$before"
    [ "$rc" -eq 1 ] || problems="$problems
  $1 import $2: exit $rc"
    grep -E -x -q "$2:1:[0-9]+: missing column \"$3\"" err || problems="$problems
  $1 import $2: no \"$2:1:COLUMN: missing column \"$3\"\" but
$(sed 's/^/    /' err)"
done

[ -z "$problems" ] || fail "CSV diagnostics:$problems"
