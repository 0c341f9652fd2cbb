#!/bin/sh
# Issue 17.2 and 17.3: the checklist is one form listing every item of the program with its
# answer (yes / no / unanswered) and note, saved together in one transaction; the cursor stays
# where it was when the form is opened again, for the next application too. Typed input is not
# lost without asking: Esc on a changed form asks, another key goes back with the input kept, y
# closes with nothing saved; a form with no change closes at once, q too on an answer.
set -u
. "$(dirname "$0")/tmux-lib"
. "$(dirname "$0")/session-lib"
session_call
checks() {
    sqlite3 demo.db "select item || '=' || answer || ':' || note from checklist where app_id = '$1' order by item" | tr '\n' ' '
}
events() {
    sqlite3 demo.db "select count(*) from event where kind = 'check'"
}
before=$(checks 2026-101)
events_before=$(events)

tui_start 80 24
wait_for "Sheets submitted by judge"
sign_in 0
keys a
wait_for "2026-101"
keys Enter
wait_for "2026-101  청주발효(주)"
keys c
wait_for "2026-101: checklist"
wait_for "d1      < no >"
wait_for "d3      < unanswered >"
wait_for "Complete capital erosion at the latest settlement"
# The unchanged form closes at once (q on an answer), and opens again.
keys q
wait_gone "2026-101: checklist"
keys c
wait_for "2026-101: checklist"
# d3 (the fifth field): no, with a note; d4's note.
keys Tab Tab Tab Tab
keys Left
wait_for "d3      < no >"
keys Tab
type_text "자본잠식 아님"
wait_for "note  자본잠식 아님"
keys Escape
wait_for "close without saving what you typed?"
keys Right
wait_gone "close without saving"
wait_for "note  자본잠식 아님"
wait_for "d3      < no >"
keys Tab Tab
type_text " 완료"
wait_for "note  확인 완료"
keys C-s
wait_for "2026-101: 2 checklist answers saved"
expect_eq "$(checks 2026-101)" "$(printf '%s' "$before" | sed 's/d4=0:확인/d3=0:자본잠식 아님 d4=0:확인 완료/')" "the answers after saving"
expect_eq "$(events)" "$((events_before + 2))" "check events"
# Opened again, the cursor is on d4's note, where it was.
keys c
wait_for "2026-101: checklist"
wait_for "note  확인 완료"
type_text "!"
wait_for "note  확인 완료!"
keys Escape
wait_for "close without saving what you typed?"
keys y
wait_gone "2026-101: checklist"
expect_eq "$(checks 2026-101 | grep -c '완료!')" 0 "a note closed without saving"
# The next application: the same item has the cursor.
keys q
wait_for "Applications"
keys Down Enter
wait_for "2026-102  충주제지(주)"
keys c
wait_for "2026-102: checklist"
type_text "?"
wait_for "note  확인?"
line_with "확인?" >row.txt
expect_eq "$(row_of "확인?")" "$(($(row_of "d4      <") + 3))" "the cursor's row in the next application's form"
keys Escape
wait_for "close without saving"
keys C-c
wait_gone "2026-102: checklist"
fits_width 80
echo "checklist: ok"
