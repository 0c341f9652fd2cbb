#!/bin/sh
# The score form: each item with its maximum and description; an out-of-range score and an
# adjusted amount above the request refused on the spot with the reason; a comment; the running
# total; the opinion required below 70 (Hangul); the review page; a wrong passphrase refused;
# signed with the right one, then read-only. Another judge sees none of it before submitting.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call

tui_start 100 30
wait_for "Sheets submitted by judge"
sign_in 1
keys J
wait_for "강민준 (judge)"
keys G Enter
wait_for "2026-102 presents now"
keys Enter
wait_for "Score sheet: 충주제지(주)"
wait_for "Requested 40,000,000 won. Scores in steps of 0.1"
wait_for "Need for support (0-10)"
wait_for "Background of the project and why the company needs AI"

type_text "10.5"
wait_for "✗ the score is above the maximum"
keys BSpace BSpace BSpace BSpace
type_text "8.55"
wait_for "✗ a score has at most one decimal"
keys BSpace
wait_gone "✗ a score has at most one decimal"
wait_for "Total 8.5 of 100 (1 of 8 items scored)"
keys Tab
type_text "근거 자료 충분"
keys Tab
for score in 4 12 9 11 3 8 5; do
    type_text "$score"
    keys Tab Tab
done
wait_for "Total 60.5 of 100 (8 of 8 items scored)"
keys Right Tab
type_text "45,000,000"
wait_for "✗ R10.1: adjusted amount 45,000,000 is above the requested"
keys C-u
type_text "35,000,000"
wait_for "✓ adjusted; requested 40,000,000 won"
keys Tab
wait_for "✗ the total 60.5 is below 70: write the overall opinion"
type_text "데이터 확보 계획이 부족함"
wait_gone "write the overall opinion"
keys C-s
wait_for "Review and sign the sheet"
wait_for "Total 60.5 of 100"
line_with "Need for support" | grep -Eq "^    Need for support +8\.5 / 10  - 근거 자료 충분$" ||
    fail "the review line of need"
line_with "Fit to requirements" | grep -Eq "^    Fit to requirements +8 / 15$" ||
    fail "the review line of fit"
wait_for "Total 60.5 of 100"
wait_for "Amount: adjusted to 35,000,000 won"
wait_for "Opinion: 데이터 확보 계획이 부족함"
type_text "not-the-passphrase"
keys Enter
wait_for "강민준: wrong passphrase"
expect_eq "$(sqlite3 demo.db "select count(*) from sheet")" 0 "sheets after a wrong passphrase"
type_text "$PASS"
keys Enter
wait_for "2026-102: your sheet is signed and submitted (total 60.5); it is read-only now"
line_with "2026-102" | grep -q "submitted ✓ 60.5" || fail "the lineup row after submitting"
wait_for "Your sheet for 2026-102, signed"
wait_for "Need for support 8.5 - 근거 자료 충분"
keys e
wait_for "2026-102: your sheet is submitted and signed; it is read-only"
fits_width 100

# Signed as the judge, with the comment and the Hangul opinion; the draft is gone.
sqlite3 demo.db "select signed_text from sheet" > sheet.txt
grep -F -x -q "comment: need=근거 자료 충분" sheet.txt || fail "comment: $(cat sheet.txt)"
grep -F -x -q "opinion: 데이터 확보 계획이 부족함" sheet.txt || fail "opinion: $(cat sheet.txt)"
grep -F -x -q "amount: 35000000" sheet.txt || fail "amount: $(cat sheet.txt)"
grep -F -x -q "signer: 강민준" sheet.txt || fail "signer: $(cat sheet.txt)"
expect_eq "$(sqlite3 demo.db "select count(*) from draft")" 0 "drafts after submitting"
"$SIMSA" -d demo.db verify >verify.out 2>&1 || { cat verify.out; fail "verify"; }

# 김서연 has not submitted: her lineup and her form show none of 강민준's values.
keys S
wait_for "signed out"
sign_in 2
wait_for "김서연 (judge)"
line_with "2026-102" | grep -q "to score" || fail "김서연's status of 2026-102"
capture | grep -q "60.5" && fail "김서연 sees 강민준's total"
keys G e
wait_for "Score sheet: 충주제지(주)"
wait_for "Total 0 of 100 (0 of 8 items scored)"
capture | grep -Eq "8\.5|근거 자료|데이터 확보|35,000,000" && fail "the form shows another judge's values"
keys Escape
wait_gone "Score sheet"
echo "scoreform: ok"
