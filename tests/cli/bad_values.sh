# Bad-input catalogue, part 2: values the parsers of core/parse.c refuse, through every importer
# — scores (8.55-style ones are in scores.sh) like -1, NaN, 1e3; amounts like 8천만원; dates like
# 2026-02-30 and times of no day; business numbers, yes/no, e-mail, ids; unknown judges. Each:
# the exact FILE:LINE:COLUMN message, and the database unchanged.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/bad.lib"

reviewed_call 2026-001 2026-002
H=$APPS_HEADER

# ---- scores (R6.2: 0 to the item's maximum, one decimal, digits only) ----
# score_case VALUE LINE: VALUE as the "need" score of a sheet transcribed by the secretariat.
score_case() {
    { echo "$SCORE_HEADER"; echo "2026-001,j3,$1,3.5,14,10.5,14,3.5,10.5,7,agree,"; } > score.csv
    bad_import score score.csv "$2"
}
NUMBER='a score must be a number such as 8 or 8.5 (0 to 10)'
score_case -1 "score.csv:2:3: need \"-1\": $NUMBER"
score_case NaN "score.csv:2:3: need \"NaN\": $NUMBER"
score_case 1e3 "score.csv:2:3: need \"1e3\": $NUMBER"
score_case .5 "score.csv:2:3: need \".5\": $NUMBER"
score_case 5. "score.csv:2:3: need \"5.\": $NUMBER"
score_case +5 "score.csv:2:3: need \"+5\": $NUMBER"
score_case '８' "score.csv:2:3: need \"８\": $NUMBER"
score_case '8 . 5' "score.csv:2:3: need \"8 . 5\": $NUMBER"
score_case 0x8 "score.csv:2:3: need \"0x8\": $NUMBER"
score_case 99999999999 'score.csv:2:3: need "99999999999": the score is above the maximum (0 to 10)'

# ---- amounts on a sheet (R10.1: agree, or whole won) ----
amount_case() {
    { echo "$SCORE_HEADER"; echo "2026-001,j3,7,3.5,14,10.5,14,3.5,10.5,7,\"$1\","; } > amount.csv
    bad_import score amount.csv "amount.csv:2:11: amount \"$1\": write agree or the adjusted amount in won ($2)"
}
DIGITS='an amount must be written in digits, e.g. 80000000 or 80,000,000'
amount_case 8천만원 "$DIGITS"
amount_case 80,000,000원 "$DIGITS"
amount_case -5 'an amount cannot be negative'
amount_case 1e7 "$DIGITS"
amount_case 80.000.000 'an amount is whole won, without decimals'
amount_case 9999999999999999 'the amount is above the maximum'
amount_case ₩1,000 "$DIGITS"
amount_case 동의함 "$DIGITS"

# ---- who scores ----
{ echo "$SCORE_HEADER"; echo '2026-001,간사,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > notjudge.csv
bad_import score notjudge.csv 'notjudge.csv:2:2: "간사" is not a judge of this call'
{ echo "$SCORE_HEADER"; echo '2026-001, j3 x,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > spaced.csv
bad_import score spaced.csv 'spaced.csv:2:2: "j3 x" is not a judge of this call'

# ---- applications ----
# app_case SED LINE: one eligible application changed by SED.
n=100
app_case() {
    n=$((n + 1))
    { echo "$H"; app_row "2026-$n" "$BIZ3" | sed "$1"; } > app.csv
    bad_import app app.csv "$(printf '%s' "$2" | sed "s/@ID@/2026-$n/g")"
}
app_case 's/"50,000,000"/"8천만원"/' "app.csv:2:12: requested \"8천만원\": $DIGITS"
app_case 's/,5000000,/,-5000000,/' 'app.csv:2:13: copay "-5000000": an amount cannot be negative'
app_case 's/"50,000,000"/"1,000,000,000,000,001"/' 'app.csv:2:12: requested "1,000,000,000,000,001": the amount is above the maximum'
app_case 's/,2010-01-01,/,2010\/01\/01,/' 'app.csv:2:8: founded "2010/01/01": a date must be written YYYY-MM-DD'
app_case 's/,2010-01-01,/,26.01.01,/' 'app.csv:2:8: founded "26.01.01": a date must be written YYYY-MM-DD'
app_case 's/,2010-01-01,/,1899-12-31,/' 'app.csv:2:8: founded "1899-12-31": the year must be between 1900 and 2999'
app_case 's/,2010-01-01,/,2025-02-29,/' 'app.csv:2:8: founded "2025-02-29": no such day'
app_case 's/,2010-01-01,/,2026-06-11,/' 'app.csv:2:8: founded 2026-06-11 is after the application was received'
app_case 's/2026-06-10 10:00/2026-06-10 25:00/' 'app.csv:2:17: received "2026-06-10 25:00": no such time of day'
app_case 's/2026-06-10 10:00/2026-06-10 10:00:60/' 'app.csv:2:17: received "2026-06-10 10:00:60": no such time of day'
app_case 's/2026-06-10 10:00/2026-06-10 오전 10:00/' 'app.csv:2:17: received "2026-06-10 오전 10:00": a time must be written HH:MM'
app_case "s/$BIZ3/303831428A/" 'app.csv:2:3: business number "303831428A": a business number must have 10 digits'
app_case "s/$BIZ3/${BIZ3}1/" "app.csv:2:3: business number \"${BIZ3}1\": a business number must have 10 digits"
app_case 's/,yes,/,maybe,/' 'app.csv:2:11: supplier_pools "maybe" must be yes or no'
app_case 's/a@example.kr/a.example.kr/' 'app.csv:2:16: contact_email "a.example.kr" is not an e-mail address'
app_case 's/^2026-\([0-9]*\)/2026 \1/' "app.csv:2:1: id \"2026 $((n + 1))\" must be 1-64 letters, digits, '-', '_' or '.'"
app_case 's/,sme,/,,/' 'app.csv:2:4: size "" must be sme, midsize or large (or 중소기업, 중견기업, 대기업)'

# ---- documents and financial figures ----
printf 'app,doc,issued\n2026-001,1,2026-02-30\n' > doc.csv
bad_import docs doc.csv 'doc.csv:2:3: issued "2026-02-30": no such day'
printf 'app,doc,issued\n2026-001,0,2026-05-01\n' > doc.csv
bad_import docs doc.csv 'doc.csv:2:2: document "0" is not a document number of cbtp-2026 (1-7)'
printf 'app,doc,issued\n2026-001,1.0,2026-05-01\n' > doc.csv
bad_import docs doc.csv 'doc.csv:2:2: document "1.0" is not a document number of cbtp-2026 (1-7)'
printf 'app,doc,issued\n2026-001,1,\n' > doc.csv
bad_import docs doc.csv 'doc.csv:2:3: issued "": a date must be written YYYY-MM-DD'
FIN='app,year,liabilities,equity,current_assets,current_liabilities'
printf '%s\n2026-001,2025,-1,1,1,1\n' "$FIN" > fin.csv
bad_import finance fin.csv 'fin.csv:2:3: liabilities "-1": an amount cannot be negative'
printf '%s\n2026-001,2025,1,--1,1,1\n' "$FIN" > fin.csv
bad_import finance fin.csv 'fin.csv:2:4: equity "--1": an amount cannot be negative'
printf '%s\n2026-001,1899,1,1,1,1\n' "$FIN" > fin.csv
bad_import finance fin.csv 'fin.csv:2:2: year "1899" is not a year'
printf '%s\n2026-001,2025,1억,1,1,1\n' "$FIN" > fin.csv
bad_import finance fin.csv "fin.csv:2:3: liabilities \"1억\": $DIGITS"
printf '%s\n2026-001,2025,1,1,NaN,1\n' "$FIN" > fin.csv
bad_import finance fin.csv "fin.csv:2:5: current_assets \"NaN\": $DIGITS"

# "Agree" as a spreadsheet capitalises it is the same word (not an error).
{ echo "$SCORE_HEADER"; echo '2026-001,j3,7,3.5,14,10.5,14,3.5,10.5,7,Agree,'; } > agree.csv
as 간사 score import agree.csv
expect_equal "$(sql 'select agree, amount from amount_vote')" "1|0" "Agree is agree"

cases_done 46
