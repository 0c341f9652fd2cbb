#!/bin/sh
# Issue 13: a forfeit (R11.5) does not un-submit a sheet. After 2026-001 forfeits, every judge's
# "N of M" on the dashboard still counts the sheets they submitted, never more than M, and the
# calibration screen (c) shows the same N/M for them.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

echo simsa-demo >pw
"$SIMSA" -d demo.db --as 김간사 --passphrase-file pw forfeit 2026-001 --reason "협약 포기" \
    >/dev/null || fail "forfeit"

tui_start 100 30
wait_for "Sheets submitted by judge"
wait_for "강민준"
capture >screen.txt
# every judge's "NAME N of M" on the screen, N never above M
sed -n '/Sheets submitted by judge/,/^$/p' screen.txt | grep -oE '[^ ]+ +[0-9]+ of [0-9]+' | awk '{ print $1, $2, $4 }' >counts.txt
[ "$(wc -l <counts.txt)" -eq 10 ] || fail "not the demo's 10 judges: $(cat counts.txt)"
while read -r name n m; do
    [ "$n" -le "$m" ] || fail "$name: $n of $m"
done <counts.txt
# the demo's judges each submitted 3 sheets (2026-001 among them): the forfeit keeps them
line_with "강민준" | grep -q "강민준 *3 of 3" || fail "강민준's sheets after the forfeit"
# the calibration screen: the same sheets for each judge, submitted of expected
keys b
wait_for "Sheets in:"
keys c
wait_for "Dashboard > Board > Calibration"
wait_for "강민준"
capture >cal.screen
while read -r name n m; do
    grep "^$name " cal.screen | grep -q " $n/$m " ||
        fail "$name: $n of $m on the dashboard, not on the calibration screen"
done <counts.txt
keys q q q
wait_for "EXITED 0"
echo "dashboard_forfeit: ok"
