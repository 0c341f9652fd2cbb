# simsa rank and rank --csv: the exact header, base/bonus/final, bands at the 70 line (R7.3),
# the tie-break by item means (R9.2), amounts by majority or mean (R10), the budget walk (R11).
. "$(dirname "$0")/lib.sh"

{
    echo "$APPS_HEADER"
    app_row 2026-201 "$BIZ1" 80,000,000
    app_row 2026-202 "$BIZ2"
    app_row 2026-203 "$BIZ3"
    app_row 2026-204 "$BIZ4"
    app_row 2026-205 "$BIZ5" 40,000,000
    app_row 2026-206 "$BIZ6"
    app_row 2026-207 "$BIZ7"
} > apps.csv
reviewed_call 2026-201 2026-202 2026-203 2026-204 2026-205 2026-206 2026-207

# 201: 90.00, 3 of 5 agree (R10.2: the requested amount).
# 202: 85.00, 2 of 5 agree (R10.3): mean of 50M, 50M, 40M, 45M, 41,234,567 = 45,246,913.4
#      -> rounded down to 1,000 = 45,246,000.
# 203 and 204: 75.00 each; 204 has the higher mean of data (16 > 15) so ranks first (R9.2)
#      although 203 has the higher kpi and the lower id.
# 205: exactly 70.00 -> target. 206: 349.9 / 5 = 69.98 -> excluded, even with +3 (R7.3).
# 207: 2 sheets -> incomplete.
{
    echo "$SCORE_HEADER"
    sheets 2026-201 9,4.5,18,13.5,18,4.5,13.5,9 agree agree agree 60,000,000 70,000,000
    sheets 2026-202 8.5,4.5,17,12.5,17,4.5,12.5,8.5 agree agree 40,000,000 45,000,000 41,234,567
    sheets 2026-203 7.5,4,15,12,15,4,11,6.5
    sheets 2026-204 7.5,4,16,11,15,4,11,6.5
    sheets 2026-205 7,3.5,14,10.5,14,3.5,10.5,7
    sheets 2026-206 7,3.5,14,10.5,14,3.5,10.5,7 agree agree agree agree
    sheets 2026-206 7,3.5,14,10.5,14,3.5,10.5,6.9 agree | sed 's/,j1,/,j5,/'
    sheets 2026-207 7,3.5,14,10.5,14,3.5,10.5,7 agree agree
} > scores.csv
as 간사 score import scores.csv
expect_stdout_line "scores.csv: imported 32 sheet(s) (transcribed by the secretariat)"
as 간사 bonus set 2026-206 local_supplier --note "공급기업 본사 청주시"
# 208 comes after the review: unreviewed.
{ echo "$APPS_HEADER"; app_row 2026-208 "$BIZ8"; } > late-review.csv
okd app import late-review.csv

HEADER='rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount,reason'

# Without a budget nothing is selected.
okd rank --csv
expect_equal "$(head -1 out)" "$HEADER" "rank --csv header"
expect_stdout_line '1,2026-201,(주)테스트2026-201,5,90.00,0.00,90.00,target,waitlisted,80000000,80000000,"waitlisted: no budget set; 3 of 5 agreed (> half): requested amount 80,000,000"'

as 간사 budget set 200,000,000
expect_stdout_line "budget set to 200,000,000 won"
expect_exit 2 -d "$DB" --as 간사 --passphrase-file "$PW" budget set
before=$(db_state)
faild --as 간사 --passphrase-file "$PW" budget set 2억
expect_stderr_line 'simsa: budget "2억": an amount must be written in digits, e.g. 80000000 or 80,000,000'
faild --as j1 --passphrase-file "$PW" budget set 1
expect_stderr_line "simsa: --as j1: this needs a person with the role secretariat, not judge"
expect_unchanged "$before"

# Walk (R11.2, stop): 80,000,000 + 45,246,000 + 50,000,000 = 175,246,000; 203 does not fit in
# the 24,754,000 left, so it and everything after it are waitlisted.
rank_fields > fields
expect_equal "$(cat fields)" "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount
1,2026-201,(주)테스트2026-201,5,90.00,0.00,90.00,target,selected,80000000,80000000
2,2026-202,(주)테스트2026-202,5,85.00,0.00,85.00,target,selected,50000000,45246000
3,2026-204,(주)테스트2026-204,5,75.00,0.00,75.00,target,selected,50000000,50000000
4,2026-203,(주)테스트2026-203,5,75.00,0.00,75.00,target,waitlisted,50000000,50000000
5,2026-205,(주)테스트2026-205,5,70.00,0.00,70.00,target,waitlisted,40000000,40000000
,2026-206,(주)테스트2026-206,5,69.98,3.00,72.98,excluded,excluded,50000000,
,2026-207,(주)테스트2026-207,2,,,,incomplete,incomplete,50000000,
,2026-208,(주)테스트2026-208,0,,,,unreviewed,unreviewed,50000000," "rank --csv"
expect_stdout_line '2,2026-202,(주)테스트2026-202,5,85.00,0.00,85.00,target,selected,50000000,45246000,"selected: 45,246,000 within budget (used 125,246,000 of 200,000,000); 2 of 5 agreed (< 3): mean of 5 amounts = 45,246,000 (rounded down to 1,000)"'
expect_stdout_line '4,2026-203,(주)테스트2026-203,5,75.00,0.00,75.00,target,waitlisted,50000000,50000000,"waitlisted: 50,000,000 does not fit (24,754,000 left); 5 of 5 agreed (> half): requested amount 50,000,000"'
expect_stdout_line '5,2026-205,(주)테스트2026-205,5,70.00,0.00,70.00,target,waitlisted,40000000,40000000,"waitlisted: the walk stopped at 2026-203, which does not fit (R11.2); 5 of 5 agreed (> half): requested amount 40,000,000"'
expect_stdout_line ',2026-206,(주)테스트2026-206,5,69.98,3.00,72.98,excluded,excluded,50000000,,excluded: official base 69.98 < 70.00'
expect_stdout_line ',2026-207,(주)테스트2026-207,2,,,,incomplete,incomplete,50000000,,"incomplete: 2 of 5 sheets submitted, 3 judges yet to score, below the quorum of 3"'

# The table shows the same figures.
okd rank
expect_stdout_line "   1 2026-201  (주)테스트2026-201        5  90.00  0.00  90.00 target     selected    80,000,000 "
expect_stdout_line "      2 of 5 agreed (< 3): mean of 5 amounts = 45,246,000 (rounded down to 1,000)"
expect_stdout_line "---- not ranked (below 70, ineligible, incomplete or unreviewed) ----"
expect_stdout_line "budget: 175,246,000 of 200,000,000 won used"

# app list and app show agree with rank.
okd app list --csv
expect_stdout_line "2026-204,(주)테스트2026-204,충청북도 청주시,식품,sme,50000000,scored,selected"
okd app show 2026-205
expect_stdout_line "result: base 70.00, final 70.00, rank 5"
expect_stdout_line "  j1             70  agree (transcribed)"

# A bigger budget: the walk goes on to the 70.00 application.
as 간사 budget set 265,246,000
rank_fields > fields
expect_equal "$(sed -n 5,6p fields)" "4,2026-203,(주)테스트2026-203,5,75.00,0.00,75.00,target,selected,50000000,50000000
5,2026-205,(주)테스트2026-205,5,70.00,0.00,70.00,target,selected,40000000,40000000" "the walk with 265,246,000"
as 간사 budget set 265,245,999
rank_fields > fields
expect_equal "$(sed -n 6p fields)" "5,2026-205,(주)테스트2026-205,5,70.00,0.00,70.00,target,waitlisted,40000000,40000000" \
    "the walk one won short"
verified
