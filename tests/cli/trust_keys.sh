# Signing keys (DESIGN "Trust"): a wrong passphrase signs and changes nothing; the database
# holds neither the passphrase nor an unsealed secret key, and only its owner may read it.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
umask 022

ok demo main.db
DB=main.db
[ "$(stat -c %a main.db)" = 600 ] || fail "demo database mode $(stat -c %a main.db)"

# wrong_passphrase NAME ARG...: simsa --as NAME with a wrong passphrase fails with the message
# and changes nothing, and the passphrase is not echoed.
wrong_passphrase() {
    who=$1
    shift
    before=$(db_state)
    faild --as "$who" --passphrase-file badpw "$@"
    expect_stderr_line "simsa: $who: wrong passphrase; nothing was changed"
    if cat out err | grep -F -q wrong-passphrase; then fail "the passphrase was echoed"; fi
    expect_unchanged "$before"
}

wrong_passphrase 김간사 review run
wrong_passphrase 김간사 review run 2026-012
wrong_passphrase 김간사 budget set 260,000,000
{
    echo "$SCORE_HEADER"
    echo "2026-012,윤지아,8,4,15.5,11,16,4,12,8,agree,에너지 절감 목표가 명확함"
} > mine.csv
wrong_passphrase 윤지아 score import mine.csv
wrong_passphrase 김간사 score import mine.csv
wrong_passphrase 김간사 tie resolve 2026-007 2026-002 --reason "위원회 합의"

# The passphrase on standard input, wrong, and empty.
before=$(db_state)
set +e
echo "simsa-demo-not" | "$SIMSA" -d "$DB" --as 김간사 --passphrase-file - budget set 1 >out 2>err
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "a wrong passphrase on stdin: exit $rc"
expect_stderr_line "simsa: 김간사: wrong passphrase; nothing was changed"
: > empty
faild --as 김간사 --passphrase-file empty budget set 1
expect_stderr_contains "empty"
expect_unchanged "$before"

# The right passphrase does what the wrong one could not.
as 김간사 budget set 260,000,000
as 윤지아 score import mine.csv
[ "$(db_state)" != "$before" ] || fail "the right passphrase changed nothing"
okd verify

# A fresh call with a passphrase that is easy to find: it is in no database file, neither
# after the people are added nor after they sign, nor in a judge's laptop database.
SECRET='Trust-Passphrase-문구-7731'
printf '%s\n' "$SECRET" > secret
DB=fresh.db PW=secret
ok init "$DB" --program cbtp-2026
[ "$(stat -c %a "$DB")" = 600 ] || fail "init: database mode $(stat -c %a "$DB")"
okd person add 간사 --role secretariat --passphrase-file secret
okd person add j1 --role judge --passphrase-file secret
expect_exit 0 -d "$DB" --as 간사 --passphrase-file secret budget set 100,000,000
okd pack j1 -o laptop.db
[ "$(stat -c %a laptop.db)" = 600 ] || fail "pack: laptop database mode $(stat -c %a laptop.db)"
for f in "$DB" laptop.db; do
    for text in "$SECRET" "Trust-Passphrase" "문구-7731"; do
        n=$(grep -c -a -F -- "$text" "$f" || true)
        expect_equal "$n" 0 "lines of $f holding '$text'"
    done
done
[ "$(stat -c %a "$DB")" = 600 ] || fail "database mode after use: $(stat -c %a "$DB")"
for f in "$DB"-* laptop.db-*; do
    if [ -e "$f" ]; then fail "a journal was left beside a database: $f"; fi
done

# A sodium Ed25519 secret key is the seed followed by the public key: a sealed key holding it
# in the clear would hold the public key twice (the sealed format keeps one clear copy of the
# public key as authenticated data). No two sealed keys are alike.
pk_copies="(length(hex(sealed_key)) - length(replace(hex(sealed_key), hex(public_key), '')))
    / length(hex(public_key))"
expect_equal "$(sql "select count(*) from person where length(sealed_key) > 64")" 2 \
    "sealed keys longer than a bare secret key"
expect_equal "$(sql "select max($pk_copies) from person")" 1 "public key copies in a sealed key"
expect_equal "$(sqlite3 laptop.db "select max($pk_copies) from person")" 1 \
    "public key copies in a laptop's sealed key"
expect_equal "$(sql "select count(distinct hex(sealed_key)) from person")" 2 \
    "distinct sealed keys"

# person key prints a minisign public key whose key id is the one person list shows.
okd person key j1
expect_equal "$(wc -l < out)" 2 "lines of a minisign public key"
id=$(sed -n 's/^untrusted comment: minisign public key //p' out)
[ -n "$id" ] || fail "person key: $(cat out)"
okd person list
expect_stdout_line "j1	judge	$id"
