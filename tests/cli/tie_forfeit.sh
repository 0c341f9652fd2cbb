# An unresolved tie across the budget line (R9.3, R11.4), its resolution by the committee, and a
# forfeit with promotion from the waitlist (R11.5).
. "$(dirname "$0")/lib.sh"

{
    echo "$APPS_HEADER"
    app_row 2026-301 "$BIZ1" 80,000,000
    app_row 2026-302 "$BIZ2"
    app_row 2026-303 "$BIZ3"
    app_row 2026-304 "$BIZ4" 40,000,000
} > apps.csv
reviewed_call 2026-301 2026-302 2026-303 2026-304
# 302 and 303: the same totals and the same data, kpi and strategy means: a real tie.
{
    echo "$SCORE_HEADER"
    sheets 2026-301 9,4.5,18,13.5,18,4.5,13.5,9
    sheets 2026-302 8,4,16,12,16,4,12,8
    sheets 2026-303 8,4,16,12,16,4,12,8
    sheets 2026-304 7,3.5,14,10.5,14,3.5,10.5,7
} > scores.csv
as 간사 score import scores.csv
as 간사 budget set 150,000,000

# 80,000,000 used, 70,000,000 left: one of the two fits, so the order matters (R11.4).
rank_fields > fields
expect_equal "$(cat fields)" "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount
1,2026-301,(주)테스트2026-301,5,90.00,0.00,90.00,target,selected,80000000,80000000
2,2026-302,(주)테스트2026-302,5,80.00,0.00,80.00,target,tie,50000000,50000000
2,2026-303,(주)테스트2026-303,5,80.00,0.00,80.00,target,tie,50000000,50000000
4,2026-304,(주)테스트2026-304,5,70.00,0.00,70.00,target,waitlisted,40000000,40000000" "rank with a tie"
expect_stdout_line '2,2026-302,(주)테스트2026-302,5,80.00,0.00,80.00,target,tie,50000000,50000000,"tie with 2026-303 (equal on final, data, kpi, strategy): the committee must order it; 5 of 5 agreed (> half): requested amount 50,000,000"'
expect_stdout_line '4,2026-304,(주)테스트2026-304,5,70.00,0.00,70.00,target,waitlisted,40000000,40000000,"waitlisted: the tie at rank 2 must be ordered by the committee first (R11.4); 5 of 5 agreed (> half): requested amount 40,000,000"'
okd rank
expect_stdout_contains "  =2 2026-302"
expect_stdout_contains "  =2 2026-303"

# Refusals, none of which writes anything.
before=$(db_state)
expect_exit 2 -d "$DB" --as 간사 --passphrase-file "$PW" tie resolve 2026-303 2026-302
expect_stderr_line "simsa: usage: simsa tie resolve APP APP... --reason TEXT"
faild --as 간사 --passphrase-file "$PW" tie resolve 2026-303 2026-304 --reason x
expect_stderr_line "simsa: 2026-303 ... is not exactly the members of one unresolved tie (see simsa rank)"
faild --as 간사 --passphrase-file "$PW" tie resolve 2026-303 2026-303 --reason x
expect_stderr_line "simsa: an application is named twice"
faild --as j1 --passphrase-file "$PW" tie resolve 2026-303 2026-302 --reason x
expect_stderr_line "simsa: --as j1: this needs a person with the role secretariat, not judge"
faild --as 간사 --passphrase-file badpw tie resolve 2026-303 2026-302 --reason x
expect_stderr_line "simsa: 간사: wrong passphrase; nothing was changed"
faild --as 간사 --passphrase-file "$PW" forfeit 2026-302 --reason x
expect_stderr_line "simsa: 2026-302 is tie, not selected: only a selected company can forfeit"
expect_unchanged "$before"

# The committee orders the tie (303 first, against the id order): distinct ranks, 303 selected.
as 간사 tie resolve 2026-303 2026-302 --reason "위원회 합의: 데이터 준비도 우위"
expect_stdout_line "tie resolved in the order 2026-303 > 2026-302"
expect_equal "$(sql 'select members, reason from tie_decision')" "2026-303
2026-302|위원회 합의: 데이터 준비도 우위" "tie decision row"
rank_fields > fields
expect_equal "$(cat fields)" "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount
1,2026-301,(주)테스트2026-301,5,90.00,0.00,90.00,target,selected,80000000,80000000
2,2026-303,(주)테스트2026-303,5,80.00,0.00,80.00,target,selected,50000000,50000000
3,2026-302,(주)테스트2026-302,5,80.00,0.00,80.00,target,waitlisted,50000000,50000000
4,2026-304,(주)테스트2026-304,5,70.00,0.00,70.00,target,waitlisted,40000000,40000000" "rank after tie resolve"
expect_stdout_line '3,2026-302,(주)테스트2026-302,5,80.00,0.00,80.00,target,waitlisted,50000000,50000000,"waitlisted: 50,000,000 does not fit (20,000,000 left); tie with 2026-303 ordered by the committee (R9.3); 5 of 5 agreed (> half): requested amount 50,000,000"'
before=$(db_state)
faild --as 간사 --passphrase-file "$PW" tie resolve 2026-302 2026-303 --reason again
expect_stderr_line "simsa: 2026-302 ... is not exactly the members of one unresolved tie (see simsa rank)"
faild --as 간사 --passphrase-file "$PW" forfeit 2026-302 --reason x
expect_stderr_line "simsa: 2026-302 is waitlisted, not selected: only a selected company can forfeit"
faild --as 간사 --passphrase-file "$PW" forfeit 2026-309 --reason x
expect_stderr_line 'simsa: no application "2026-309"'
expect_exit 2 -d "$DB" --as 간사 --passphrase-file "$PW" forfeit 2026-301
expect_stderr_line "simsa: usage: simsa forfeit APP --reason TEXT"
faild --as 간사 --passphrase-file badpw forfeit 2026-301 --reason x
expect_unchanged "$before"

# 301 forfeits: the walk again without it selects 303, 302 and 304 (140,000,000).
as 간사 forfeit 2026-301 --reason "협약 포기 (대표 사정)"
expect_equal "$(cat out)" "2026-301 forfeited
promoted from the waitlist: 2026-302
promoted from the waitlist: 2026-304" "forfeit output"
expect_equal "$(sql 'select app_id, reason, promoted from forfeit')" \
    "2026-301|협약 포기 (대표 사정)|2026-302 2026-304" "forfeit row"
rank_fields > fields
expect_equal "$(cat fields)" "rank,app,company,sheets,base,bonus,final,band,outcome,requested,amount
1,2026-301,(주)테스트2026-301,5,90.00,0.00,90.00,target,forfeited,80000000,80000000
2,2026-303,(주)테스트2026-303,5,80.00,0.00,80.00,target,selected,50000000,50000000
3,2026-302,(주)테스트2026-302,5,80.00,0.00,80.00,target,selected,50000000,50000000
4,2026-304,(주)테스트2026-304,5,70.00,0.00,70.00,target,selected,40000000,40000000" "rank after the forfeit"
expect_stdout_line '1,2026-301,(주)테스트2026-301,5,90.00,0.00,90.00,target,forfeited,80000000,80000000,"forfeited (협약 포기 (대표 사정)): the selection is made again without it (R11.5); 5 of 5 agreed (> half): requested amount 80,000,000"'
okd rank
expect_stdout_line "budget: 140,000,000 of 150,000,000 won used"
before=$(db_state)
faild --as 간사 --passphrase-file "$PW" forfeit 2026-301 --reason again
expect_stderr_line "simsa: 2026-301 has already forfeited"
expect_unchanged "$before"

# Nobody left to promote.
as 간사 forfeit 2026-304 --reason "계획 미보완 (R12.1)"
expect_equal "$(cat out)" "2026-304 forfeited
nobody is promoted (nothing on the waitlist fits)" "forfeit with an empty waitlist"
verified
