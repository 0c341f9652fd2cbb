# The size column (issue 17, point 10): the Korean words are accepted with a space too
# (중소 기업, 중견 기업, 대 기업), and a refused size names the Korean words as well.
. "$(dirname "$0")/lib.sh"
new_call
{
    echo "$APPS_HEADER"
    app_row 2026-101 "$BIZ1" | sed 's/,sme,/,중소 기업,/'
    app_row 2026-102 "$BIZ2" | sed 's/,sme,/,중견 기업,/'
    app_row 2026-103 "$BIZ3" | sed 's/,sme,/,대 기업,/'
    app_row 2026-104 "$BIZ4" | sed 's/,sme,/,대기업,/'
} > apps.csv
okd app import apps.csv
expect_equal "$(sql 'select id, size from application order by id' | tr '\n' ' ')" \
    "2026-101|sme 2026-102|midsize 2026-103|large 2026-104|large " "the sizes recorded"

{ echo "$APPS_HEADER"; app_row 2026-105 "$BIZ5" | sed 's/,sme,/,소기업,/'; } > bad.csv
before=$(db_state)
faild app import bad.csv
expect_stderr_line 'bad.csv:2:4: size "소기업" must be sme, midsize or large (or 중소기업, 중견기업, 대기업)'
expect_unchanged "$before"

