# A call with the trimmed mean and ties, for the workbook tests (sourced after tests/cli/lib.sh).
# Program test-trimmed (tests/xlsx/data/trimmed-2026.ini): cbtp-2026 with aggregate = trimmed
# (R7.1) and panels of 6 judges. Every official figure sits on a rounding edge:
#   401  6 sheets, trimmed (80.0+81.1+79.9+80.3)/4 = 80.325 -> 80.33 (R7.2 half up)
#   402  6 sheets, trimmed 309.3/4 = 77.325 -> 77.33, +3 bonus = 80.33: equal to 401 on the final
#        score; data mean 17 > 16, so 402 ranks first (R9.2)
#   403, 404  identical sheets, 78.00: an unresolved tie, both rank 3 (R9.3)
#   405, 406  identical sheets, 75.00: the committee orders 406 before 405 (R9.3)
#   407  4 sheets (2 conflicts): no trimming under 5 sheets, 289.9/4 = 72.475 -> 72.48; 2 of 4
#        agree on the amount, so the mean of 4 amounts (R10.3)
#   408  5 sheets (1 conflict), trimmed 210.0/3 = 70.00: on the line, a target (R7.3)
#   409  6 sheets, trimmed 279.9/4 = 69.975 -> 69.98: excluded
# The budget covers everything, so a tie selects all its members (R11.4).

TIES_PROGRAM=${TESTS:?}/xlsx/data/trimmed-2026.ini

# sheet_row APP JUDGE TOTAL DATA [AMOUNT]: a score row whose items add up to TOTAL points, with
# DATA for the data item and the rest filled item by item up to each maximum.
sheet_row() {
    awk -v app="$1" -v judge="$2" -v total="$3" -v data="$4" -v amount="${5:-agree}" 'BEGIN {
        d = int(data * 10 + 0.5); t = int(total * 10 + 0.5) - d
        split("100 50 0 150 200 50 150 100", max, " ")
        out = ""
        for (i = 1; i <= 8; i++) {
            if (i == 3) v = d
            else { v = (t < max[i]) ? t : max[i]; t -= v }
            out = out sprintf("%s%d.%d", (i > 1 ? "," : ""), int(v / 10), v % 10)
        }
        if (t != 0) { print "sheet_row: " total " does not fit" > "/dev/stderr"; exit 1 }
        # Below 70 a sheet gives the overall opinion (the reason the company is told).
        opinion = (int(total * 10 + 0.5) < 700) ? "기준 점수 미달" : ""
        printf "%s,%s,%s,\"%s\",%s\n", app, judge, out, amount, opinion
    }'
}

# rows APP DATA TOTAL...: one row per total, judges j1, j2, ... in order.
rows() {
    app=$1 data=$2
    shift 2
    n=1
    for total in "$@"; do
        sheet_row "$app" "j$n" "$total" "$data"
        n=$((n + 1))
    done
}

ties_call() {
    ok init "$DB" --program "$TIES_PROGRAM" --budget 1,000,000,000
    okd person add 간사 --role secretariat --passphrase-file "$PW"
    for j in j1 j2 j3 j4 j5 j6; do
        okd person add "$j" --role judge --passphrase-file "$PW"
    done
    apps="2026-401 2026-402 2026-403 2026-404 2026-405 2026-406 2026-407 2026-408 2026-409"
    {
        echo "$APPS_HEADER"
        i=0
        for biz in "$BIZ1" "$BIZ2" "$BIZ3" "$BIZ4" "$BIZ5" "$BIZ6" "$BIZ7" "$BIZ8" 3098219101; do
            i=$((i + 1))
            app_row "2026-40$i" "$biz"
        done
    } > apps.csv
    okd app import apps.csv
    # shellcheck disable=SC2086
    { echo app,doc,issued; docs_rows $apps; } > docs.csv
    okd docs import docs.csv
    as 간사 review run
    okd panel add 전체 j1 j2 j3 j4 j5 j6
    # shellcheck disable=SC2086
    okd panel assign 전체 $apps
    as 간사 conflict add j5 2026-407 --reason "공급기업 임원과 친족"
    as 간사 conflict add j6 2026-407 --reason "최근 3년 내 자문"
    as 간사 conflict add j6 2026-408 --reason "수요기업 출신"
    {
        echo "$SCORE_HEADER"
        rows 2026-401 16 80.0 81.1 79.9 85.0 70.0 80.3
        rows 2026-402 17 77.0 77.5 77.3 77.5 90.0 60.0
        rows 2026-403 15 78 78 78 78 78 78
        rows 2026-404 15 78 78 78 78 78 78
        rows 2026-405 15 75 75 75 75 75 75
        rows 2026-406 15 75 75 75 75 75 75
        sheet_row 2026-407 j1 72.4 14
        sheet_row 2026-407 j2 72.5 14
        sheet_row 2026-407 j3 72.6 14 40,000,000
        sheet_row 2026-407 j4 72.4 14 45,000,000
        rows 2026-408 14 69.9 70.0 70.1 90.0 50.0
        rows 2026-409 15 69.9 70.0 70.0 70.0 95.0 40.0
    } > scores.csv
    as 간사 score import scores.csv
    as 간사 bonus set 2026-402 local_supplier --note "공급기업 본사 청주시"
    as 간사 tie resolve 2026-406 2026-405 --reason "위원회 협의"
}
