#!/bin/sh
# Changes that cost what they change (issue 18): after a signed change, its own or another
# terminal's, the interactive program reads again only what the new audit events name. With
# SIMSA_REFRESH_CHECK each such update is compared with a fresh read of the whole call and its
# ranking (a line "same ..." or "differs: ..." in the file); at the end the board must read as
# it does in a program started afresh.
. "$(dirname "$0")/tmux-lib"
demo_db
PASS=simsa-demo
. "$(dirname "$0")/session-lib"
CHECK=$PWD/refresh.log
: >"$CHECK"

checks() { wc -l <"$CHECK" | tr -d ' '; }
# Wait until the program has updated (a new line in the check file) and it was the same
# (wait_for counts in $n: the callers keep theirs in $seen).
updated() {
    before=$1 tries=0
    while [ "$(checks)" -le "$before" ]; do
        tries=$((tries + 1))
        [ "$tries" -le 40 ] || fail "no update after: $2"
        sleep 0.1
    done
    ! grep -q '^differs' "$CHECK" || { cat "$CHECK"; fail "the update differs after: $2"; }
}
# other CMD...: a change made in another terminal (the command line, as 김간사).
other() {
    seen=$(checks)
    cli "$@"
    updated "$seen" "$*"
}

tui_start 100 30 board "SIMSA_REFRESH_CHECK='$CHECK'"
wait_for "Sheets submitted by judge"
sign_in 0
keys b
wait_for "Budget 250,000,000 won"
keys j j j
wait_for "row 4 of 12"

# its own signed change: only the budget is read again
seen=$(checks)
keys '$'
wait_for "Set the budget (R11.1)"
keys C-u
type_text "260,000,000"
keys C-s
wait_for "(signed)"
updated "$seen" "the budget set on the board"
grep -q "applications 0, call)" "$CHECK" || fail "the budget read more than the call's parts"

# another terminal's changes, one kind at a time
printf 'app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n2026-012,윤지아,8,4,16,12,16,4,12,8,agree,현장 적용 가능성 높음\n' >s.csv
seen=$(checks)
"$SIMSA" -d demo.db --as 윤지아 --passphrase-file pass score import s.csv >cli.out 2>&1 ||
    { cat cli.out; fail "score import"; }
updated "$seen" "score import"
tail -1 "$CHECK" | grep -q "applications 1)" || fail "a sheet read more than its application"
other bonus set 2026-006 local_supplier --note "충북 공급기업"
other tie resolve 2026-002 2026-007 --reason "발표 평가 우선"
other forfeit 2026-001 --reason "포기"
other plan require 2026-005 --due "$(TZ=Asia/Seoul date -d '+30 days' +%F)" --text "예산 조정"
{
    echo id,company,biz_no,size,region,factory_region,industry,founded,supplier,supplier_region,supplier_pools,requested,copay,title,contact_name,contact_email,received
    echo '2026-013,충주제지(주),3028213315,sme,충청북도 충주시,,제지,2012-03-01,(주)공급,충청북도 청주시,yes,"40,000,000",5000000,건조 공정 최적화,담당자,b@example.kr,2026-06-11 10:00'
} >new.csv
other app import new.csv
{
    echo app,doc,issued
    for d in 1 2 3 4 5 6 7; do echo "2026-013,$d,2026-05-01"; done
} >docs.csv
other docs import docs.csv
other check set 2026-013 d1 no --note 확인
other review run 2026-013
other panel add 추가 최도윤 한예린 오세훈 윤지아 장태호
other panel assign 추가 2026-013
other panel order 추가 2026-013
other person add 신입심사 --role judge --passphrase-file pass
other budget set 270000000
# several at once, in one update
seen=$(checks)
cli check set 2026-013 d2 no --note 확인
cli bonus clear 2026-006 local_supplier
cli bonus set 2026-003 ax_cert --note "AX 인증"
updated "$seen" "three changes together"
other finalize
grep -q "whole" "$CHECK" && fail "an update read the whole call: $(grep whole "$CHECK")"
wait_for "Budget 270,000,000 won"

# the board as a program started now shows it
board_body() { capture "$1" | sed -n "2,$(($(capture "$1" | wc -l) - 2))p"; }
tui_start 100 30 fresh
wait_for "Sheets submitted by judge"
keys b
wait_for "Budget 270,000,000 won"
keys j j j j
wait_for "row 5 of 13"
# the incremental board's cursor stayed on its application (2026-007, moved down a row)
CURRENT=board
keys j k # the message of the last update gives way to the row's place
wait_for "row 5 of 13"
board_body board >incremental.txt
board_body fresh >fresh.txt
diff incremental.txt fresh.txt || fail "the board differs from a program started afresh"
echo "refresh: ok ($(checks) updates, each the same as a fresh read)"
