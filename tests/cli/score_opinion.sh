# Issue 17.13: a sheet whose total is below the threshold (R7.3) needs an overall opinion, in
# `score import` as in the score form (one rule of core: session_opinion_refusal).
. "$(dirname "$0")/lib.sh"

reviewed_call 2026-001
# 69.9 without an opinion (blank or only spaces): refused, nothing imported.
{
    echo "$SCORE_HEADER"
    echo '2026-001,j1,7,3.5,14,10.5,14,3.5,10.5,6.9,agree,'
    echo '2026-001,j2,7,3.5,14,10.5,14,3.5,10.5,6.9,agree,"   "'
} > low.csv
before=$(db_state)
expect_exit 1 -d "$DB" --as 간사 --passphrase-file "$PW" score import low.csv
expect_stderr_line "low.csv:2:12: the total 69.9 is below 70: write the overall opinion, the reason the company is told"
expect_stderr_line "low.csv:3:12: the total 69.9 is below 70: write the overall opinion, the reason the company is told"
expect_stderr_line "low.csv: 2 problems; nothing was imported"
expect_unchanged "$before"

# Exactly 70 needs none; 69.9 with an opinion is taken.
{
    echo "$SCORE_HEADER"
    echo '2026-001,j1,7,3.5,14,10.5,14,3.5,10.5,7,agree,'
    echo '2026-001,j2,7,3.5,14,10.5,14,3.5,10.5,6.9,agree,데이터 확보 계획이 부족함'
} > ok.csv
as 간사 score import ok.csv
expect_stdout_line "ok.csv: imported 2 sheet(s) (transcribed by the secretariat)"
expect_equal "$(sql "select opinion from sheet order by id desc limit 1")" "데이터 확보 계획이 부족함" "opinion"

# A file without an opinion column at all is refused the same way for a low total.
{
    echo app,judge,need,will,data,kpi,strategy,team,fit,cost,amount
    echo '2026-001,j3,5,2,10,7,10,2,7,5,agree'
} > nocol.csv
expect_exit 1 -d "$DB" --as 간사 --passphrase-file "$PW" score import nocol.csv
expect_stderr_contains "the total 48 is below 70: write the overall opinion"
