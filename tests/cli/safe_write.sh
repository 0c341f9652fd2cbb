# Files written safely (issue 14, item 7): exports, sheet files and packs go through a temporary
# file (0600) renamed into place; an existing target, a planted symlink included, is refused
# unless --force, and a symlink is never followed. A FIFO given as input is refused, not read.
. "$(dirname "$0")/lib.sh"
export SIMSA_NOW=2026-07-01T09:00:00Z

ok demo demo.db
DB=demo.db
printf 'simsa-demo\n' > demopw
ACTOR=김간사 PW=demopw
SEC="--as 김간사 --passphrase-file demopw"

# A new export: mode 0600, no temporary file left.
okd export result.xlsx
expect_equal "$(stat -c %a result.xlsx)" 600 "mode of the workbook"
okd export --csv result.csv
expect_equal "$(stat -c %a result.csv)" 600 "mode of the CSV"
ls -A | grep -q '^\.result' && fail "a temporary file was left behind: $(ls -A)"

# An existing file is refused and left as it was; --force replaces it.
echo "keep me" > old.csv
faild export --csv old.csv
expect_stderr_line "simsa: old.csv already exists; simsa will not overwrite it (--force replaces it)"
expect_equal "$(cat old.csv)" "keep me" "old.csv after a refused export"
faild export old.csv
expect_equal "$(cat old.csv)" "keep me" "old.csv after a refused workbook export"
okd export --csv old.csv --force
[ "$(head -c 3 old.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "--force did not replace old.csv"
expect_equal "$(stat -c %a old.csv)" 600 "mode of the replaced CSV"

# A planted symlink at the target: refused, its target unchanged; --force replaces the link
# itself, never writing through it.
echo "precious" > victim.txt
ln -s victim.txt planted.xlsx
ln -s victim.txt planted.csv
faild export planted.xlsx
expect_stderr_contains "planted.xlsx already exists"
faild export --csv planted.csv
expect_equal "$(cat victim.txt)" "precious" "the symlink's target after refused exports"
okd export --csv planted.csv --force
[ -L planted.csv ] && fail "--force wrote through the symlink instead of replacing it"
expect_equal "$(cat victim.txt)" "precious" "the symlink's target after --force"
# A dangling symlink is refused too (O_EXCL semantics: it is not followed to create a file).
ln -s nowhere.csv dangling.csv
faild export --csv dangling.csv
[ -e nowhere.csv ] && fail "the export followed a dangling symlink"

# Sheet files: 0600, refused when present, --force replaces them.
okd pack 윤지아 -o laptop.db
expect_equal "$(stat -c %a laptop.db)" 600 "mode of the pack"
faild pack 윤지아 -o laptop.db
expect_stderr_contains "laptop.db already exists"
okd pack 윤지아 -o laptop.db --force
ln -s victim.txt planted.db
faild pack 윤지아 -o planted.db
expect_equal "$(cat victim.txt)" "precious" "the symlink's target after a refused pack"
okd sheet export 윤지아 -o exp --key
for f in exp/*; do
    expect_equal "$(stat -c %a "$f")" 600 "mode of $f"
done
n=$(ls exp | wc -l)
[ "$n" -ge 3 ] || fail "sheet export wrote: $(ls exp)"
first=$(ls exp/*.sheet | head -1)
cp "$first" keep.sheet
faild sheet export 윤지아 -o exp
expect_stderr_contains "already exists"
cmp -s "$first" keep.sheet || fail "a refused sheet export changed $first"
okd sheet export 윤지아 -o exp --force
rm -rf exp2 && mkdir exp2
name=$(basename "$first")
ln -s ../victim.txt "exp2/$name"
faild sheet export 윤지아 -o exp2
expect_equal "$(cat victim.txt)" "precious" "the symlink's target after a refused sheet export"

# A FIFO as an input file is refused at once (not read, no hang).
mkfifo fifo.csv
before=$(db_state)
set +e
timeout 10 "$SIMSA" -d "$DB" $SEC app import fifo.csv > out 2> err
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "app import of a FIFO: exit $rc (124 = it hung)"
expect_stderr_contains "fifo.csv is not a regular file"
set +e
timeout 10 "$SIMSA" -d "$DB" $SEC sheet import fifo.csv > out 2> err
rc=$?
timeout 10 "$SIMSA" program check fifo.csv > out2 2> err2
rc2=$?
set -e
[ "$rc" -eq 1 ] || fail "sheet import of a FIFO: exit $rc"
[ "$rc2" -eq 1 ] || fail "program check of a FIFO: exit $rc2"
grep -q "not a regular file" err2 || fail "program check of a FIFO: $(cat err2)"
set +e
timeout 10 "$SIMSA" -d "$DB" $SEC inspect add 2026-001 --date 2026-06-25 --team "A,B" \
    --notes-file fifo.csv > out 2> err
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "inspect add with a FIFO notes file: exit $rc"
expect_stderr_contains "not a regular file"
# A device too.
set +e
timeout 10 "$SIMSA" -d "$DB" $SEC app import /dev/zero > out 2> err
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "app import of /dev/zero: exit $rc"
expect_stderr_contains "/dev/zero is not a regular file"
expect_unchanged "$before"
