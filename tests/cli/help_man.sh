#!/bin/sh
# simsa --help and simsa(1) agree: the same commands both ways, each command's synopsis
# (`simsa COMMAND --help`) equal to its entry in the page, the same global options, and every
# environment variable the program reads documented.
. "$(dirname "$0")/lib.sh"
man=$ROOT/man/simsa.1

ok --help
cp out help.out

# The commands of --help: "  NAME [SUB]   USAGE", SUB being a lower-case word.
awk '/^  [a-z]/ { print $1 (NF > 1 && $2 ~ /^[a-z]+$/ ? " " $2 : "") }' help.out |
    sort -u > help.txt
[ "$(wc -l < help.txt)" -ge 20 ] || fail "too few commands parsed from --help: $(cat help.txt)"

# The commands of simsa(1): the tags of the list in its COMMANDS section.
sed -n '/^\.Sh COMMANDS/,/^\.Sh /p' "$man" | grep -E '^\.It Cm ' |
    sed -E 's/^\.It Cm ([a-z][a-z-]*)( [a-z]+)?.*/\1\2/' | sort -u > man.txt
[ -s man.txt ] || fail "no commands under COMMANDS in simsa(1)"

if ! diff -u help.txt man.txt > commands.diff; then
    cat commands.diff >&2
    fail "simsa --help (-) and simsa(1) (+) list different commands"
fi

# The page as text, one line per tag (no wrapping), without overstrike.
mandoc -T ascii -O width=1000 "$man" | sed 's/.\x08//g' > man.txt.rendered
# The tags of COMMANDS as plain text: mandoc's man(7) output puts each on the line after .TP.
mandoc -T man "$man" | sed -n '/^\.SH "COMMANDS"/,/^\.SH /p' |
    awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' |
    sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\&//g' > commands.tags

# Synopses compared without case (the page writes arguments in lower case, --help in upper
# case), quotes, spaces around '|' and before '...'.
normalise() {
    tr 'A-Z' 'a-z' | sed -e 's/"//g' -e 's/ *| */|/g' -e 's/ *\.\.\./.../g' -e 's/  */ /g' \
        -e 's/^ //' -e 's/ $//'
}

while read -r cmd; do
    # shellcheck disable=SC2086
    expect_exit 0 $cmd --help
    help_line=$(head -1 out | sed 's/^simsa //' | normalise)
    case "$help_line" in
    "$cmd" | "$cmd "*) ;;
    *) fail "simsa $cmd --help does not start with its name: $(head -1 out)" ;;
    esac
    man_line=$(grep -E "^$cmd( |\$)" commands.tags | head -1 | normalise)
    [ -n "$man_line" ] || fail "no entry for $cmd under COMMANDS in the rendered simsa(1)"
    expect_equal "$man_line" "$help_line" "synopsis of $cmd in simsa(1) vs simsa $cmd --help"
done < help.txt

# Global options: each option of --help is a tag of simsa(1).
sed -n '/^Options:/,$p' help.out | awk '/^  -/ { print $1; if ($2 ~ /^--/) print $2 }' |
    tr -d ',' | sort -u > options.txt
[ "$(wc -l < options.txt)" -ge 5 ] || fail "too few options parsed from --help: $(cat options.txt)"
while read -r opt; do
    grep -E -q -- "^     $opt( |,|\$)" man.txt.rendered || fail "simsa(1) does not describe $opt"
done < options.txt

# Every environment variable the program reads is under ENVIRONMENT.
grep -rhoE 'getenv\("[A-Z_]+"\)' "$ROOT/cli" "$ROOT/core" "$ROOT/db" "$ROOT/reports" "$ROOT/tui" |
    sed -E 's/getenv\("([A-Z_]+)"\)/\1/' | sort -u > env.txt
[ -s env.txt ] || fail "no getenv found in the sources"
sed -n '/^\.Sh ENVIRONMENT/,/^\.Sh /p' "$man" > env.section
while read -r var; do
    grep -E -q "^\.It Ev (.* )?$var( |\$)" env.section || fail "simsa(1) ENVIRONMENT lacks $var"
done < env.txt
