# Panels (R6.3), conflicts (R6.4), bonuses (R8) and score import (R6.2, R10.1): by a judge for
# their own rows, by the secretariat transcribing; bad sheets refused whole.
. "$(dirname "$0")/lib.sh"

new_call
okd person add j6 --role judge --passphrase-file "$PW"
okd person add 조현장 --role inspector --passphrase-file "$PW"
{
    echo "$APPS_HEADER"
    app_row 2026-101 "$BIZ1"
    app_row 2026-102 "$BIZ2"
    app_row 2026-103 "$BIZ3"
} > apps.csv
okd app import apps.csv
{ echo app,doc,issued; docs_rows 2026-101 2026-102; } > docs.csv
okd docs import docs.csv
checklist_no 2026-101 2026-102
as 간사 review run
expect_stdout_line "$(printf '2026-103\tfailed')"

# R6.3: a panel of the built-in calls has exactly 5 judges, all of them judges.
before=$(db_state)
faild panel add 바이오 j1 j2 j3 j4
expect_stderr_line "simsa: a panel of cbtp-2026 has 5 judges (R6.3), not 4"
faild panel add 바이오 j1 j2 j3 j4 j5 j6
expect_stderr_line "simsa: a panel of cbtp-2026 has 5 judges (R6.3), not 6"
faild panel add 바이오 j1 j2 j3 j4 간사
expect_stderr_line "simsa: 간사 is not a judge (see simsa person list)"
faild panel add 바이오 j1 j2 j3 j4 j4
expect_stderr_line "simsa: j4 is named twice"
expect_exit 2 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" panel add 바이오
expect_unchanged "$before"
okd panel add 바이오 j1 j2 j3 j4 j5
expect_stdout_line "panel 바이오: 5 judges"
faild panel add 바이오 j1 j2 j3 j4 j6
expect_stderr_line "simsa: there is already a panel named 바이오"
okd panel assign 바이오 2026-101 2026-102
expect_stdout_line "panel 바이오: 2 application(s) assigned"
faild panel assign 바이오 2026-103
expect_stderr_line "simsa: 2026-103: it did not pass document review (ineligible); ineligible applications are not assigned to a panel (R6.6)"
before=$(db_state)
faild panel assign 식품 2026-101
expect_stderr_line "simsa: no panel named 식품 (simsa panel add)"
faild panel assign 바이오 2026-199
expect_stderr_line 'simsa: no application "2026-199"'
expect_unchanged "$before"

# R6.4: a conflict, declared by the judge or recorded by the secretariat.
as j1 conflict add j1 2026-101 --reason "공급기업 대표와 공동연구"
expect_stdout_line "2026-101: j1 declared a conflict of interest and will not score it"
as 간사 conflict add j5 2026-102 --reason "수요기업 임원과 친족"
expect_stdout_line "2026-102: j5 declared a conflict of interest and will not score it"
before=$(db_state)
faild --as j2 --passphrase-file "$PW" conflict add j1 2026-102 --reason x
expect_stderr_line "simsa: j2 cannot declare a conflict for j1"
faild --as 간사 --passphrase-file "$PW" conflict add j6 2026-101 --reason x
expect_stderr_line "simsa: j6 is not on the panel of 2026-101"
faild --as j1 --passphrase-file "$PW" conflict add j1 2026-101 --reason x
expect_stderr_line "simsa: j1 already declared a conflict with 2026-101"
faild --as j1 --passphrase-file badpw conflict add j1 2026-102 --reason x
expect_stderr_line "simsa: j1: wrong passphrase; nothing was changed"
expect_exit 2 -d "$DB" --as j1 --passphrase-file "$PW" conflict add j1 2026-102
expect_unchanged "$before"

# R8: bonuses with a note of evidence, by the secretariat only.
as 간사 bonus set 2026-101 local_supplier --note "공급기업 본사 청주시 (사업자등록증)"
expect_stdout_line "2026-101: bonus local_supplier (+3)"
as 간사 bonus set 2026-101 ax_cert --note "AX 인증 추진 확인서"
expect_stdout_line "2026-101: bonus ax_cert (+3)"
as 간사 bonus clear 2026-101 ax_cert
expect_stdout_line "2026-101: bonus ax_cert cleared"
okd app show 2026-101
expect_stdout_line "  bonus: local_supplier"
expect_stdout_lacks "bonus: ax_cert"
before=$(db_state)
expect_exit 2 -d "$DB" --as 간사 --passphrase-file "$PW" bonus set 2026-101 ax_cert
expect_stderr_line "simsa: usage: simsa bonus set APP BONUS --note TEXT"
expect_exit 2 -d "$DB" --as 간사 --passphrase-file "$PW" bonus set 2026-101 ax_cert --note "  "
faild --as 간사 --passphrase-file "$PW" bonus set 2026-101 nope --note x
expect_stderr_line 'simsa: "nope" is not a bonus of cbtp-2026; the bonuses are:'
faild --as j2 --passphrase-file "$PW" bonus set 2026-101 ax_cert --note x
expect_stderr_line "simsa: --as j2: this needs a person with the role secretariat, not judge"
faild --as 간사 --passphrase-file "$PW" bonus clear 2026-101 ax_cert
expect_stderr_line "simsa: 2026-101 has no bonus ax_cert"
expect_unchanged "$before"

# A judge imports their own sheet (exactly 70: 7+3.5+14+10.5+14+3.5+10.5+7).
H=$SCORE_HEADER
{ echo "$H"; echo '2026-101,j2,7,3.5,14,10.5,14,3.5,10.5,7,agree,데이터 확보 계획이 구체적임'; } > j2.csv
as j2 score import j2.csv
expect_stdout_line "j2.csv: imported 1 sheet(s)"
expect_equal "$(sql "select transcribed, opinion from sheet where judge_id = (select id from person where name = 'j2')")" \
    "0|데이터 확보 계획이 구체적임" "j2's sheet"
expect_equal "$(sql "select group_concat(item || '=' || tenths, ' ') from sheet_item")" \
    "need=70 will=35 data=140 kpi=105 strategy=140 team=35 fit=105 cost=70" "j2's items in tenths"

# A judge may not import another judge's row; nor an inspector any.
before=$(db_state)
{ echo "$H"; echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > j3.csv
faild --as j2 --passphrase-file "$PW" score import j3.csv
expect_stderr_line "j3.csv:2:2: j2 may import only their own sheets, not j3's"
expect_stderr_line "j3.csv: 1 problem; nothing was imported"
faild --as 조현장 --passphrase-file "$PW" score import j3.csv
expect_stderr_line "simsa: 조현장 is an inspector: score sheets are imported by the judge or the secretariat"
faild --as j3 --passphrase-file badpw score import j3.csv
expect_stderr_line "simsa: j3: wrong passphrase; nothing was changed"
expect_unchanged "$before"

# Bad sheets: each problem at its line and column, and nothing imported.
# bad_scores FILE MESSAGE...: imported by the secretariat; exactly these lines + the summary.
bad_scores() {
    f=$1
    shift
    before=$(db_state)
    faild --as 간사 --passphrase-file "$PW" score import "$f"
    for m in "$@"; do
        expect_stderr_line "$m"
    done
    expect_stderr_line "$f: $# problem$([ $# -eq 1 ] || echo s); nothing was imported"
    expect_stderr_lines $(($# + 1))
    expect_unchanged "$before"
}
{ echo "$H"; echo '2026-101,j3,10.5,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > above.csv
bad_scores above.csv 'above.csv:2:3: need "10.5": the score is above the maximum (0 to 10)'
{ echo "$H"; echo '2026-101,j3,8.55,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > decimals.csv
bad_scores decimals.csv 'decimals.csv:2:3: need "8.55": a score has at most one decimal (0 to 10)'
{ echo "$H"; echo '2026-101,j9,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > unknown.csv
bad_scores unknown.csv 'unknown.csv:2:2: "j9" is not a judge of this call'
{ echo "$H"; echo '2026-103,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > unreviewed.csv
bad_scores unreviewed.csv 'unreviewed.csv:2:1: application 2026-103 has not passed document review'
{ echo "$H"; echo '2026-101,j2,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > again.csv
bad_scores again.csv 'again.csv:2:2: j2 already submitted a sheet for 2026-101'
{ echo "$H"; echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > twice.csv
bad_scores twice.csv 'twice.csv:3:2: a second sheet of j3 for 2026-101 in the file (line 2)'
{ echo "$H"; echo '2026-101,j1,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > conflict.csv
bad_scores conflict.csv 'conflict.csv:2:2: j1 declared a conflict of interest with 2026-101 and cannot score it'
{ echo "$H"; echo '2026-101,j6,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > panel.csv
bad_scores panel.csv 'panel.csv:2:2: j6 is not on the panel of application 2026-101'
{ echo "$H"; echo '2026-101,j3,7,3.5,,10.5,14,3.5,10.5,7,agree,'; } > missing.csv
bad_scores missing.csv 'missing.csv:2:5: data: no score (every item must be scored)'
{ echo "$H"; echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7,"50,000,001",'; } > amount.csv
bad_scores amount.csv 'amount.csv:2:11: R10.1: adjusted amount 50,000,001 is above the requested 50,000,000'
{ echo "$H"; echo '2026-199,j3,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > noapp.csv
bad_scores noapp.csv 'noapp.csv:2:1: no application "2026-199" (import applications first)'
sed 's/,cost,/,costs,/' twice.csv > header.csv
before=$(db_state)
faild --as 간사 --passphrase-file "$PW" score import header.csv
expect_stderr_contains 'header.csv:1:10: unknown column "costs"'
expect_unchanged "$before"
# A good row does not go in with a bad one.
{ echo "$H"; echo '2026-101,j4,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7.05,agree,'; } > mixed.csv
bad_scores mixed.csv 'mixed.csv:3:10: cost "7.05": a score has at most one decimal (0 to 10)'

# The secretariat transcribes paper sheets (Korean headers, 동의, an adjusted amount).
{
    echo '신청번호,평가위원,지원 필요성,사업 의지,데이터 확보,핵심지표 적절성,추진 전략,추진 체계,요구사항 반영,사업비,지원금액,종합의견'
    echo '2026-101,j3,7,3.5,14,10.5,14,3.5,10.5,7,동의,'
    echo '2026-101,j4,7,3.5,14,10.5,14,3.5,10.5,7,"45,000,000",사업비 과다'
} > paper.csv
as 간사 score import paper.csv
expect_stdout_line "paper.csv: imported 2 sheet(s) (transcribed by the secretariat)"
okd app show 2026-101
expect_stdout_line "sheets: 3"
expect_stdout_line "  j2             70  agree"
expect_stdout_line "  j3             70  agree (transcribed)"
expect_stdout_line "  j4             70  45,000,000 (transcribed)"
expect_stdout_line "  j1 declared a conflict of interest"
expect_stdout_line "  bonus: local_supplier"
expect_stdout_line "outcome: incomplete — incomplete: 3 of 5 sheets submitted, 1 conflict, 1 judge yet to score"
expect_equal "$(sql 'select count(*) from sheet where transcribed = 1')" 2 "transcribed sheets"

# A conflict cannot be declared after scoring.
before=$(db_state)
faild --as j2 --passphrase-file "$PW" conflict add j2 2026-101 --reason "늦은 신고"
expect_stderr_line "simsa: j2 already submitted a sheet for 2026-101; a conflict must be declared before scoring"
expect_unchanged "$before"

# The last judge: the result exists (4 sheets + 1 conflict, R6.4).
{ echo "$H"; echo '2026-101,j5,8,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > j5.csv
as j5 score import j5.csv
okd app show 2026-101
expect_stdout_line "result: base 70.25, final 73.25, rank 1"
verified
