#!/bin/sh
# simsa follows LANG and LC_MESSAGES: the same error in Korean under ko_KR.UTF-8 and in English
# under C.UTF-8, from the catalogue built from po/ko.po. Without an installed Korean locale the
# test makes one with localedef (no root needed) and points LOCPATH at it.
. "$(dirname "$0")/lib.sh"
unset LC_ALL LANGUAGE LC_MESSAGES LANG

if ! locale -a 2>/dev/null | grep -qix 'ko_KR\.utf-\{0,1\}8'; then
    mkdir -p locales
    localedef -i ko_KR -f UTF-8 "$PWD/locales/ko_KR.UTF-8" > localedef.log 2>&1 ||
        fail "no ko_KR.UTF-8 locale and localedef could not make one: $(cat localedef.log)"
    export LOCPATH="$PWD/locales"
fi

# in_locale VAR=VALUE... ARG...: run simsa with only those locale variables set.
in_locale() {
    set +e
    env "$@" > out 2> err
    rc=$?
    set -e
}

ko='simsa: 알 수 없는 명령 "없는명령" (simsa --help 참고)'
en='simsa: unknown command "없는명령" (see simsa --help)'

in_locale LANG=ko_KR.UTF-8 "$SIMSA" 없는명령
expect_equal "$rc" 2 "exit status under LANG=ko_KR.UTF-8"
expect_stderr_line "$ko"

in_locale LANG=C.UTF-8 "$SIMSA" 없는명령
expect_equal "$rc" 2 "exit status under LANG=C.UTF-8"
expect_stderr_line "$en"

# LC_MESSAGES alone decides the language of messages, and LC_ALL overrides both.
in_locale LANG=C.UTF-8 LC_MESSAGES=ko_KR.UTF-8 "$SIMSA" 없는명령
expect_stderr_line "$ko"
in_locale LANG=ko_KR.UTF-8 LC_ALL=C.UTF-8 "$SIMSA" 없는명령
expect_stderr_line "$en"

# A message of a command, and --help, in each language.
in_locale LANG=ko_KR.UTF-8 "$SIMSA" -d nothing-here.db rank
expect_equal "$rc" 1 "rank on a missing database"
grep -F -q 'nothing-here.db' err || fail "the Korean error does not name the file"
grep -F -q 'no such database' err && fail "the error of rank is in English under ko_KR.UTF-8"
in_locale LANG=ko_KR.UTF-8 "$SIMSA" --help
expect_stdout_contains '명령:'
in_locale LANG=C.UTF-8 "$SIMSA" --help
expect_stdout_contains 'Commands:'
expect_stdout_lacks '명령:'
