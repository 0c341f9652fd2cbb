#!/bin/sh
# Concurrency: six writers on one database at once — five judges, each importing their sheets
# one application at a time, and the secretariat answering checklist items — ACTIONS actions
# each. Nothing may be lost, no "database is locked" (or any failure) may reach a user, and the
# database must pass integrity_check and `simsa verify` afterwards.
#   tests/stress/concurrency.sh ACTIONS     ($SIMSA: the binary, absolute path)
set -eu
: "${SIMSA:?set SIMSA to the simsa binary}"
N=${1:-1000}
export SIMSA_KDF_FAST=1 LC_ALL=C.UTF-8 LANGUAGE=
unset SIMSA_DB 2>/dev/null || true
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export SIMSA_STATE_DIR="$dir/state"
DB=$dir/busy.db
printf 'pw-for-concurrency\n' > pw

fail() {
    echo "concurrency: FAIL: $*" >&2
    exit 1
}
count() { sqlite3 "$DB" "$1"; }

# A call of N reviewed applications (one panel of every judge).
"$SIMSA" init "$DB" --program cbtp-2026 > /dev/null
"$SIMSA" -d "$DB" --as 간사 --passphrase-file pw person add 간사 --role secretariat --passphrase-file pw > /dev/null
for j in j1 j2 j3 j4 j5; do "$SIMSA" -d "$DB" --as 간사 --passphrase-file pw person add "$j" --role judge --passphrase-file pw > /dev/null; done
{
    echo id,company,biz_no,size,region,factory_region,industry,founded,supplier,supplier_region,supplier_pools,requested,copay,title,contact_name,contact_email,received
    i=0
    while [ "$i" -lt "$N" ]; do
        printf '2026-%05d,(주)동시%d,3018112349,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,yes,"50,000,000",5000000,과제,담당자,a@example.kr,2026-06-10 10:00\n' "$i" "$i"
        i=$((i + 1))
    done
} > apps.csv
"$SIMSA" -d "$DB" --as 간사 --passphrase-file pw app import apps.csv > /dev/null
{
    echo app,doc,issued
    i=0
    while [ "$i" -lt "$N" ]; do
        for d in 1 2 3 4 5 6 7; do printf '2026-%05d,%d,2026-05-01\n' "$i" "$d"; done
        i=$((i + 1))
    done
} > docs.csv
"$SIMSA" -d "$DB" --as 간사 --passphrase-file pw docs import docs.csv > /dev/null
"$SIMSA" -d "$DB" --as 간사 --passphrase-file pw review run > /dev/null

# judge NAME: one sheet per action, each a separate simsa run (as a judge at a laptop would).
judge() {
    i=0
    while [ "$i" -lt "$N" ]; do
        printf 'app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n2026-%05d,%s,%s,4,16,12,16,4,12,8,agree,동시 입력 %d\n' \
            "$i" "$1" "$((5 + i % 6))" "$i" > "$1.csv"
        "$SIMSA" -d "$DB" --as "$1" --passphrase-file pw score import "$1.csv" > /dev/null 2> "$1.err" ||
            { echo "$1 action $i: exit $?: $(cat "$1.err")" >> failures; }
        i=$((i + 1))
    done
}

# secretariat: one checklist answer per action.
secretariat() {
    i=0
    while [ "$i" -lt "$N" ]; do
        "$SIMSA" -d "$DB" --as 간사 --passphrase-file pw check set "$(printf '2026-%05d' "$i")" d1 no \
            --note "확인 $i" > /dev/null 2> sec.err ||
            { echo "secretariat action $i: exit $?: $(cat sec.err)" >> failures; }
        i=$((i + 1))
    done
}

# auditor: verify again and again while the six write; it reads in one snapshot, so it never
# reports a change half made (issue 14: no false alarm under concurrent writes).
auditor() {
    k=0
    while [ ! -e writers.done ]; do
        "$SIMSA" -d "$DB" verify > "verify.$k.out" 2>&1 ||
            { echo "verify $k beside the writers: $(head -3 "verify.$k.out")" >> failures; }
        k=$((k + 1))
    done
    echo "$k" > verifies
}

: > failures
rm -f writers.done
start=$(date +%s)
auditor &
auditor_pid=$!
writers=
for j in j1 j2 j3 j4 j5; do
    judge "$j" &
    writers="$writers $!"
done
secretariat &
writers="$writers $!"
for pid in $writers; do wait "$pid"; done
touch writers.done
wait "$auditor_pid"
took=$(($(date +%s) - start))

[ ! -s failures ] || fail "$(wc -l < failures) failed action(s), e.g.: $(head -3 failures)"
grep -l -i -E "locked|busy" ./*.err 2>/dev/null && fail "a message about a locked database"
for j in j1 j2 j3 j4 j5; do
    got=$(count "SELECT COUNT(*) FROM sheet WHERE judge_id = (SELECT id FROM person WHERE name = '$j')")
    [ "$got" -eq "$N" ] || fail "$j: $got sheets recorded, $N acknowledged"
done
got=$(count "SELECT COUNT(*) FROM checklist WHERE item = 'd1' AND note LIKE '확인 %'")
[ "$got" -eq "$N" ] || fail "secretariat: $got checklist answers recorded, $N acknowledged"
[ "$(count 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
"$SIMSA" -d "$DB" verify > verify.out 2>&1 || fail "verify: $(cat verify.out)"
echo "concurrency: 6 writers x $N actions in ${took} s: $((5 * N)) sheets and $N checklist answers, none lost, no failure; $(cat verifies) verify runs beside them, none false; integrity and verify hold"
