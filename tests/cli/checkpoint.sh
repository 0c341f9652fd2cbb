# Verification checkpoints (simsa-records(5), "Checkpoints"): `simsa --as NAME verify
# --checkpoint` records a signed checkpoint outside the audit chain; a later verify relies on it
# for the Ed25519 checks of what it covers, and stays sound: an edited record, a swapped
# signature, a forged or untrusted checkpoint are each named or make verify check everything.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사

problem() {
    cat out err | grep -F -x -q -- "$1" || fail "verify did not report: $1"
}
relies() {
    grep -F -q "relying on checkpoint $1 by 김간사" out || fail "verify does not rely on checkpoint $1"
}
relies_not() {
    if grep -F -q "relying on checkpoint" out; then fail "verify relied on a checkpoint"; fi
}

ok demo main.db
DB=main.db
ok -d main.db verify
relies_not
head_before=$(sql "select max(seq) || ':' || hex(hash) from event where seq = (select max(seq) from event)")

# --checkpoint needs a secretariat member; --as alone records nothing.
expect_exit 2 -d main.db verify --checkpoint
expect_exit 1 -d main.db --as 강민준 --passphrase-file "$PW" verify --checkpoint
okd verify
expect_equal "$(sql 'select count(*) from checkpoint')" 0 "checkpoints after verify with --as"

okd verify --checkpoint
expect_stdout_line "checkpoint 1 recorded: verified through event 268, signed by 김간사"
# Not an audit event: the head (and the anchors printed from it) did not move.
expect_equal "$(sql "select max(seq) || ':' || hex(hash) from event where seq = (select max(seq) from event)")" \
    "$head_before" "the chain head after a checkpoint"
ok -d main.db verify
relies 1
expect_stdout_contains "through event 268: the signatures of 65 records"
expect_stdout_line "verified: 67 signed records, 268 audit events, every fact as recorded"
ok -d main.db verify --full
relies_not
expect_stdout_line "verified: 67 signed records, 268 audit events, every fact as recorded"

# tamper SQL LINE...: on a copy of main.db, verify and verify --full must exit 1 naming each.
tamper() {
    query=$1
    shift
    cp main.db t.db
    sqlite3 t.db "$query" || fail "sqlite3 could not run: $query"
    for how in "" --full; do
        expect_exit 1 -d t.db verify $how
        for line in "$@"; do
            problem "$line"
        done
    done
}

# A record from before the checkpoint, edited: still named.
tamper "drop trigger sheet_item_no_update;
    update sheet_item set tenths = tenths + 5 where item = 'need' and sheet_id =
    (select s.id from sheet s join person p on p.id = s.judge_id
     where s.app_id = '2026-001' and p.name = '강민준')" \
    "sheet 2026-001/강민준: the stored values differ from what was signed"
# ... and with its signed text edited to match (the digest its event names no longer does).
tamper "drop trigger review_no_update;
    update review set reasons = reasons || ' ', signed_text = replace(signed_text, 'passed', 'passed ')
    where app_id = '2026-002'" \
    "review 2026-002: no audit event records it"

# A signature swapped for another one after the checkpoint checked it: its digest no longer
# matches, so the checkpoint is named and every signature checked again.
swap="drop trigger sheet_no_update;
    update sheet set signature = (select signature from sheet where id = 2) where id = 1"
cp main.db t.db
sqlite3 t.db "$swap"
label=$(sqlite3 t.db "select 'sheet ' || s.app_id || '/' || p.name from sheet s join person p on p.id = s.judge_id where s.id = 1")
tamper "$swap" "$label: signature of ${label#*/} does not verify: signature does not match"
expect_exit 1 -d t.db verify
problem "checkpoint 1: the signatures up to event 268 are not the ones it verified; every signature was checked again"
# An event's signature replaced.
tamper "drop trigger event_no_update; update event set signature = zeroblob(64) where seq = 200" \
    "event 200 ($(sqlite3 main.db 'select kind from event where seq = 200')): the signature is not $(sqlite3 main.db 'select actor from event where seq = 200')'s"

# A forged checkpoint (its values changed, or its head not in the chain) is named; verify does
# not rely on it and checks everything.
cp main.db t.db
sqlite3 t.db "drop trigger checkpoint_no_update; update checkpoint set seq = 267"
expect_exit 1 -d t.db verify
problem "checkpoint 1: the stored values differ from what was signed"
relies_not
cp main.db t.db
sqlite3 t.db "drop trigger checkpoint_no_update;
    update checkpoint set signature = (select signature from sheet limit 1)"
expect_exit 1 -d t.db verify
problem "checkpoint 1: the signature is not 김간사's"
relies_not
# A deleted checkpoint: verify checks everything, and passes.
cp main.db t.db
sqlite3 t.db "drop trigger checkpoint_no_delete; delete from checkpoint"
ok -d t.db verify
relies_not
expect_stdout_line "verified: 67 signed records, 268 audit events, every fact as recorded"

# A checkpoint whose signer is not a secretariat member is not relied on (here its signer's
# role was changed in the person table, which verify also names against the chain).
cp main.db t.db
sqlite3 t.db "update person set role = 'judge' where name = '김간사'"
expect_exit 1 -d t.db verify
expect_stdout_contains "note: checkpoint 1 is not relied on: signed by 김간사, a judge"
relies_not
problem "person 김간사: stored as judge, but added as secretariat"

# A record after the checkpoint: its signature is checked (two Ed25519 checks), the rest are not.
okd tie resolve 2026-007 2026-002 --reason "위원회 결정"
ok -d main.db verify
relies 1
expect_stdout_line "verified: 68 signed records, 269 audit events, every fact as recorded"
cp main.db t.db
sqlite3 t.db "drop trigger tie_decision_no_update;
    update tie_decision set signature = (select signature from review limit 1)"
expect_exit 1 -d t.db verify
relies 1
problem "tie decision 1: signature of 김간사 does not verify: signature does not match"
if grep -F -q "every signature was checked again" out; then fail "a new record made verify fall back"; fi

# The Integrity sheet names the checkpoint it relied on and checks only what is newer.
okd export book.xlsx
"$PY" - book.xlsx <<'PYEOF' || fail "the integrity sheet's checkpoint"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Integrity"]
rows = [tuple("" if v is None else str(v) for v in r[:5]) for r in ws.iter_rows(values_only=True)]
notes = [r[0] for r in rows if r[0].startswith("Relied on checkpoint 1, signed by 김간사 at ")]
assert len(notes) == 1, "no checkpoint note"
assert "through event 268 (hash " in notes[0], notes[0]
by_cp = [r for r in rows if r[4] == "signature checked by checkpoint 1"]
assert len(by_cp) == 65, len(by_cp)
tie = [r for r in rows if r[0].startswith("tie decision")]
assert tie and tie[0][3] == "verified" and tie[0][4] == "", tie
PYEOF
cp main.db t.db
sqlite3 t.db "drop trigger checkpoint_no_delete; delete from checkpoint"
ok -d t.db --as 김간사 --passphrase-file "$PW" export book2.xlsx
"$PY" - book2.xlsx <<'PYEOF' || fail "the integrity sheet without a checkpoint"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Integrity"]
cells = [str(r[0]) for r in ws.iter_rows(values_only=True) if r[0] is not None]
assert "No checkpoint is relied on: every signature is checked here." in cells
PYEOF
echo "checkpoint: ok"
