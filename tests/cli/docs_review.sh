# docs import, finance import, check set, review run (R2, R4, R5): signed by the secretariat,
# app show with ✓/✗ and reasons, all-or-nothing imports.
. "$(dirname "$0")/lib.sh"

new_call
okd person add 조현장 --role inspector --passphrase-file "$PW"
{
    echo "$APPS_HEADER"
    app_row 2026-101 "$BIZ1"
    app_row 2026-102 "$BIZ2"
    app_row 2026-103 "$BIZ3"
    app_row 2026-104 "$BIZ4" 90,000,000
    app_row 2026-105 "$BIZ5"
    # founded 2025-01-10: under 2 years before the announcement, may omit document 7 (R2.2)
    app_row 2026-106 "$BIZ6" | sed 's/,2010-01-01,/,2025-01-10,/'
} > apps.csv
okd app import apps.csv

# R2.1: 101's tax certificate is issued the day before the window, 102's on its first day.
{
    echo app,doc,issued
    docs_rows 2026-101 2026-102 2026-104 2026-105 | grep -v ',6,'
    echo 2026-101,6,2026-02-28
    echo 2026-102,6,2026.03.01
    echo 2026-104,6,2026-05-01
    echo 2026-105,6,2026-06-19
    echo 2026-103,1,2026-05-01
    echo 2026-103,2,2026-05-01
    for n in 1 2 3 5 6; do echo "2026-106,$n,2026-05-02"; done
} > docs.csv
okd docs import docs.csv
expect_stdout_line "docs.csv: imported 35 rows"

# Bad document files: every problem, nothing imported.
{
    echo app,doc,issued
    echo 2026-109,6,2026-05-01
    echo 2026-105,8,2026-05-01
    echo 2026-105,6,2026-13-01
    echo 2026-105,1,2026-04-01
    echo 2026-105,1,2026-04-02
} > baddocs.csv
before=$(db_state)
faild docs import baddocs.csv
expect_stderr_line 'baddocs.csv:2:1: no application "2026-109" (import applications first)'
expect_stderr_line 'baddocs.csv:3:2: document "8" is not a document number of cbtp-2026 (1-7)'
expect_stderr_line 'baddocs.csv:4:3: issued "2026-13-01": no such month'
expect_stderr_line 'baddocs.csv:6:2: document 1 of 2026-105 appears more than once in the file (line 5)'
expect_stderr_line 'baddocs.csv: 4 problems; nothing was imported'
expect_unchanged "$before"

# Finance: R4.1 complete capital erosion for 105 (equity -5,000 at the latest settlement).
{
    echo app,year,liabilities,equity,current_assets,current_liabilities
    echo '2026-101,2025,"1,000,000","2,000,000",100,100'
    echo '2026-105,2024,"1,000,000","2,000,000",100,100'
    echo '2026-105,2025,"1,000,000",-5000,100,100'
} > finance.csv
okd finance import finance.csv
expect_stdout_line "finance.csv: imported 3 rows"
{
    echo 연도,신청번호,부채총계,자본총계,유동자산,유동부채
    echo '20x5,2026-101,1,1,1,1'
    echo '2025,2026-101,"1,0",1,1,1'
} > badfin.csv
before=$(db_state)
faild finance import badfin.csv
expect_stderr_line 'badfin.csv:2:1: year "20x5" is not a year'
expect_stderr_line 'badfin.csv:3:3: liabilities "1,0": commas in an amount must separate groups of three digits'
expect_unchanged "$before"

# The checklist (R4): unknown items and answers are refused.
okd check set 2026-102 d2 yes --note "참여제한 중 (2026-05 조회)"
expect_stdout_line "2026-102: d2 = yes"
okd check set 2026-102 d2 no --note "재조회: 제한 해제"
expect_stdout_line "2026-102: d2 = no"
okd check set 2026-103 d5 yes --note "채무불이행 등록"
before=$(db_state)
faild check set 2026-101 d9 yes
expect_stderr_line 'simsa: "d9" is not a checklist item of cbtp-2026; the items are:'
expect_stderr_contains "  d8  사업지원 외 지역으로 사업장 이전 계획이 있는 경우"
faild check set 2026-199 d1 no
expect_stderr_line 'simsa: no application "2026-199"'
expect_exit 2 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" check set 2026-101 d1 maybe
expect_stderr_line 'simsa: answer "maybe" must be yes or no'
expect_unchanged "$before"

# review run needs the secretariat, with the right passphrase; a failure writes nothing.
faild --as 간사 --passphrase-file badpw review run
expect_stderr_line "simsa: 간사: wrong passphrase; nothing was changed"
expect_unchanged "$before"
faild --as j1 --passphrase-file "$PW" review run
expect_stderr_line "simsa: --as j1: this needs a person with the role secretariat, not judge"
faild --as 조현장 --passphrase-file "$PW" review run
expect_stderr_line "simsa: --as 조현장: this needs a person with the role secretariat, not inspector"
faild --as 아무개 --passphrase-file "$PW" review run
expect_stderr_line "simsa: --as 아무개: no such person (see simsa person list)"
faild --as 간사 --passphrase-file "$PW" review run 2026-199
expect_stderr_line 'simsa: no application "2026-199"'
expect_unchanged "$before"
expect_equal "$(sql 'select count(*) from review')" 0 "reviews before review run"

# One application only.
as 간사 review run 2026-102
expect_equal "$(head -1 out)" "$(printf '2026-102\tpassed')" "review run 2026-102"
expect_equal "$(sql 'select count(*) from review')" 1 "reviews after review run 2026-102"

as 간사 review run
expect_stdout_line "$(printf '2026-101\tfailed')"
expect_stdout_line "$(printf '\tR2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2026-02-28, before 2026-03-01')"
expect_stdout_lacks "$(printf '2026-102\t')"
expect_stdout_line "1 application already decided with no fact changed since: not decided again"
expect_stdout_line "$(printf '2026-103\tfailed')"
expect_stdout_line "$(printf '\tR2.3: required document 3 (중소·중견기업 확인서) was not submitted')"
expect_stdout_line "$(printf '\tR2.3: required document 7 (최근 3년 재무제표) was not submitted; R2.2 does not exempt a company founded 2010-01-01, 2 or more years before 2026-06-01')"
expect_stdout_lacks "required document 4"
expect_stdout_line "$(printf '2026-104\tfailed')"
expect_stdout_line "$(printf '\tR5.1: requested 90,000,000 won is above the cap of 80,000,000')"
expect_stdout_line "$(printf '2026-105\tfailed')"
expect_stdout_line "$(printf '\tR4.1: disqualifier d3 (최근 결산 기준 완전자본잠식인 경우) holds: total equity at the end of 2025 is -5,000 won')"
expect_stdout_line "$(printf '2026-106\tpassed')"
expect_stdout_line "$(printf '\tunanswered (counts as not holding): d1')"
expect_equal "$(sql 'select app_id, passed from review order by id' | tr '\n' ' ')" \
    "2026-102|1 2026-101|0 2026-103|0 2026-104|0 2026-105|0 2026-106|1 " "review rows"

# app show: ✓ / ✗ per document, and the reasons.
okd app show 2026-101
expect_stdout_line "documents (valid when issued 2026-03-01 .. 2026-06-19):"
expect_stdout_line "  ✗  6 2026-02-28 required 국세 및 지방세 완납 증명서"
expect_stdout_line "  ✓  5 2026-05-01 required 사업자등록증"
expect_stdout_line "eligibility now: fails"
expect_stdout_line "  ✗ R2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2026-02-28, before 2026-03-01"
expect_stdout_line "  · R4.1: 2025 total equity 2,000,000 won"
expect_stdout_line "review decision: failed"
expect_stdout_line "  stage:       ineligible"
expect_stdout_contains "outcome: ineligible — ineligible: R2.1: document 6"
okd app show 2026-102
expect_stdout_line "  ✓  6 2026-03-01 required 국세 및 지방세 완납 증명서"
expect_stdout_line "eligibility now: passes"
expect_stdout_line "  checklist d2 = no 재조회: 제한 해제"
expect_stdout_line "review decision: passed"
expect_stdout_line "  stage:       reviewed"
okd app show 2026-103
expect_stdout_line "  ·  3 -          required 중소·중견기업 확인서"
expect_stdout_line "  ·  4 -          optional 공장등록증"
expect_stdout_contains "  ✗ R4: disqualifier d5 (금융기관 등으로부터 채무 불이행으로 규제 중인 자 또는 기업) holds; reviewer's note: 채무불이행 등록"
okd app show 2026-105
expect_stdout_line "  ✓  6 2026-06-19 required 국세 및 지방세 완납 증명서"
okd app show 2026-106
expect_stdout_line "  ·  7 -          required 최근 3년 재무제표"
expect_stdout_line "eligibility now: passes"
faild app show 2026-199
expect_stderr_line 'simsa: no application "2026-199"'

okd app list --csv
expect_stdout_line "2026-101,(주)테스트2026-101,충청북도 청주시,식품,sme,50000000,ineligible,ineligible"
expect_stdout_line "2026-102,(주)테스트2026-102,충청북도 청주시,식품,sme,50000000,reviewed,incomplete"

verified

# A failed document becomes valid: the next review decides again.
{ echo app,doc,issued; echo 2026-101,6,2026-03-02; } > fix.csv
okd docs import fix.csv
as 간사 review run 2026-101
expect_equal "$(head -1 out)" "$(printf '2026-101\tpassed')" "review run after the fix"
