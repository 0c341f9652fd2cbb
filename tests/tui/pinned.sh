#!/bin/sh
# A pinned person (issue 15): simsa -d FILE --as 윤지아 opens the interactive program as 윤지아
# only: the sign-in offers no one else, there is no switching, and the board shows her view —
# nothing of other panels, no result or budget before her own sheet.
. "$(dirname "$0")/tmux-lib"
demo_db
tui_tmux new-session -d -s pin -x 100 -y 30 \
    "env TERM=screen LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR= SIMSA_TODAY=2026-06-07 \
     '$SIMSA' -d '$PWD/demo.db' --as 윤지아 $(stderr_to pin); echo EXITED \$?; sleep 60"
CURRENT=pin
wait_for "Choose who you are"
wait_for "윤지아 (judge)"
keys Left
sleep 0.3
capture | grep -q "김간사" && fail "another person offered in a pinned session"
type_text "simsa-demo"
keys Enter
wait_for "signed in as 윤지아 (judge)"
keys S
wait_for "this session is 윤지아's only (simsa --as): nobody else signs in here"
keys b
wait_for "Your view: the applications of your panel; results once your own sheet is in"
capture | grep -q "2026-001" && fail "an application of another panel on her board"
capture | grep -q "Budget 250,000,000" && fail "the budget shown to a judge"
line_with "2026-012" | grep -q "(hidden until you submit)" || fail "2026-012 before her sheet"
line_with "2026-012" | grep -Eq "[0-9]+\.[0-9]{2}" && fail "a score of 2026-012 before her sheet"
# Her status line offers nothing only the secretariat does.
status=$(capture | tail -1)
for word in budget tie forfeit finalize export; do
    echo "$status" | grep -qw "$word" && fail "a judge's board offers $word: $status"
done
echo "$status" | grep -qw "sheets" || fail "her status line: $status"
# The applications list and their screens: nothing of the other panel.
keys q a
wait_for "2026-012"
capture | grep -q "2026-001" && fail "an application of another panel in her list"

# Pinned to a name that is nobody's (a mistyped forced command): refused, nothing shown.
tui_tmux new-session -d -s nobody -x 100 -y 30 \
    "env TERM=screen LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR= SIMSA_TODAY=2026-06-07 \
     '$SIMSA' -d '$PWD/demo.db' --as 윤지야 2>'$PWD/nobody.err'; echo EXITED \$?; sleep 60"
CURRENT=nobody
wait_for "EXITED 1"
capture | grep -q "Budget\|2026-001" && fail "a session pinned to nobody showed the call"
grep -q "simsa: .*--as 윤지야: no such person (see simsa person list)" nobody.err ||
    fail "pinned to nobody: $(cat nobody.err)"
echo "pinned: ok"
