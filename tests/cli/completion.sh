#!/bin/sh
# The bash completion offers exactly the commands, subcommands and options of `simsa --help`
# and `simsa COMMAND --help`, and completes values and file names where they belong.
. "$(dirname "$0")/lib.sh"
completion=$ROOT/completion/simsa.bash
command -v bash > /dev/null || fail "bash is needed to test the completion"

ok --help
awk '/^  [a-z]/ { print $1 (NF > 1 && $2 ~ /^[a-z]+$/ ? " " $2 : "") }' out | sort -u > commands.txt
[ "$(wc -l < commands.txt)" -ge 20 ] || fail "too few commands parsed from --help"

# The options of each command's synopsis, as "command|option" lines.
while read -r cmd; do
    # shellcheck disable=SC2086
    expect_exit 0 $cmd --help
    head -1 out | tr ' []|' '\n\n\n\n' | grep -E '^-' | tr -d '.' | sed "s/^/$cmd|/"
    echo "$cmd|--help"
done < commands.txt | sort -u > help-options.txt

# complete WORD...: what the completion offers for the command line WORD... (the last word is
# the one being completed), one per line.
complete_words() {
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _simsa
             printf "%s\n" "${COMPREPLY[@]}"' completion "$completion" "$@"
}

# Commands and subcommands, both ways.
complete_words simsa "" | sort -u > offered-first.txt
cut -d' ' -f1 commands.txt | sort -u > help-first.txt
diff -u help-first.txt offered-first.txt || fail "completed commands (+) differ from --help (-)"
for first in $(cat help-first.txt); do
    grep "^$first " commands.txt | cut -d' ' -f2 | sort -u > help-sub.txt
    if [ -s help-sub.txt ]; then
        complete_words simsa "$first" "" | sort -u > offered-sub.txt
        diff -u help-sub.txt offered-sub.txt ||
            fail "completed subcommands of $first (+) differ from --help (-)"
    fi
done

# Options, both ways.
while read -r cmd; do
    # shellcheck disable=SC2086
    complete_words simsa $cmd - | sed "s/^/$cmd|/"
done < commands.txt | sort -u > offered-options.txt
diff -u help-options.txt offered-options.txt ||
    fail "completed options (+) differ from the synopses of simsa COMMAND --help (-)"

# Global options, values and files.
complete_words simsa -- | sort > global.txt
printf '%s\n' --as --help --passphrase-file --version | diff -u - global.txt ||
    fail "global options"
expect_equal "$(complete_words simsa -d x.db --as 간사 pro)" program "after global options"
expect_equal "$(complete_words simsa person add 윤 --role "" | tr '\n' ' ')" \
    "judge secretariat inspector " "--role values"
expect_equal "$(complete_words simsa check set 2026-001 d1 "" | tr '\n' ' ')" "yes no " "yes/no"
ids=$(SIMSA_BIN=$SIMSA bash -c '. "$1"; simsa() { "$SIMSA_BIN" "$@"; }
      COMP_WORDS=(simsa init x.db --program cbtp); COMP_CWORD=4; _simsa
      printf "%s\n" "${COMPREPLY[@]}"' completion "$completion" | tr '\n' ' ')
expect_equal "$ids" "cbtp-2025 cbtp-2026 " "--program completes the built-in ids"
mkdir sub
touch apps.csv notes.txt 2026-001-j1.sheet
expect_equal "$(complete_words simsa app import "" | sort | tr '\n' ' ')" "apps.csv sub " \
    "app import completes CSV files and directories"
expect_equal "$(complete_words simsa sheet import "" | sort | tr '\n' ' ')" \
    "2026-001-j1.sheet sub " "sheet import completes .sheet files"
expect_equal "$(complete_words simsa --as 간사 inspect add 2026-001 --notes-file no)" notes.txt \
    "--notes-file completes any file"
