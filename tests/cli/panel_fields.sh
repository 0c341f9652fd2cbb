# Issue 17.11: a panel covers several business fields (--field more than once or a comma list)
# and takes their applications that passed review (R6.3); panel assign refuses ineligible
# applications (R6.6); panel order leaves them out.
. "$(dirname "$0")/lib.sh"

new_call
okd --as 간사 --passphrase-file "$PW" person add j6 --role judge --passphrase-file "$PW"
{
    echo "$APPS_HEADER"
    app_row 2026-001 "$BIZ1"
    app_row 2026-002 "$BIZ2" | sed 's/,식품,/,의료,/'
    app_row 2026-003 "$BIZ3" | sed 's/,식품,/,바이오,/'
    app_row 2026-004 "$BIZ4"
    app_row 2026-005 "$BIZ5" | sed 's/,식품,/,화장품,/'
    app_row 2026-006 "$BIZ6"
} > apps.csv
as 간사 app import apps.csv
# 004 lacks its documents: it fails review. 006 is never reviewed.
{ echo app,doc,issued; docs_rows 2026-001 2026-002 2026-003 2026-005 2026-006; } > docs.csv
as 간사 docs import docs.csv
for a in 2026-001 2026-002 2026-003 2026-004 2026-005; do
    for i in d1 d2 d4 d5 d6 d7 d8; do as 간사 check set "$a" "$i" no --note "확인"; done
done
for a in 2026-001 2026-002 2026-003 2026-004 2026-005; do as 간사 review run "$a"; done
expect_equal "$(sql "select passed from review where app_id = '2026-004'")" 0 "004 failed review"

# A field that is not one of the program's is refused, naming the fields; nothing is written.
before=$(db_state)
expect_exit 1 -d "$DB" --as 간사 --passphrase-file "$PW" panel add 가 j1 j2 j3 j4 j5 --field 의료,기계
expect_stderr_line 'simsa: "기계" is not a business field of cbtp-2026 (R3.2); the fields are: 의료, 바이오, 화장품, 식품, 제지'
expect_unchanged "$before"

# Several fields: a comma list and --field again; the panel takes 001, 002, 003 (passed), not
# 004 (ineligible), 005 (another field) or 006 (not reviewed).
as 간사 panel add 바이오·식품 j1 j2 j3 j4 j5 --field "의료, 바이오" --field 식품
expect_stdout_line "panel 바이오·식품: 5 judges"
expect_stdout_line "panel 바이오·식품: 3 applications of 의료, 바이오, 식품 assigned"
expect_stdout_line "$(printf '\t2026-002\t의료')"
expect_equal "$(sql "select group_concat(id, ' ') from (select id from application where panel_id is not null order by id)")" \
    "2026-001 2026-002 2026-003" "assigned"

# panel assign refuses the ineligible and the unreviewed, with a message, and writes nothing.
as 간사 panel add 나 j2 j3 j4 j5 j6
before=$(db_state)
expect_exit 1 -d "$DB" --as 간사 --passphrase-file "$PW" panel assign 나 2026-005 2026-004 2026-006
expect_stderr_line "simsa: 2026-004: it did not pass document review (ineligible); ineligible applications are not assigned to a panel (R6.6)"
expect_stderr_line "simsa: 2026-006: its document review is not decided yet (simsa review run); only an application that passed it is assigned to a panel (R6.6)"
expect_unchanged "$before"
as 간사 panel assign 나 2026-005
expect_stdout_line "panel 나: 1 application(s) assigned"

# 003 loses its eligibility after assignment (a document found out of the window): the order
# leaves it out, and naming it is refused.
{ echo app,doc,issued; echo 2026-003,6,2026-02-01; } > late.csv
as 간사 docs import late.csv
as 간사 review run 2026-003
expect_stdout_line "$(printf '2026-003\tfailed')"
as 간사 panel order 바이오·식품 2026-002
expect_stdout_line "panel 바이오·식품: presentation order set for 2 application(s)"
expect_stdout_line "$(printf '1\t2026-002')"
expect_stdout_line "$(printf '2\t2026-001')"
expect_stdout_lacks "2026-003"
expect_exit 1 -d "$DB" --as 간사 --passphrase-file "$PW" panel order 바이오·식품 2026-003
expect_stderr_line "simsa: 2026-003 has not passed document review: it is not heard (R6.6)"
