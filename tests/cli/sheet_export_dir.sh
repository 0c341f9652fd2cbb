# simsa sheet export -o DIR (issue 17, point 12): a missing DIR is made (mode 0700, only its last
# component); a DIR that exists and is not a directory is refused with the reason.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
SHEET=2026-012-윤지아.sheet

ok demo main.db
DB=main.db
okd pack 윤지아 -o laptop.db
{
    echo "$SCORE_HEADER"
    echo "2026-012,윤지아,8,4,15.5,11,16,4,12,8,agree,\"일정 현실적\""
} > mine.csv
expect_exit 0 -d laptop.db --as 윤지아 --passphrase-file "$PW" score import mine.csv

# A missing directory is created, private, and the sheet written in it.
expect_exit 0 -d laptop.db sheet export 윤지아 -o newdir --key
[ -d newdir ] || fail "sheet export did not create newdir"
expect_equal "$(stat -c %a newdir)" 700 "the mode of the created directory"
[ -s "newdir/$SHEET" ] && [ -s "newdir/$SHEET.minisig" ] && [ -s newdir/윤지아.pub ] ||
    fail "sheet export wrote: $(ls newdir)"
expect_stdout_line "newdir/$SHEET"

# Only the last component: a missing parent is an error and nothing is made.
expect_exit 1 -d laptop.db sheet export 윤지아 -o no/such
expect_stderr_line "simsa: no/such: No such file or directory"
[ ! -e no ] || fail "sheet export created a parent directory"

# A file in the way is refused, named, and left alone.
echo keep > afile
expect_exit 1 -d laptop.db sheet export 윤지아 -o afile
expect_stderr_line "simsa: afile exists and is not a directory"
expect_equal "$(cat afile)" keep "the file in the way"

# An existing directory is used as before.
mkdir have
expect_exit 0 -d laptop.db sheet export 윤지아 -o have
[ -s "have/$SHEET" ] || fail "sheet export did not write into an existing directory"
