#!/bin/sh
# Crash consistency: simsa killed with SIGKILL at random moments during imports, review and
# scoring. After every kill: PRAGMA integrity_check is ok, each import is all or nothing, every
# change simsa acknowledged (exit 0 before the kill) is there, and `simsa verify` passes.
#   tests/stress/crash.sh TRIALS     ($SIMSA: the binary, absolute path)
set -eu
: "${SIMSA:?set SIMSA to the simsa binary}"
TRIALS=${1:-10}
export SIMSA_KDF_FAST=1 LC_ALL=C.UTF-8 LANGUAGE=
unset SIMSA_DB 2>/dev/null || true
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export SIMSA_STATE_DIR="$dir/state"
DB=crash.db
printf 'pw-for-crash\n' > pw

fail() {
    echo "crash: FAIL (trial $trial, $op): $*" >&2
    exit 1
}
simsa() { "$SIMSA" -d "$DB" --as 간사 --passphrase-file pw "$@"; }
count() { sqlite3 "$DB" "$1"; }
# random N: a number in 0..N-1.
random() { echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 )); }

trial=0 op=setup
"$SIMSA" init "$DB" --program cbtp-2026 --budget 1,000,000,000,000 > /dev/null
simsa person add 간사 --role secretariat --passphrase-file pw > /dev/null
for j in j1 j2 j3 j4 j5; do simsa person add "$j" --role judge --passphrase-file pw > /dev/null; done
HEADER=id,company,biz_no,size,region,factory_region,industry,founded,supplier,supplier_region,supplier_pools,requested,copay,title,contact_name,contact_email,received

# The CSV files of each operation, made from what the database holds now.
apps_csv() { # batch number: 30 new eligible applications
    echo "$HEADER"
    for i in $(seq 10 39); do
        echo "2026-$1-$i,(주)회사$1-$i,3018112349,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,yes,\"50,000,000\",5000000,과제,담당자,a@example.kr,2026-06-10 10:00"
    done
}
docs_csv() { # every document of the applications that have none yet
    echo app,doc,issued
    count "SELECT id FROM application WHERE id NOT IN (SELECT app_id FROM document)" |
        while read -r a; do for d in 1 2 3 4 5 6 7; do echo "$a,$d,2026-05-01"; done; done
}
scores_csv() { # judge: a sheet for every application passed and not yet scored by the judge
    echo app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion
    count "SELECT r.app_id FROM review r WHERE r.passed = 1 AND r.id = (SELECT MAX(id) FROM review
           WHERE app_id = r.app_id) AND r.app_id NOT IN (SELECT app_id FROM sheet WHERE judge_id =
           (SELECT id FROM person WHERE name = '$1')) ORDER BY r.app_id" |
        while read -r a; do echo "$a,$1,8,4,16,12,16,4,12,8,agree,평가 의견"; done
}

# One operation, killed after a random delay: its table grows by 0 or by $want rows, and by
# $want when simsa said it succeeded. The delay is drawn from 0 to twice $took (ms), which
# shrinks when the operation finished first and grows when it was killed, so it settles near
# how long the operations take and kills land before, inside and after the transaction.
took=20
run_killed() {
    table=$1 want=$2
    shift 2
    before=$(count "SELECT COUNT(*) FROM $table")
    "$SIMSA" -d "$DB" --as 간사 --passphrase-file pw "$@" > out 2> err &
    pid=$!
    delay=$(random $((2 * took + 1)))
    sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
    kill -9 "$pid" 2> /dev/null || true
    rc=0
    wait "$pid" 2> /dev/null || rc=$?
    after=$(count "SELECT COUNT(*) FROM $table")
    delta=$((after - before))
    if [ "$rc" -eq 0 ]; then
        acked=$((acked + 1))
        took=$((took * 3 / 4 + 1))
        [ "$delta" -eq "$want" ] || fail "acknowledged, but $table grew by $delta, not $want"
    elif [ "$rc" -eq 137 ]; then
        killed=$((killed + 1))
        took=$((took * 5 / 4 + 1))
        [ "$delta" -eq 0 ] || [ "$delta" -eq "$want" ] ||
            fail "killed: $table grew by $delta of $want rows (not all or nothing)"
        [ "$delta" -eq 0 ] || committed=$((committed + 1))
    else
        fail "exit $rc: $(cat err)"
    fi
}

acked=0 killed=0 committed=0 batch=100
# app_import: 30 new applications in one file.
app_import() {
    op="app import"
    batch=$((batch + 1))
    apps_csv "$batch" > apps.csv
    run_killed application 30 --as 간사 --passphrase-file pw app import apps.csv
}

# The operations take turns (an import, documents, review, a judge's sheets), so even a short
# run kills each; one with nothing to do imports applications instead.
while [ "$trial" -lt "$TRIALS" ]; do
    trial=$((trial + 1))
    case $((trial % 4)) in
    1)  app_import ;;
    2)  op="docs import"
        docs_csv > docs.csv
        rows=$(($(wc -l < docs.csv) - 1))
        if [ "$rows" -gt 0 ]; then run_killed document "$rows" docs import docs.csv; else app_import; fi ;;
    3)  op="review run"
        # Decided again: those with no decision, or a fact recorded after it (issue 17.9).
        run_killed review "$(count "SELECT COUNT(*) FROM application a WHERE
            COALESCE((SELECT MAX(seq) FROM event WHERE app_id = a.id AND kind IN
              ('review passed', 'review failed')), 0) <=
            COALESCE((SELECT MAX(seq) FROM event WHERE app_id = a.id AND kind IN
              ('app import', 'document', 'finance', 'check')), 0)")" \
            --as 간사 --passphrase-file pw review run ;;
    *)  j=j$(($(random 5) + 1))
        op="score import by $j"
        scores_csv "$j" > scores.csv
        rows=$(($(wc -l < scores.csv) - 1))
        if [ "$rows" -eq 0 ]; then # reviews were all killed: review once, not timed
            simsa --as 간사 --passphrase-file pw review run > /dev/null
            scores_csv "$j" > scores.csv
            rows=$(($(wc -l < scores.csv) - 1))
        fi
        if [ "$rows" -gt 0 ]; then
            run_killed sheet "$rows" --as "$j" --passphrase-file pw score import scores.csv
        else
            app_import
        fi ;;
    esac
    [ "$(count 'PRAGMA integrity_check')" = ok ] || fail "integrity_check: $(count 'PRAGMA integrity_check')"
    # Every sheet has all its items and its vote (written in the same transaction).
    [ "$(count 'SELECT COUNT(*) FROM sheet s WHERE (SELECT COUNT(*) FROM sheet_item
              WHERE sheet_id = s.id) <> 8 OR s.id NOT IN (SELECT sheet_id FROM amount_vote)')" -eq 0 ] ||
        fail "a sheet without all its items or its vote"
    simsa verify > verify.out 2>&1 || fail "verify: $(cat verify.out)"
done
echo "crash: $TRIALS trials ($killed killed: $((killed - committed)) before the commit, $committed after it; $acked completed first), integrity, all-or-nothing and verify held; $(count 'SELECT COUNT(*) FROM application') applications, $(count 'SELECT COUNT(*) FROM sheet') sheets"
