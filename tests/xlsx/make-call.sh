#!/bin/sh
# Build a large cbtp-2026 call database from gen-call.py's files (export memory and speed tests).
# usage: make-call.sh DB N_APPS [JUDGES]   ($SIMSA is the binary; SIMSA_KDF_FAST=1 is set)
set -eu
: "${SIMSA:?set SIMSA to the simsa binary}"
db=$1 n=$2 judges=${3:-50}
export SIMSA_KDF_FAST=1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$(dirname "$0")/gen-call.py" "$dir" "$n" "$judges"
printf 'pw-for-tests\n' > "$dir/pw"
"$SIMSA" init "$db" --program cbtp-2026 --budget 2,000,000,000,000 >/dev/null
"$SIMSA" -d "$db" person add 간사 --role secretariat --passphrase-file "$dir/pw" >/dev/null
while read -r judge; do
    "$SIMSA" -d "$db" person add "$judge" --role judge --passphrase-file "$dir/pw" >/dev/null
done < "$dir/judges.txt"
"$SIMSA" -d "$db" app import "$dir/apps.csv" >/dev/null
"$SIMSA" -d "$db" docs import "$dir/docs.csv" >/dev/null
"$SIMSA" -d "$db" --as 간사 --passphrase-file "$dir/pw" review run >/dev/null
while read -r panel; do
    read -r apps
    # shellcheck disable=SC2086
    "$SIMSA" -d "$db" panel add $panel >/dev/null
    # shellcheck disable=SC2086
    "$SIMSA" -d "$db" panel assign ${panel%% *} $apps >/dev/null
done < "$dir/panels.txt"
"$SIMSA" -d "$db" --as 간사 --passphrase-file "$dir/pw" score import "$dir/scores.csv" >/dev/null
