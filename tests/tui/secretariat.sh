#!/bin/sh
# The secretariat's workflow (issue 4): sign in, enter a document date that fails R2.1 and one
# that passes, decide the review (signed), record a site inspection with notes in Hangul, add a
# person; then the command line shows every change (one code path) and verify passes.
. "$TESTS/tui/tmux-lib"
demo_db
tui_start 100 30

# Sign in: a wrong passphrase is refused in the form, the right one unlocks the key.
wait_for "read-only"
keys S
wait_for "Sign in"
wait_for "Person      < 김간사 (secretariat) >"
keys Tab
type_text "wrong"
keys Enter
wait_for "김간사: wrong passphrase"
keys C-u
type_text "simsa-demo"
keys Enter
wait_for "signed in as 김간사 (secretariat)"
wait_row 1 "김간사 (secretariat)"

# A document date before the window fails with core's reason; one inside passes.
keys a G Enter
wait_for "2026-012  가온제지"
keys 2 e
wait_for "2026-012: document issue date"
keys Right Right Right Right Right
wait_for "< 6 National and local tax payment certificates >"
keys Tab C-u
type_text "2026-02-27"
wait_for "✗ R2.1: document 6 (국세 및 지방세 완납 증명서) was issued 2026-02-27,"
wait_for "           before 2026-03-01"
wait_for "e 2026-03-01"
keys C-u
type_text "2026-02-30"
wait_for "✗ no such day"
wait_gone "saving records the date"
keys C-u
type_text "2026-03-02"
wait_for "✓ valid: issued within the window (R2.1)"
keys Enter
wait_for "2026-012: document 6 issued 2026-03-02 recorded"
keys G
wait_for "✓  6 2026-03-02 required"
keys g

# The review decision: shown with its reasons, signed only on an explicit yes.
keys r
wait_for "2026-012: document review decision"
wait_for "✓ passes the document review"
keys Enter
wait_for "answer yes to sign the decision"
keys y Enter
wait_for "2026-012: document review passed, signed by 김간사"

# A site inspection with Hangul in the team, facts and notes; the cursor stays where Hangul is
# composed, and the lines come back as typed.
keys 3
wait_for "No site inspection recorded (R13)"
keys i
wait_for "2026-012: site inspection"
type_text "2026-06-07"
keys Tab
type_text ", 박현장"
keys Tab
type_text "공장 가동 확인"
keys Enter
type_text "AI 장비 설치 공간"
keys Tab Tab
type_text "현장 점검 결과 이상 없음"
wait_for "team of 2 (at most 1 evaluator(s) and 4 staff); 2 fact(s), 0 finding(s)"
keys C-s
wait_for "2026-012: site inspection of 2026-06-07 recorded and signed by 김간사"
wait_for "Inspection of 2026-06-07, team 김간사,박현장"
wait_for "    - AI 장비 설치 공간"
wait_for "    현장 점검 결과 이상 없음"

# People: a new inspector, the passphrase asked twice.
keys P
wait_for "People and panels"
keys n
wait_for "Add a person"
type_text "문현장"
keys Tab Right Right Tab
type_text "pass-one"
wait_for "✗ a passphrase must have at least 10 characters"
keys C-u
type_text "pass-one-long"
wait_gone "a passphrase must have at least 10 characters"
keys Tab
type_text "pass-two-long"
wait_for "✗ the two passphrases differ"
keys C-u
type_text "pass-one-long"
wait_gone "the two passphrases differ"
keys C-s
wait_for "added 문현장 (inspector), key "
# The signed change is checkpointed: the write-ahead log is folded into the file (TRUNCATE).
[ ! -s demo.db-wal ] || fail "the WAL was not checkpointed after a signed change ($(stat -c %s demo.db-wal) bytes)"
wait_for "문현장"
fits_width 100
keys Q
wait_for "EXITED 0"

# The command line sees every change: one code path.
"$SIMSA" -d demo.db app show 2026-012 >show.txt || fail "app show"
grep -q "✓  6 2026-03-02 required" show.txt || { cat show.txt; fail "document date in app show"; }
grep -q "site inspection 2026-06-07, signed by 김간사" show.txt || fail "inspection in app show"
grep -q "notes: 현장 점검 결과 이상 없음" show.txt || fail "inspection notes in app show"
grep -q "facts checked: 공장 가동 확인;AI 장비 설치 공간" show.txt || fail "facts in app show"
"$SIMSA" -d demo.db person list | grep -q "문현장" || fail "person list"
"$SIMSA" -d demo.db verify >verify.txt || { cat verify.txt; fail "verify after the changes"; }
echo "secretariat: ok"
