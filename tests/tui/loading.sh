#!/bin/sh
# The first screen comes before the call is read (make bench: first paint): the dashboard shows
# the program and the counts at once and reads the rest in the background (held back here with
# SIMSA_LOAD_DELAY). Keys typed meanwhile are used in order once it is read; q leaves at once;
# --as offers the sign-in once the people are known.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

tui_start 100 30 main SIMSA_LOAD_DELAY=2500
wait_for "Program cbtp-2026, operated by (재)충북테크노파크"
wait_for "Reading the call: 12 applications, 47 score sheets..."
wait_for "Keys typed now are used as soon as it is read; q quits."
# Nothing of what is being read is shown yet.
capture | grep -qF "Alerts" && fail "alerts shown before the call was read"
# Typed ahead: the applications table, then two rows down.
keys a j j
sleep 0.5
capture | grep -qF "2026-001" && fail "the keys were used before the call was read"
wait_for "id       company"
wait_gone "Reading the call"
# The third row has the cursor: the j's were played after a.
row=$(row_of "2026-003")
[ "$row" -gt 0 ] || fail "2026-003 not in the table"
keys Enter
wait_for "2026-003"
wait_for "Info"
line_with "simsa > " | grep -qF "Application" || fail "Enter did not open the third row"
keys q q q
wait_for "EXITED 0"

# q while the call is read: the program ends (after the reading), status 0.
tui_start 100 30 quit SIMSA_LOAD_DELAY=1500
wait_for "Reading the call: 12 applications"
keys q
wait_for "EXITED 0"

# In Korean.
tui_start 100 30 korean SIMSA_LOAD_DELAY=1500 LANGUAGE=ko
wait_for "공모 자료를 읽는 중: 신청 12건, 평가표 47장..."
keys q
wait_for "EXITED 0"

# --as: the sign-in form comes once the call is read, with the name filled in.
tui_tmux new-session -d -s as -x 100 -y 30 \
    "env TERM=screen LC_ALL=C.UTF-8 LANGUAGE= SIMSA_TODAY=2026-06-07 SIMSA_LOAD_DELAY=1500 \
     '$SIMSA' -d '$PWD/demo.db' --as 김간사 $(stderr_to as); echo EXITED \$?; sleep 60"
CURRENT=as
wait_for "Reading the call"
wait_for "김간사"
wait_for "Passphrase"
keys Escape
wait_gone "Passphrase"
keys q
wait_for "EXITED 0"

# A database whose stored program no longer parses stops before the screen, as before.
cp demo.db broken.db
sqlite3 broken.db "UPDATE program SET source = 'not a program' WHERE id = 1" ||
    fail "could not break the program"
tui_tmux new-session -d -s broken -x 100 -y 30 \
    "env TERM=screen LC_ALL=C.UTF-8 LANGUAGE= '$SIMSA' -d '$PWD/broken.db' 2>err.txt; \
     echo EXITED \$?; sleep 60"
CURRENT=broken
wait_for "EXITED 1"
grep -qF "the stored program definition is invalid" err.txt ||
    { cat err.txt; fail "no reason for the broken program"; }
echo "loading: ok"
