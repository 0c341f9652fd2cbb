#!/bin/sh
# make install and make uninstall. The tree is built here, in a build directory of this test
# (nothing is written into the build directories of the running suite), for a PREFIX inside the
# scratch directory; the installed binary must then find its translations and built-in calls
# without any help from the environment. A staged install (DESTDIR) for another PREFIX must put
# every file under DESTDIR and run from there. Uninstalling leaves no file behind.
. "$(dirname "$0")/lib.sh"
unset SIMSA_LOCALEDIR
scratch=$PWD
build=$scratch/build
prefix=$scratch/usr

# make_in_tree ARG...: the project's make in its source tree, not as part of the make that may be
# running this test (its MAKEFLAGS would carry SAN=1 and its jobserver).
make_in_tree() {
    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SAN -u PREFIX -u DESTDIR \
        make --no-print-directory -C "$ROOT" -j2 B="$build" "$@" >> make.log 2>&1 ||
        { tail -30 make.log >&2; fail "make $*"; }
}

# no_files_under DIR: nothing but directories left.
no_files_under() {
    left=$(find "$1" ! -type d)
    [ -z "$left" ] || fail "left under $1: $left"
}

# A Korean locale for the installed binary (see tests/cli/locale.sh).
if ! locale -a 2>/dev/null | grep -qix 'ko_KR\.utf-\{0,1\}8'; then
    mkdir -p locales
    localedef -i ko_KR -f UTF-8 "$PWD/locales/ko_KR.UTF-8" > localedef.log 2>&1 ||
        fail "no ko_KR.UTF-8 locale and localedef could not make one: $(cat localedef.log)"
    export LOCPATH="$PWD/locales"
fi

# ---- An install into PREFIX, as a user would make it. ----
make_in_tree PREFIX="$prefix" install
bin=$prefix/bin/simsa
[ -x "$bin" ] || fail "no executable $bin"
for f in share/simsa/programs/cbtp-2025.ini share/simsa/programs/cbtp-2026.ini \
    share/man/man1/simsa.1 share/man/man5/simsa-program.5 share/man/man5/simsa-records.5 \
    share/man/man5/simsa-csv.5 share/locale/ko/LC_MESSAGES/simsa.mo \
    share/bash-completion/completions/simsa; do
    [ -s "$prefix/$f" ] || fail "not installed: $f"
done
for page in "$prefix"/share/man/man*/*; do
    out=$(mandoc -T lint -W warning "$page" 2>&1) || true
    [ -z "$out" ] || fail "mandoc -T lint $page: $out"
done
msgunfmt "$prefix/share/locale/ko/LC_MESSAGES/simsa.mo" | grep -q '평가위원' ||
    fail "the installed catalogue is not the Korean one"

# The installed binary: built-in calls, its translations, its definition files.
"$bin" program list > out 2> err || fail "installed simsa program list"
expect_stdout_contains "cbtp-2025"
expect_stdout_contains "cbtp-2026"
"$bin" init x.db --program cbtp-2026 > out 2> err || fail "installed simsa init --program cbtp-2026"
"$bin" -d x.db program show > out 2> err || fail "installed simsa program show"
expect_stdout_line "cbtp-2026"
"$bin" init y.db --program "$prefix/share/simsa/programs/cbtp-2025.ini" > out 2> err ||
    fail "installed simsa init with the installed cbtp-2025.ini"
set +e
env -u LC_ALL -u LANGUAGE LANG=ko_KR.UTF-8 "$bin" 없는명령 > out 2> err
set -e
expect_stderr_line 'simsa: 알 수 없는 명령 "없는명령" (simsa --help 참고)'

# The installed completion completes the installed commands.
got=$(PATH=$prefix/bin:$PATH bash -c '. "$1"
      COMP_WORDS=(simsa init x.db --program cbtp-2026); COMP_CWORD=4; _simsa; echo "${COMPREPLY[*]}"
      COMP_WORDS=(simsa prog); COMP_CWORD=1; _simsa; echo "${COMPREPLY[*]}"' completion \
      "$prefix/share/bash-completion/completions/simsa")
expect_equal "$got" "cbtp-2026
program" "the installed completion"

make_in_tree PREFIX="$prefix" uninstall
no_files_under "$prefix"

# ---- A staged install (DESTDIR) for another PREFIX, as a package build makes it. ----
stage=$scratch/stage
make_in_tree PREFIX=/usr/local DESTDIR="$stage" install
[ -z "$(find "$stage" ! -type d ! -path "$stage/usr/local/*")" ] ||
    fail "files outside DESTDIR/PREFIX: $(find "$stage" ! -type d ! -path "$stage/usr/local/*")"
sbin=$stage/usr/local/bin/simsa
for f in share/simsa/programs/cbtp-2026.ini share/man/man1/simsa.1 share/man/man5/simsa-csv.5 \
    share/locale/ko/LC_MESSAGES/simsa.mo share/bash-completion/completions/simsa; do
    [ -s "$stage/usr/local/$f" ] || fail "not staged: $f"
done
# Built for /usr/local now: the catalogue is found there once installed; staged, it is named.
tr '\0' '\n' < "$sbin" | grep -qxF /usr/local/share/locale ||
    fail "the staged binary does not look for its messages in /usr/local/share/locale"
"$sbin" init z.db --program cbtp-2026 > out 2> err || fail "staged simsa init --program cbtp-2026"
expect_stdout_contains "cbtp-2026"
set +e
env -u LC_ALL -u LANGUAGE LANG=ko_KR.UTF-8 SIMSA_LOCALEDIR="$stage/usr/local/share/locale" \
    "$sbin" 없는명령 > out 2> err
set -e
expect_stderr_line 'simsa: 알 수 없는 명령 "없는명령" (simsa --help 참고)'
make_in_tree PREFIX=/usr/local DESTDIR="$stage" uninstall
no_files_under "$stage"

# Installing left the tree's ./simsa link alone (`make all` would point it at this build).
case $(readlink "$ROOT/simsa" || true) in
"$build"/*) fail "make install pointed the tree's ./simsa at the test's build" ;;
esac
