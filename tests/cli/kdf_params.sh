# Keys are sealed with Argon2id at libsodium's MODERATE limits; keys sealed with the fast test
# parameters (SIMSA_KDF_FAST=1) are named by `person list` and `verify` (issue 14, item 6).
. "$(dirname "$0")/lib.sh"

ok init "$DB" --program cbtp-2026
printf 'a-real-passphrase\n' > real
# Without SIMSA_KDF_FAST: MODERATE (opslimit 3, memlimit 256 MiB), stored with the key.
(unset SIMSA_KDF_FAST; "$SIMSA" -d "$DB" person add 김간사 --role secretariat --passphrase-file real) > out 2> err ||
    fail "person add with real parameters"
okd --as 김간사 --passphrase-file real person add 강민준 --role judge --passphrase-file "$PW"
# The sealed key's bytes 8..23: opslimit and memlimit, little-endian.
params() { sql "SELECT hex(substr(sealed_key, 9, 16)) FROM person WHERE name = '$1'"; }
expect_equal "$(params 김간사)" "03000000000000000000001000000000" "KDF parameters of a real key"
[ "$(params 강민준)" != "$(params 김간사)" ] || fail "the test key has the real parameters"

okd person list
expect_stderr_line "simsa: warning: key of 강민준 is sealed with test parameters (SIMSA_KDF_FAST): not for real use"
grep -q "김간사" err && fail "person list names the real key: $(cat err)"
verified
expect_stderr_line "simsa: warning: key of 강민준 is sealed with test parameters (SIMSA_KDF_FAST): not for real use"
grep -q "김간사" err && fail "verify names the real key: $(cat err)"
true
