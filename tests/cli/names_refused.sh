# Names, ids and every text that becomes part of a file name are refused when they hold '/',
# '..', a control character (C0, DEL, C1) or a bidirectional override, naming the field (and the
# file, line and column for CSV); nothing is changed (issue 14, item 6).
. "$(dirname "$0")/lib.sh"

ok init "$DB" --program cbtp-2026
okd person add 간사 --role secretariat --passphrase-file "$PW"
okd --as 간사 --passphrase-file "$PW" person add j1 --role judge --passphrase-file "$PW"
SEC="--as 간사 --passphrase-file $PW"

# One bad name of each class: / .. C0 (tab, ESC) DEL C1 (U+0085) and the bidi overrides.
bad_names() {
    printf 'a/b\n'
    printf 'a..b\n'
    printf '..\n'
    printf 'a\tb\n'
    printf 'a\033[31mb\n'
    printf 'a\177b\n'
    printf 'a\302\205b\n'
    for c in '\342\200\252' '\342\200\253' '\342\200\254' '\342\200\255' '\342\200\256' \
             '\342\201\246' '\342\201\247' '\342\201\250' '\342\201\251'; do
        printf "a${c}b\\n"
    done
}
bad_names > names.txt
[ "$(wc -l < names.txt)" -eq 16 ] || fail "expected 16 bad names"

before=$(db_state)
while IFS= read -r name; do
    expect_exit 1 -d "$DB" $SEC person add "$name" --role judge --passphrase-file "$PW"
    grep -q '^simsa: person name: it must not contain' err || fail "person add '$name': $(cat err)"
    expect_unchanged "$before"
    expect_exit 1 -d "$DB" $SEC panel add "$name" j1
    grep -q 'panel name: it must not contain' err || fail "panel add '$name': $(cat err)"
    expect_unchanged "$before"
done < names.txt

# An application id with '..' (letters, digits, '-', '_' and '.' are otherwise allowed), named by
# file, line and column.
{ echo "$APPS_HEADER"; app_row 2026-001 "$BIZ1"; app_row 2026..002 "$BIZ2"; } > apps.csv
faild $SEC app import apps.csv
expect_stderr_contains "apps.csv:3:1: application id: it must not contain '..'"
expect_unchanged "$before"
{ echo "$APPS_HEADER"; app_row 2026/003 "$BIZ3"; } > apps2.csv
faild $SEC app import apps2.csv
expect_stderr_contains "apps2.csv:2:1: application id: it must not contain '/'"
expect_unchanged "$before"

# Good names still pass: Hangul, spaces, a single dot.
okd $SEC person add "김 민.준" --role judge --passphrase-file "$PW"
