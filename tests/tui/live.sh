#!/bin/sh
# Every screen current (issue 15): three programs on one database. A judge's sheet submitted in
# one terminal (here the command line) reaches the board of a second within two seconds, with
# no key pressed and the cursor where it was; a form being typed in a third keeps its values.
. "$(dirname "$0")/tmux-lib"
demo_db
PASS=simsa-demo
. "$(dirname "$0")/session-lib"

tui_start 100 30 board
wait_for "Sheets submitted by judge"
keys b
wait_for "Budget 250,000,000 won"
keys j j j
wait_for "row 4 of 12"

# the third terminal: the secretariat types a budget, not yet saved
tui_start 100 30 typing
wait_for "Sheets submitted by judge"
sign_in 0
keys b
wait_for "Budget 250,000,000 won"
keys '$'
wait_for "Set the budget (R11.1)"
type_text "300,000"

CURRENT=board
printf '%s\n' "$PASS" > pw
printf 'app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n2026-012,윤지아,8,4,16,12,16,4,12,8,agree,현장 적용 가능성 높음\n' > s.csv
start=$(date +%s%N)
"$SIMSA" -d demo.db --as 윤지아 --passphrase-file pw score import s.csv >/dev/null || fail "score import"
TRIES=30 wait_for "from another terminal: sheet submitted 2026-012, 윤지아"
took=$((($(date +%s%N) - start) / 1000000))
[ "$took" -le 2500 ] || fail "the board learned of the sheet after $took ms"
line_with "2026-012" | grep -q "가온제지" || fail "2026-012 row"
keys j k
wait_for "row 4 of 12"

# the form kept what was typed; the budget bar behind it is not reloaded under the typing
CURRENT=typing
sleep 1.5
capture | grep -q "300,000" || fail "the typed budget was lost"
capture | grep -q "Set the budget (R11.1)" || fail "the form closed"
echo "live: ok"
