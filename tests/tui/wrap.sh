#!/bin/sh
# Issue 17.1: text wraps at spaces, never inside a word (an eojeol in Korean), at 80x24 in
# English and in Korean: the score form's intro and the items' descriptions, a note typed in a
# form, and help.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call

INTRO_EN="Requested 40,000,000 won. Scores in steps of 0.1; each field is saved as a draft when you leave it; Ctrl-S reviews and signs."
INTRO_KO="신청금액 40,000,000원. 점수는 0.1점 단위로 매깁니다. 각 필드는 벗어날 때 임시 저장되며, Ctrl-S를 누르면 확인 후 서명합니다."
OPINION="데이터 확보 계획과 핵심지표 측정 방법이 구체적이지 않아 보완이 필요하며 추진 전략의 근거 자료가 부족함"

tui_start 80 24
wait_for "Sheets submitted by judge"
sign_in 1
keys J
wait_for "강민준 (judge)"
keys G Enter
wait_for "2026-102 presents now"
keys Enter
wait_for "Score sheet: 충주제지(주)"
words_whole "$INTRO_EN"
words_whole "Background of the project and why the company needs AI"
words_whole "Understanding of the project and the staff the company will commit"
# The overall opinion, a note over several lines: typed text wraps between eojeol.
keys BTab
wait_for "Overall opinion"
type_text "$OPINION"
words_whole "$OPINION"
fits_width 80
keys C-c
wait_for "close without saving what you typed?"
keys C-c
wait_for "row 3 of 3"
keys '?'
wait_for "Keys everywhere"
words_whole "present the selected application now; on the one presenting, score it"
words_whole "move the selected application in the presentation order (secretariat)"
fits_width 80
keys Q

tui_start 80 24 korean LANGUAGE=ko
wait_for "단계별 신청 현황"
keys S
wait_for "본인을 고르십시오"
keys Right Tab
type_text "$PASS"
keys Enter
wait_for "강민준 (평가위원)"
keys J
wait_for "발표 순서"
keys G Enter
wait_for "2026-102 발표 차례"
keys Enter
wait_for "평가표: 충주제지(주)"
words_whole "$INTRO_KO"
keys BTab
type_text "$OPINION"
words_whole "$OPINION"
fits_width 80
echo "wrap: ok"
