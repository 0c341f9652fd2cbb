#!/bin/sh
# Before curses starts: a missing database is the store's error on stderr and status 1, with
# no terminal codes written; without a terminal the program says so. SIGTERM restores the
# terminal and ends normally.
set -u
. "$(dirname "$0")/tmux-lib"

"$SIMSA" -d missing.db >out 2>err </dev/null
expect_eq "$?" "1" "status for a missing database"
grep -q "missing.db: no such database" err || fail "message: $(cat err)"
[ ! -s out ] || fail "stdout written: $(od -c out | head -3)"
grep -q "$(printf '\033')" err && fail "terminal codes on stderr"
[ ! -e missing.db ] || fail "a database was created"

demo_db
"$SIMSA" -d demo.db >out 2>err </dev/null
expect_eq "$?" "1" "status without a terminal"
grep -q "needs a terminal" err || fail "message: $(cat err)"
[ ! -s out ] || fail "stdout written without a terminal"

# in a terminal: the message shows on the normal screen, the status is 1
tui_tmux new-session -d -s nodb -x 100 -y 30 \
    "env TERM=screen '$SIMSA' -d '$PWD/none.db'; echo EXITED \$?; sleep 60"
CURRENT=nodb
wait_for "EXITED 1"
wait_for "none.db: no such database"

# SIGTERM ends the loop; endwin runs (the shell's line shows on the normal screen)
tui_start 100 30
wait_for "Sheets submitted by judge"
pid=$(tui_tmux list-panes -t main -F '#{pane_pid}')
kill -TERM "$(pgrep -P "$pid" -f simsa || echo "$pid")" 2>/dev/null
wait_for "EXITED 0"
wait_gone "Sheets submitted by judge"
echo "errors: ok"
