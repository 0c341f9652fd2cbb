# Anchors outside the file (issue 14, DESIGN "Trust"): a roster published out of band catches a
# substituted key and a rogue secretariat member; a head printed elsewhere catches a rollback
# and a re-signed history; the heads this simsa saw before warn when a file does not extend
# them (known heads, like SSH's known_hosts).
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사

ok demo main.db
DB=main.db
okd person list --roster
cp out roster.txt
grep -q "^# simsa roster of call [0-9a-f]\{32\} (cbtp-2026)" roster.txt || fail "roster header: $(head -1 roster.txt)"
grep -q "^judge	강민준	[0-9A-F]\{16\}:[0-9a-f]\{64\}$" roster.txt || fail "roster line of 강민준"
okd verify --roster roster.txt
expect_stdout_contains "verified: "

# A rogue secretariat member added in a copy (legitimately signed, so the chain alone holds);
# seen by another person's simsa (its own known heads: a fork of the chain warns, below).
own_state=$SIMSA_STATE_DIR
export SIMSA_STATE_DIR="$PWD/rogue-state"
cp main.db rogue.db
expect_exit 0 -d rogue.db --as 김간사 --passphrase-file "$PW" person add 악당 --role secretariat --passphrase-file "$PW"
expect_exit 0 -d rogue.db verify
expect_exit 1 -d rogue.db verify --roster roster.txt
expect_output_line "roster.txt: 악당: a person of this call (secretariat) the roster does not name"

# A call rebuilt from scratch with other keys: every signature verifies with its own keys, the
# roster names the substitution.
ok demo other.db
expect_exit 0 -d other.db verify
expect_exit 1 -d other.db verify --roster roster.txt
grep -q "^roster.txt:[0-9]*: 김간사: the call holds another key ([0-9A-F]*) than the roster's ([0-9A-F]*)$" out err ||
    fail "a substituted key: $(cat out err)"
# A roster line that is not one is named with its line.
printf '# roster\njudge 강민준 no-tabs\n' > bad-roster.txt
expect_exit 1 -d main.db verify --roster bad-roster.txt
expect_output_line "bad-roster.txt:2: not a roster line (role, name and key, separated by tabs)"

export SIMSA_STATE_DIR="$own_state"

# A head printed in the workbook or a notification: SEQ:HASH.
head1=$(sqlite3 main.db "select seq || ':' || lower(hex(hash)) from event order by seq desc limit 1")
okd verify --head "$head1"
cp main.db old.db
okd check set 2026-004 d1 no --note "재확인"
head2=$(sqlite3 main.db "select seq || ':' || lower(hex(hash)) from event order by seq desc limit 1")
okd verify --head "$head2"
# old.db is main.db rolled back below head2.
expect_exit 1 -d old.db verify --head "$head2"
expect_output_line "head ${head2%%:*}: the chain has no event ${head2%%:*}: it was rolled back below the head given"
# other.db's history up to that event is another one.
expect_exit 1 -d other.db verify --head "$head1"
expect_output_line "head ${head1%%:*}: event ${head1%%:*} has another hash: the history up to it was rewritten"
expect_exit 2 -d main.db verify --head 12:zz
expect_stderr_contains "--head 12:zz: give SEQ:HASH"

# Known heads: this simsa saw head2 of the call; the rolled-back copy draws a warning naming
# both heads, on any command, and the remembered head stays head2.
expect_exit 0 -d old.db app list
expect_stderr_contains "simsa: warning: old.db does not extend the audit chain this simsa saw before: it saw event ${head2%%:*}:"
grep -q "${head2#*:}" "$SIMSA_STATE_DIR/known_heads" || fail "the known head moved back"
[ "$(stat -c %a "$SIMSA_STATE_DIR/known_heads")" = 600 ] || fail "known_heads mode"
expect_exit 0 -d main.db app list
if grep -q warning err; then fail "main.db extends the known head: $(cat err)"; fi
# The rogue copy forks the chain at event 271: a simsa that saw main.db's event 271 warns.
expect_exit 0 -d rogue.db person list
expect_stderr_contains "simsa: warning: rogue.db does not extend the audit chain this simsa saw before"

# The workbook's integrity sheet prints both anchors: the head to give to --head, and the
# roster, the same as person list --roster.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
okd export book.xlsx
head_now=$(sqlite3 main.db "select seq || ':' || lower(hex(hash)) from event order by seq desc limit 1")
okd person list --roster
grep -v '^#' out > roster-lines.txt
"$PY" - book.xlsx "$head_now" roster-lines.txt <<'PYEOF' || fail "the integrity sheet's anchors"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Integrity"]
rows = [tuple("" if v is None else str(v) for v in r[:3]) for r in ws.iter_rows(values_only=True)]
assert any("simsa verify --head " + sys.argv[2] + " " in r[0] for r in rows), "no --head line"
for line in open(sys.argv[3], encoding="utf-8").read().splitlines():
    assert tuple(line.split("\t")) in rows, "roster line missing: " + line
PYEOF
echo "anchors: ok"
