#!/bin/sh
# Every command of `simsa --help` is documented in simsa(1), and every documented one exists.
set -eu
man=${TESTS:?}/../man/simsa.1
LC_ALL=C.UTF-8 "$SIMSA" --help | awk '/^  [a-z]/ { print $1 (NF > 1 && $2 ~ /^[a-z]+$/ ? " " $2 : "") }' \
    | sort -u > help.txt
grep -E '^\.It Cm ' "$man" | sed -E 's/^\.It Cm ([a-z]+)( [a-z]+)?.*/\1\2/' | sort -u > man.txt
[ -s help.txt ] || { echo "FAIL: no commands in --help"; exit 1; }
if ! diff -u help.txt man.txt; then
    echo "FAIL: simsa --help and simsa(1) list different commands"
    exit 1
fi
