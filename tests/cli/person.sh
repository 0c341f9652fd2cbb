# simsa person add | list | key: people and their minisign keys; passphrases stay out.
. "$(dirname "$0")/lib.sh"

ok init "$DB" --program cbtp-2026
SECRET=correct-horse-battery-staple-7
printf '%s\n' "$SECRET" > secret
ACTOR=김간사 PW=secret
okd person add 김간사 --role secretariat --passphrase-file secret
expect_stdout_contains "added 김간사 (secretariat), key "
okd person add 강민준 --role judge --passphrase-file secret
okd person add 조현장 --role inspector --passphrase-file secret
# the passphrase from stdin (-) and a global --passphrase-file work too
printf 'from-stdin\n' | expect_exit 0 -d "$DB" --as 김간사 --passphrase-file secret person add 박지훈 --role judge --passphrase-file -
printf '%s\nfor-이수민-passphrase\n' "$SECRET" | expect_exit 0 -d "$DB" --as 김간사 --passphrase-file - person add 이수민 --role judge --passphrase-file -

okd person list
expect_equal "$(cut -f1,2 out)" "$(printf '김간사\tsecretariat\n강민준\tjudge\n조현장\tinspector\n박지훈\tjudge\n이수민\tjudge')" "person list"
judge_id=$(awk -F'\t' '$1 == "강민준" { print $3 }' out)
echo "$judge_id" | grep -E -x -q '[0-9A-F]{16}' || fail "key id '$judge_id' is not 16 hex digits"

# person key: minisign's public-key format, the key id in the comment and in the key.
okd person key 강민준
expect_equal "$(wc -l < out)" 2 "lines of person key"
expect_equal "$(sed -n 1p out)" "untrusted comment: minisign public key $judge_id" "comment line"
b64=$(sed -n 2p out)
echo "$b64" | grep -E -x -q '[A-Za-z0-9+/]{56}' || fail "key line '$b64' is not 56 base64 characters"
# "Ed", then the 8-byte key id little-endian, then the 32-byte Ed25519 key.
raw=$(echo "$b64" | base64 -d | od -An -tx1 -v | tr -d ' \n')
expect_equal "${#raw}" 84 "hex length of the decoded key"
expect_equal "$(echo "$raw" | cut -c1-4)" 4564 "algorithm of the key"
le=$(echo "$raw" | cut -c5-20 | sed 's/../& /g' | awk '{ for (i = NF; i > 0; i--) printf "%s", toupper($i) }')
expect_equal "$le" "$judge_id" "key id inside the key"
# The stock minisign tool reads it: checking a signature by another key names our key id.
if command -v minisign >/dev/null 2>&1; then
    cp out judge.pub
    echo data > f
    minisign -G -W -p other.pub -s other.sec -f >/dev/null 2>&1
    minisign -S -s other.sec -m f >/dev/null 2>&1 </dev/null
    set +e
    minisign -V -p judge.pub -m f > mout 2>&1
    set -e
    # minisign prints the id without leading zeros
    grep -F -q "key id in the public key is $(echo "$judge_id" | sed 's/^0*//')" mout ||
        fail "minisign did not read judge.pub: $(cat mout)"
fi

# Duplicate names are refused and change nothing.
before=$(db_state)
faild person add 강민준 --role judge --passphrase-file secret
expect_stderr_line "simsa: there is already a person named 강민준"
expect_unchanged "$before"
# The name is NFC-normalised first: decomposed Hangul is the same person.
decomposed=$(printf '\341\204\200\341\205\241\341\206\274\341\204\206\341\205\265\341\206\253\341\204\214\341\205\256\341\206\253')
faild person add "$decomposed" --role judge --passphrase-file secret
expect_stderr_line "simsa: there is already a person named 강민준"
expect_unchanged "$before"
faild person add "a,b" --role judge --passphrase-file secret
expect_stderr_line 'simsa: person name "a,b" must be 1-100 bytes of UTF-8 without commas'
expect_exit 2 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" person add 누구 --role chair --passphrase-file secret
expect_stderr_line "simsa: --role chair: must be judge, secretariat or inspector"
expect_exit 2 -d "$DB" --as "$ACTOR" --passphrase-file "$PW" person add 누구 --passphrase-file secret
: > empty
faild person add 누구 --role judge --passphrase-file empty
expect_stderr_line "simsa: the passphrase is empty"
expect_unchanged "$before"
faild person key 없는사람
expect_stderr_line "simsa: no such person: 없는사람"

# The passphrase is nowhere in the database (file, WAL, or dump).
for f in "$DB"*; do
    if grep -a -F -q "$SECRET" "$f"; then fail "$f contains the passphrase"; fi
done
if sqlite3 "$DB" .dump | grep -F -q "$SECRET"; then fail "the dump contains the passphrase"; fi

# The key unlocks with the passphrase and not without it.
{ echo "$APPS_HEADER"; app_row 2026-101 "$BIZ1"; } > apps.csv
okd app import apps.csv
before=$(db_state)
expect_exit 1 -d "$DB" --as 김간사 --passphrase-file badpw review run
expect_stderr_line "simsa: 김간사: wrong passphrase; nothing was changed"
expect_unchanged "$before"
expect_exit 0 -d "$DB" --as 김간사 --passphrase-file secret review run
