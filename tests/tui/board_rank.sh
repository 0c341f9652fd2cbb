#!/bin/sh
# The committee board shows the numbers of `simsa rank --csv`, compared field by field: rank
# (shared by a tie), base, bonus, final, band, outcome, amount, and the selected row's reason and
# amount reason (R10.4); again after the last two sheets of 2026-012 arrive (five sheets: it
# becomes a target and the ranking moves), read with R.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed"; exit 1; }

# compare SCREEN CSV: every ranking row of the board against the CSV, and the reasons shown for
# the rows in REASONS (a file of "app<TAB>why<TAB>amount" lines, read off the screen).
compare() {
    python3 - "$1" "$2" "$3" <<'EOF' || fail "the board differs from simsa rank --csv"
import csv, re, sys
from decimal import Decimal
screen, table, reasons = (open(p, encoding="utf-8").read() for p in sys.argv[1:4])
rows = {r["app"]: r for r in csv.DictReader(table.splitlines())}
seen = set()
for line in screen.splitlines():
    m = re.match(r"^ +(=?)(\d*) (2026-\d{3}) ", line)
    if not m:
        continue
    app = m.group(3)
    want = rows[app]
    # the cells after the company: base, bonus ("+3", none when 0), final, band, outcome, amount
    cells = line.split()
    tail = cells[cells.index(app) + 1:]
    nums = [c for c in tail if re.fullmatch(r"\+?[\d,.]+", c)]
    words = [c for c in tail if re.fullmatch(r"[a-z]+", c)]
    got = {"rank": m.group(2), "band": words[-2], "outcome": words[-1]}
    rest = nums
    got.update(base="", bonus="", final="")
    if want["base"]:
        bonus = "0"
        if rest[1].startswith("+"):
            bonus = rest[1][1:]
            rest = rest[:1] + rest[2:]
        got.update(base=rest[0], bonus=str(Decimal(bonus).quantize(Decimal("0.01"))),
                   final=rest[1])
        rest = rest[2:]
    got["amount"] = rest[0].replace(",", "") if rest else ""
    for k, v in got.items():
        if v != want[k]:
            sys.exit(f"{app} {k}: board {v!r}, rank --csv {want[k]!r}\n{line}")
    shared = want["rank"] and sum(r["rank"] == want["rank"] for r in rows.values()) > 1
    if (m.group(1) == "=") != bool(shared):
        sys.exit(f"{app}: shared rank shown wrong: {line}")
    seen.add(app)
if seen != set(rows):
    sys.exit(f"rows missing from the board: {sorted(set(rows) - seen)}")
n = 0
for line in reasons.splitlines():
    app, why, amount = line.split("\t")
    want = rows[app]["reason"]
    full = why + ("; " + amount if amount else "")
    if full != want:
        sys.exit(f"{app} reason: board {full!r}, rank --csv {want!r}")
    n += 1
if n != len(rows):
    sys.exit(f"{n} reasons compared, {len(rows)} rows")
print(f"compared {len(seen)} rows and {n} reasons")
EOF
}

# read_reasons N: select each of the N rows in turn and note its why and amount lines.
read_reasons() {
    : >reasons.txt
    keys g
    i=1
    while [ "$i" -le "$1" ]; do
        wait_for "row $i of $1"
        app=$(line_with "why      " | sed -E 's/^why +(2026-[0-9]{3}): .*/\1/')
        why=$(line_with "why      " | sed -E 's/^why +2026-[0-9]{3}: //; s/ +$//')
        amount=$(capture | grep -E "^amount +[0-9]" | sed -E 's/^amount +//; s/ +$//')
        printf '%s\t%s\t%s\n' "$app" "$why" "$amount" >>reasons.txt
        keys j
        i=$((i + 1))
    done
}

# wide enough that no reason is clipped
tui_start 250 40
wait_for "Sheets submitted by judge"
keys b
wait_for "2 selected, 4 waitlisted, 2 in unresolved ties"
"$SIMSA" -d demo.db rank --csv >rank.csv || fail "simsa rank --csv"
capture >board.txt
read_reasons 12
compare board.txt rank.csv reasons.txt
line_with "2026-002" | grep -q "^ *=3 2026-002" || fail "shared rank of the tie"
line_with "Sheets in:" | grep -q "^Sheets in: 바이오·의료 3/3 · 식품·화장품·제지 6/7 (waiting for 윤지아, 장태호) *$" ||
    fail "progress before the last sheets"

# the last two sheets of 2026-012 (each judge signs their own), read again with R
echo simsa-demo >pw
for judge in 윤지아 장태호; do
    {
        echo "app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion"
        echo "2026-012,$judge,7.5,4,15,11,15,4,11,6.5,agree,"
    } >"$judge.csv"
    "$SIMSA" -d demo.db --as "$judge" --passphrase-file pw score import "$judge.csv" >/dev/null ||
        fail "score import by $judge"
done
keys R
wait_for "Sheets in: 바이오·의료 3/3 · 식품·화장품·제지 7/7"
line_with "2026-012" | grep -Eq "74\.00 +74\.00 +target +waitlisted +40,000,000" ||
    fail "2026-012 with five sheets"
"$SIMSA" -d demo.db rank --csv >rank.csv || fail "simsa rank --csv"
capture >board.txt
read_reasons 12
compare board.txt rank.csv reasons.txt
fits_width 250
echo "board_rank: ok"
