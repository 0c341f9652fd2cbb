#!/bin/sh
# Every judge's sheet side by side (v on the board) with item means and spreads, and judge
# calibration (c): the figures are checked against an independent computation from the database
# (Python's exact fractions and decimal square roots); a sheet far from its panel is flagged in
# both; a judge who has not scored an application sees none of its scores.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed"; exit 1; }

# expected_figures: into figures.txt, per judge "judge name mean spread deviation far", then per
# application and item "item app item mean spread", from the counted sheets (R6.3, R6.4) of demo.db.
expected_figures() {
    python3 - >figures.txt <<'EOF' || fail "the independent computation"
import sqlite3
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction
from math import floor
getcontext().prec = 60
db = sqlite3.connect("demo.db")
counted = """FROM sheet s JOIN application a ON a.id = s.app_id JOIN person p ON p.id = s.judge_id
  JOIN sheet_item si ON si.sheet_id = s.id
  WHERE EXISTS (SELECT 1 FROM panel_judge pj WHERE pj.panel_id = a.panel_id
                AND pj.person_id = s.judge_id)
    AND NOT EXISTS (SELECT 1 FROM conflict c WHERE c.app_id = s.app_id AND c.judge_id = s.judge_id)"""
totals = db.execute(f"SELECT s.app_id, p.name, sum(si.tenths) {counted} GROUP BY s.id").fetchall()
def hundredths(x):  # a fraction of points, half-up to 2 decimals
    return floor(x * 100 + Fraction(1, 2))
def show(h, sign=False):
    s = "%s%d.%02d" % ("-" if h < 0 else "+" if sign and h > 0 else "", abs(h) // 100, abs(h) % 100)
    return s
by_app = defaultdict(list)
for app, judge, t in totals:
    by_app[app].append((judge, t))
judges = defaultdict(list)
for app, sheets in by_app.items():
    for judge, t in sheets:
        others = [o for j, o in sheets if j != judge]
        dev = Fraction(t) - Fraction(sum(others), len(others)) if others else None
        judges[judge].append((t, dev))
for judge, rows in judges.items():
    ts = [Fraction(t, 10) for t, _ in rows]
    mean = sum(ts) / len(ts)
    var = sum((t - mean) ** 2 for t in ts) / len(ts)
    sd = (Decimal(var.numerator) / Decimal(var.denominator)).sqrt()
    sd = int((sd * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    devs = [d / 10 for _, d in rows if d is not None]
    far = sum(1 for d in devs if abs(d) >= 15)
    print("judge", judge, show(hundredths(mean)), show(sd), show(hundredths(sum(devs) / len(devs)), True), far)
for app, item, mean, lo, hi in db.execute(
        f"SELECT s.app_id, si.item, avg(si.tenths), min(si.tenths), max(si.tenths) {counted} "
        "GROUP BY s.app_id, si.item"):
    sums = db.execute(f"SELECT sum(si.tenths), count(*) {counted} AND s.app_id = ? AND si.item = ?",
                      (app, item)).fetchone()
    print("item", app, item, show(hundredths(Fraction(sums[0], sums[1] * 10))), "%d.%d" % divmod(hi - lo, 10))
EOF
}

# check_calibration: each judge's row of the calibration screen against expected_figures; as
# 윤지아 signed in, the judges of her panel only (issue 15: nothing of other panels).
check_calibration() {
    expected_figures
    sqlite3 demo.db "SELECT p.name FROM person p JOIN panel_judge j ON j.person_id = p.id
        WHERE j.panel_id IN (SELECT panel_id FROM panel_judge WHERE person_id =
        (SELECT id FROM person WHERE name = '윤지아'))" >her-panel.txt
    grep "^judge " figures.txt | grep -F -f her-panel.txt >judges.txt
    [ "$(wc -l <judges.txt)" -eq 5 ] || fail "her panel's judges: $(cat judges.txt)"
    capture | grep -q "^강민준 " && fail "a judge of another panel in her calibration"
    while read -r _ judge mean spread dev far; do
        line=$(capture | grep -E "^$judge +[^(]" | head -n 1)
        set -- $line
        [ "$4 $5 $6 $7" = "$mean $spread $dev $far" ] ||
            fail "calibration of $judge: screen '$4 $5 $6 $7', expected '$mean $spread $dev $far'"
    done <judges.txt
}

# check_items APP: the mean and spread columns of the sheets view against expected_figures.
check_items() {
    expected_figures
    for item in need will data kpi strategy team fit cost; do
        want=$(awk -v app="$1" -v item="$item" '$1 == "item" && $2 == app && $3 == item {
            print $4, $5 }' figures.txt)
        [ -n "$want" ] || fail "no expected figures for $1 $item"
        echo "$item $want"
    done >want.txt
    capture | awk '/^  item \(max\)/ { on = 1; next } on && /^  total/ { exit }
        on { print $(NF - 1), $NF }' >got.txt
    cut -d' ' -f2- want.txt | diff - got.txt >/dev/null ||
        { paste want.txt got.txt; fail "item means and spreads of $1"; }
}

tui_start 100 30
wait_for "Sheets submitted by judge"
keys b g j
wait_for "row 2 of 12"
keys v
wait_for "Dashboard > Board > Sheets"
wait_for "2026-005  오송메디칼(주)"
wait_for "base 82.00 + bonus 0.00 = final 82.00"
line_with "item (max)" | grep -Eq "^  item \(max\) +강민준 김서연 박지훈 이수민 정하늘 +mean +range$" ||
    fail "the judges side by side"
line_with "Need for support (10)" | grep -Eq " 8\.0 +9\.0 +8\.5 +9\.5 +7\.5 +8\.50 +2\.0$" ||
    fail "need row"
line_with "  total " | grep -Eq " 81\.5 +82\.5 +82\.0 +83\.0 +81\.0 +82\.00 +2\.0$" || fail "totals"
wait_for "Amount (R10.4): 2 of 5 agreed (< 3): mean of 5 amounts = 70,624,000"
check_items 2026-005

# h and l walk the ranking; a judge with a conflict is an x and is not counted (R6.4)
keys l l l l l
wait_for "2026-006  (주)한빛푸드"
wait_for "application 7 of 12 in the ranking"
line_with "  total " | grep -Eq " 77\.0 +76\.0 +x +76\.0 +76\.0 +76\.25 +1\.0$" || fail "conflict column"
wait_for "4 sheets counted; range = highest - lowest"
check_items 2026-006
keys h
wait_for "2026-008  대한바이오팜"
keys q
wait_for "row 2 of 12"

# 윤지아 has not scored 2026-012: signed in, she sees none of its scores, nor the calibration
keys S
wait_for "Person      < 김간사 (secretariat) >"
keys Right Right Right Right Right Right Right Right Right Right
wait_for "Person      < 윤지아 (judge) >"
keys Tab
type_text "simsa-demo"
keys Enter
wait_for "signed in as 윤지아 (judge)"
keys G v
wait_for "2026-012  가온제지"
wait_for "Judges see the other judges' scores only after submitting their own."
capture | grep -q "item (max)" && fail "scores shown to a judge who has not scored"
keys q c
wait_for "Dashboard > Board > Calibration"
wait_for "Judges see the other judges' scores only after submitting their own."
capture | grep -q "강민준" && fail "calibration shown to a judge still scoring"
keys q

# her sheet arrives 24 points under the other three: far from the panel
echo simsa-demo >pw
{
    echo "app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion"
    echo "2026-012,윤지아,5,2.5,10,7.5,10,2.5,7.5,5,agree,데이터 확보 계획이 부족함"
} >sheet.csv
"$SIMSA" -d demo.db --as 윤지아 --passphrase-file pw score import sheet.csv >/dev/null ||
    fail "score import"
keys R v
wait_for "2026-012  가온제지"
wait_for "! 윤지아: total 50.0 is 24.00 points below the mean of the other 3 (74.00): far from"
line_with "  total " | grep -Eq " 74\.0 +74\.0 +74\.0 +50\.0 +- +68\.00 +24\.0$" || fail "far total"
check_items 2026-012
keys q c
wait_for "Dashboard > Board > Calibration"
wait_for "! 2026-012 윤지아: total 50.0, the other 3: 74.00 (-24.00)"
line_with "윤지아 식품" | grep -Eq " 7/7 .* 1 +#+[|]" || fail "윤지아's row: far 1, bar to the left"
check_calibration
grep -q "^judge 윤지아 .* 1$" figures.txt || fail "the independent check sees the far sheet"
fits_width 100
echo "board_sheets: ok"
