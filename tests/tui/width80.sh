#!/bin/sh
# Issue 17.5: at 80x24 every screen shows whole words, in English and in Korean: the board's
# band and outcome, its foot lines cut at a word with "…", the status line's keys (one that does
# not fit is left to `?` help, not cut), the applications' columns (the region left out rather
# than every column cut); `simsa app list` keeps its columns in line under long addresses.
set -u
. "$(dirname "$0")/tmux-lib"
demo_db

# No token on the screen is a word cut short (the words the 80-column board and list cut).
no_cut_words() {
    capture | grep -Eq "(ineligibl|incomplet|exclud|waitliste|industr|indust|mid-|중소기|중견기|지원 대|평가미완|예비 선)( |$)" &&
        fail "$1: a word is cut"
    return 0
}
# The status line (the last row) ends with a whole key and label, not a cut one.
status_whole() {
    last=$(capture | sed -n 24p | sed 's/ *$//')
    case "$last" in
    *"$1") ;;
    *) fail "the status line ends \"$last\", not with \"$1\"" ;;
    esac
}

tui_start 80 24
wait_for "Alerts"
keys b
wait_for "70-point line"
no_cut_words "board"
line_with "2026-009" | grep -Eq " ineligible$" || fail "the board row of 2026-009"
line_with "2026-012" | grep -Eq " incomplete$" || fail "the board row of 2026-012"
line_with "why " | grep -q "…$" || fail "the why line is not cut at a word with …"
status_whole "F finalize"
fits_width 80
keys a
wait_for "row 1 of 12; column: id"
no_cut_words "applications"
wait_row 2 "id       company          industry size      requested stage      outcome"
line_with "2026-008" | grep -q " mid-size " || fail "the size of 2026-008"
fits_width 80
keys Q
wait_for "EXITED 0"

tui_start 80 24 korean LANGUAGE=ko
wait_for "알림"
keys b
wait_for "70점 기준선"
no_cut_words "board (Korean)"
line_with "2026-001" | grep -Eq " 지원 대상 +선정 " || fail "the band of 2026-001 (Korean)"
status_whole "F 최종 확정"
fits_width 80
keys a
wait_for "1/12행"
no_cut_words "applications (Korean)"
line_with "2026-008" | grep -q " 중견기업 " || fail "the size of 2026-008 (Korean)"
line_with "2026-004" | grep -q " 예비 선정$" || fail "the outcome of 2026-004 (Korean)"
fits_width 80
keys Q
wait_for "EXITED 0"

# The command's table: the amount column starts at the same place on every row, long address
# or not, and the size is a word for people.
sqlite3 demo.db "update application set region = '충청북도 청주시 흥덕구 오송읍 오송생명로 아주 긴 주소' where id = '2026-001'"
for lang in "" ko; do
    LANGUAGE=$lang "$SIMSA" -d demo.db app list >list.out 2>&1 || { cat list.out; fail "app list"; }
    cols=$(grep -E "^2026-" list.out | while IFS= read -r l; do column_of "$l" "0,000 "; done | sort -u | wc -l)
    [ "$cols" -le 2 ] || { cat list.out; fail "app list ($lang): the amount column drifts"; }
    grep -q "…" list.out || { cat list.out; fail "app list ($lang): the long address is not cut with …"; }
    grep -Eq " sme " list.out && { cat list.out; fail "app list ($lang): the size is the CSV word"; }
done
echo "width80: ok"
