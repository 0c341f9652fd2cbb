# Helpers shared by the command-line tests (sourced by tests/cli/*.sh; POSIX sh).
# The runner gives $SIMSA (the binary) and a fresh scratch directory as cwd.
set -eu
: "${SIMSA:?set SIMSA to the simsa binary}"
export SIMSA_KDF_FAST=1 LC_ALL=C.UTF-8 LANGUAGE=
# The heads this simsa has seen (known heads) stay in the scratch directory.
export SIMSA_STATE_DIR="$PWD/.simsa-state"
unset SIMSA_DB 2>/dev/null || true
DATA=$(cd "$(dirname "$0")" && pwd)/data
ROOT=$(cd "$DATA/../../.." && pwd)
PROGRAMS=$ROOT/programs
DB=simsa.db

fail() {
    echo "FAIL: $*" >&2
    for f in out err; do
        if [ -s "$f" ]; then
            echo "--- $f:" >&2
            head -40 "$f" >&2
        fi
    done
    exit 1
}

# run ARG...: run simsa; stdout in ./out, stderr in ./err, exit status in $rc.
run() {
    set +e
    "$SIMSA" "$@" >out 2>err
    rc=$?
    set -e
}

# expect_exit CODE ARG...: run simsa and require that exit status.
expect_exit() {
    want=$1
    shift
    run "$@"
    [ "$rc" -eq "$want" ] || fail "simsa $*: exit $rc, expected $want"
}

# ok ARG...: simsa must succeed.
ok() { expect_exit 0 "$@"; }

# okd ARG... / faild ARG...: simsa -d $DB ARG... must exit 0 / 1, made by $ACTOR with the
# passphrase in $PW (every change is made and signed by a person; read commands ignore --as).
# The secretariat member of new_call unless a test says otherwise.
ACTOR=${ACTOR:-간사}
okd() { expect_exit 0 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" "$@"; }
faild() { expect_exit 1 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" "$@"; }

# expect_stderr_contains TEXT / expect_stdout_contains TEXT: a fixed substring.
expect_stderr_contains() {
    grep -F -q -- "$1" err || fail "stderr lacks: $1"
}
expect_stdout_contains() {
    grep -F -q -- "$1" out || fail "stdout lacks: $1"
}
expect_stdout_lacks() {
    if grep -F -q -- "$1" out; then fail "stdout has: $1"; fi
}
# expect_stderr_line LINE / expect_stdout_line LINE: one whole line, exactly.
expect_stderr_line() {
    grep -F -x -q -- "$1" err || fail "stderr lacks the line: $1"
}
expect_stdout_line() {
    grep -F -x -q -- "$1" out || fail "stdout lacks the line: $1"
}
# expect_output_line LINE: one whole line of stdout or stderr, exactly.
expect_output_line() {
    cat out err | grep -F -x -q -- "$1" || fail "no output line: $1"
}
# expect_stderr_lines N: stderr has exactly N lines.
expect_stderr_lines() {
    n=$(wc -l < err)
    [ "$n" -eq "$1" ] || fail "stderr has $n lines, expected $1"
}

# expect_equal ACTUAL EXPECTED WHAT
expect_equal() {
    [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

# db_state [FILE]: a fingerprint of the database's content.
db_state() {
    sqlite3 "${1:-$DB}" .dump | sha256sum
}

# expect_unchanged BEFORE: the database content equals the fingerprint taken before.
expect_unchanged() {
    after=$(db_state)
    [ "$1" = "$after" ] || fail "the database changed after a failing command"
}

# sql QUERY: one query on the database.
sql() { sqlite3 "$DB" "$1"; }

# korean_locale: ko_KR.UTF-8 usable by LANG/LC_ALL, made with localedef here when the system
# does not have it (LOCPATH then points at it).
korean_locale() {
    if ! locale -a 2>/dev/null | grep -qix 'ko_KR\.utf-\{0,1\}8'; then
        mkdir -p locales
        localedef -i ko_KR -f UTF-8 "$PWD/locales/ko_KR.UTF-8" > localedef.log 2>&1 ||
            fail "no ko_KR.UTF-8 locale and localedef could not make one: $(cat localedef.log)"
        export LOCPATH="$PWD/locales"
    fi
}

# A passphrase file for everybody (tests only).
PW=pw
printf 'pw-for-tests\n' > "$PW"
printf 'wrong-passphrase\n' > badpw

# new_call [PROGRAM]: a database with the secretariat 간사 and five judges j1..j5.
new_call() {
    ok init "$DB" --program "${1:-cbtp-2026}"
    okd person add 간사 --role secretariat --passphrase-file "$PW"
    for j in j1 j2 j3 j4 j5; do
        okd person add "$j" --role judge --passphrase-file "$PW"
    done
}

# as NAME ARG...: simsa -d $DB --as NAME --passphrase-file pw ARG..., must succeed.
as() {
    who=$1
    shift
    expect_exit 0 -d "$DB" --as "$who" --passphrase-file "$PW" "$@"
}

APPS_HEADER=id,company,biz_no,size,region,factory_region,industry,founded,supplier,supplier_region,supplier_pools,requested,copay,title,contact_name,contact_email,received

# app_row ID BIZNO [REQUESTED] [RECEIVED]: an eligible 2026 application (청주시, 식품, SME).
app_row() {
    printf '%s,(주)테스트%s,%s,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,yes,"%s",5000000,과제 %s,담당자,a@example.kr,%s\n' \
        "$1" "$1" "$2" "${3:-50,000,000}" "$1" "${4:-2026-06-10 10:00}"
}

# Business numbers with a valid checksum (as the demo makes them).
BIZ1=3018112349 BIZ2=3028213315 BIZ3=3038314288 BIZ4=3048415254 BIZ5=3058516229
BIZ6=3068617193 BIZ7=3078718168 BIZ8=3088119135

# docs_rows APP...: rows of every document of cbtp-2026, issued 2026-05-01.
docs_rows() {
    for a in "$@"; do
        for n in 1 2 3 4 5 6 7; do
            echo "$a,$n,2026-05-01"
        done
    done
}

# checklist_no APP...: answer every checklist item of cbtp-2026 "no".
checklist_no() {
    for a in "$@"; do
        for i in d1 d2 d4 d5 d6 d7 d8; do
            okd check set "$a" "$i" no --note "확인"
        done
    done
}

# The score sheet columns of both built-in calls (R6.1).
SCORE_HEADER=app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion

# sheets APP "NEED,WILL,DATA,KPI,STRATEGY,TEAM,FIT,COST" [AMOUNT1 .. AMOUNT5]: score rows of
# judges j1..j5 (as many as amounts given; five "agree" when none), same items for each.
# A total below 70 comes with an overall opinion, as the score form and import require.
sheets() {
    app=$1 items=$2
    shift 2
    [ $# -gt 0 ] || set -- agree agree agree agree agree
    opinion=$(echo "$items" | awk -F, '{ t = 0; for (i = 1; i <= NF; i++) t += int($i * 10 + 0.5)
        if (t < 700) print "기준 점수 미달" }')
    n=1
    for amount in "$@"; do
        printf '%s,j%d,%s,"%s",%s\n' "$app" "$n" "$items" "$amount" "$opinion"
        n=$((n + 1))
    done
}

# reviewed_call APP...: new_call, the applications imported (eligible, 50,000,000 requested
# unless apps.csv exists already), every document valid, the checklist answered, review passed.
reviewed_call() {
    new_call
    if [ ! -f apps.csv ]; then
        echo "$APPS_HEADER" > apps.csv
        i=1
        for a in "$@"; do
            eval "biz=\$BIZ$i"
            app_row "$a" "$biz" >> apps.csv
            i=$((i + 1))
        done
    fi
    okd app import apps.csv
    { echo app,doc,issued; docs_rows "$@"; } > docs.csv
    okd docs import docs.csv
    checklist_no "$@"
    as 간사 review run
    okd panel add 전체 j1 j2 j3 j4 j5
    # Only those that passed review are assigned (R6.6).
    passed=$(sql "select app_id from review r where passed = 1 and id = (select max(id) from
        review where app_id = r.app_id) order by app_id")
    # shellcheck disable=SC2086
    [ -z "$passed" ] || okd panel assign 전체 $passed
}

# verified [FILE]: simsa verify succeeds and says what it checked.
verified() {
    expect_exit 0 -d "${1:-$DB}" verify
    grep -E -x -q 'verified: [0-9]+ signed records, [0-9]+ audit events, every fact as recorded' out ||
        fail "verify: $(cat out)"
}

# rank_fields: `rank --csv` without the reason column (company names here have no commas).
rank_fields() {
    okd rank --csv
    cut -d, -f1-11 out
}
