#!/bin/sh
# The judge's session: the panel's lineup in the order the secretariat set (company, title,
# requested amount), a conflict of interest declared with a reason (Hangul) and signed, after
# which the application is closed to the judge; the secretariat moves an application in the
# lineup; nobody sees another judge's scores.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call

tui_start 100 30
wait_for "Sheets submitted by judge"
keys J
wait_for "Dashboard > session"
wait_for "every panel's lineup"
sign_in 1
wait_for "강민준 (judge)"
# The order of `panel order`: 2026-103, 2026-101, then 2026-102.
expect_eq "$(row_of "2026-103 진천바이오")" 3 "first in the lineup"
expect_eq "$(row_of "2026-101 청주발효(주)")" 4 "second in the lineup"
expect_eq "$(row_of "2026-102 충주제지(주)")" 5 "third in the lineup"
line_with "2026-102" | grep -Eq "^ *3 2026-102 충주제지\(주\) +건조 공정 최적화 +40,000,000 +to score +전체" ||
    fail "lineup row"
fits_width 100

# c on 2026-101: the declaration asks for a reason; empty is refused, Hangul is signed.
keys j
keys c
wait_for "Declare a conflict of interest"
wait_for "2026-101  청주발효(주)  발효 공정 AI"
keys C-s
wait_for "✗ required"
type_text "공급기업 대표와 공동연구 수행"
keys C-s
wait_for "2026-101: conflict of interest declared and signed; it is closed to you"
line_with "2026-101" | grep -q "closed (conflict)" || fail "the lineup does not show it closed"
# Closed: no score form, no second declaration.
keys e
wait_for "강민준 declared a conflict of interest with 2026-101 and cannot score it"
keys c
wait_for "강민준 already declared a conflict with 2026-101"
sqlite3 demo.db "select reason, signed_text is not null from conflict" > conflict.rows
expect_eq "$(cat conflict.rows)" "공급기업 대표와 공동연구 수행|1" "the stored declaration"
"$SIMSA" -d demo.db verify >verify.out 2>&1 || { cat verify.out; fail "verify"; }

# The secretariat moves 2026-102 to the front of the lineup (o, a place, Enter).
keys S
wait_for "signed out"
sign_in 0
wait_for "김간사 (secretariat)"
keys G o
wait_for "Presentation order"
wait_for "2026-102  충주제지(주): its place in the lineup of panel 전체"
keys Left Left Enter
wait_for "2026-102 moves to place 1 of the lineup"
expect_eq "$(row_of "2026-102 충주제지(주)")" 3 "moved to the front"
expect_eq "$(row_of "2026-103 진천바이오")" 4 "the rest keep their order"
# The secretariat sees how many sheets are in, never a judge's score.
line_with "2026-103" | grep -q "0 of 5 sheets" || fail "sheet count for the secretariat"
# A judge may not reorder.
keys S
wait_for "signed out"
sign_in 2
keys o
wait_for "김서연 is signed in as judge: only the secretariat makes this change"
fits_width 100
echo "session: ok"
