#!/bin/sh
# A pinned judge's progress (issue 15.3): the dashboard, the board's progress line, the
# calibration screen and the session screen show that judge's own progress only, with no other
# judge's name or progress and nothing of other panels, before and after signing in.
. "$(dirname "$0")/tmux-lib"
demo_db
OTHERS="강민준 김서연 박지훈 이수민 정하늘 최도윤 한예린 오세훈 장태호"
no_others() {
    screen=$(capture)
    for name in $OTHERS; do
        printf '%s\n' "$screen" | grep -qF "$name" && fail "$1: another judge ($name) shown"
    done
    printf '%s\n' "$screen" | grep -qF "바이오·의료" && fail "$1: another panel shown"
    return 0
}
tui_tmux new-session -d -s pin -x 100 -y 32 \
    "env TERM=screen LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR= SIMSA_TODAY=2026-06-07 \
     '$SIMSA' -d '$PWD/demo.db' --as 윤지아 $(stderr_to pin); echo EXITED \$?; sleep 60"
CURRENT=pin
wait_for "Choose who you are"
keys Escape
for pass in before signed; do
    keys d
    wait_for "Sheets submitted by judge"
    wait_for "윤지아      6 of 7"
    no_others "dashboard ($pass)"
    # the secretariat's alerts name other panels' applications: not in a judge's view
    capture | grep -qF "2026-001" && fail "dashboard ($pass): an application of another panel"
    capture | grep -qF "document review:" && fail "dashboard ($pass): the review's progress"
    keys b
    wait_for "Sheets in: 식품·화장품·제지 6/7 (waiting for 윤지아)"
    no_others "board ($pass)"
    keys c
    wait_for "Judges see the other judges' scores only after submitting their own."
    no_others "calibration ($pass)"
    keys q J
    wait_for "2026-012 가온제지"
    capture | grep -qF "of 5 sheets" && fail "session ($pass): other judges' sheets counted"
    no_others "session ($pass)"
    keys q q
    if [ $pass = before ]; then
        keys S
        wait_for "Choose who you are"
        keys Tab
        type_text "simsa-demo"
        keys Enter
        wait_for "signed in as 윤지아 (judge)"
    fi
done
echo "pinned_progress: ok"
