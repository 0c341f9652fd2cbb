#!/bin/sh
# One application: Enter from the table opens it; the tabs (Tab, Shift-Tab, h/l, 1..5) show
# information, live document checks (✓/✗ from core), scores, the result and the history note.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

tui_start 100 30
wait_for "Sheets submitted by judge"
keys a
wait_for "2026-012"
keys Enter
wait_for "Applications > Application"
wait_for "2026-001  청주바이오텍(주)  [scored, selected]"
wait_for "Title            발효 공정 이상 탐지 AI"
wait_for "Business no.     301-81-12349"
wait_for "Received         2026-06-03 10:12 (on time)"
wait_for "tab 1 of 6"

keys Tab
wait_for "tab 2 of 6"
wait_for "Recorded decision: passed"
wait_for "✓ Eligible now"
wait_for "Documents (valid when issued 2026-03-01 to 2026-06-19, R2.1)"
keys 3
wait_for "tab 3 of 6"
wait_for "Inspection of 2026-06-12, team 조현장,김간사"
keys 4
wait_for "tab 4 of 6"
wait_for "Sheets: 5 submitted; panel of 5 judges"
line_with "  judge " | grep -Eq "judge +need +will +data +kpi +strategy +team +fit +cost +total +amount" ||
    fail "sheet header"
keys 5
wait_for "tab 5 of 6"
wait_for "Outcome    selected"
wait_for "Score      base 85.00 + bonus 3 = final 88.00, from 5 sheets"
wait_for "Amount     80,000,000 won"
keys l
wait_for "tab 6 of 6"
wait_for "From the audit log"
wait_for "김간사 document: doc 1 issued 2026-05-10"
keys BTab h 1
wait_for "tab 1 of 6"

# An ineligible one: document 6 issued before 2026-03-01 shows ✗ with the R2.1 reason.
keys q
wait_for "row 1 of 12"
keys G k k Enter
wait_for "2026-010  (주)미래헬스케어"
keys 2
wait_for "✗ Not eligible now:"
wait_for "✗ R2.1: document 6"
line_with "2026-02-28 required" | grep -q "✗  6 2026-02-28 required" || fail "document 6 row"
line_with "2026-05" | grep -q "✓" || fail "a valid document"

# A tie shows as such in the result.
keys q
wait_for "row 10 of 12"
keys g j Enter
wait_for "2026-002  (주)충주식품  [scored, tie]"
keys 5
wait_for "Rank       3 (tied; unresolved)"
wait_for "tie with 2026-007"
fits_width 100
echo "detail: ok"
