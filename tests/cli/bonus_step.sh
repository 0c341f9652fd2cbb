# R8: bonus points and the cap are multiples of the decimals step; a finer program file is
# refused by program check and by init, which then creates nothing.
. "$(dirname "$0")/lib.sh"

# 2.5 bonus points with decimals = 0.
sed -e 's/^decimals = 2$/decimals = 0/' \
    -e '/^\[bonus local_supplier\]/,/^points/ s/^points = 3$/points = 2.5/' \
    "$PROGRAMS/cbtp-2026.ini" > bad.ini
grep -q '^points = 2.5$' bad.ini || fail "the sed did not change the bonus"
grep -q '^decimals = 0$' bad.ini || fail "the sed did not change decimals"
line=$(grep -n '^points = 2.5$' bad.ini | cut -d: -f1)
expect_exit 1 program check bad.ini
expect_stderr_line "bad.ini:$line: points = 2.5 in [bonus local_supplier] is finer than the step 1 of decimals = 0 (R8)"
expect_stderr_lines 1
expect_stdout_lacks "valid"

expect_exit 1 init x.db --program bad.ini
expect_stderr_contains "bad.ini:$line: points = 2.5 in [bonus local_supplier]"
[ ! -e x.db ] || fail "init with a refused program created x.db"

# The cap too: 5.5 with decimals = 0.
sed -e 's/^decimals = 2$/decimals = 0/' -e 's/^bonus_cap = none$/bonus_cap = 5.5/' \
    "$PROGRAMS/cbtp-2026.ini" > cap.ini
grep -q '^bonus_cap = 5.5$' cap.ini || fail "the sed did not change the cap"
line=$(grep -n '^bonus_cap = 5.5$' cap.ini | cut -d: -f1)
expect_exit 1 program check cap.ini
expect_stderr_line "cap.ini:$line: bonus_cap = 5.5 in [policy] is finer than the step 1 of decimals = 0 (R8)"
expect_stderr_lines 1

# With decimals = 1, 2.5 is on the step and the file is valid.
sed -e 's/^decimals = 2$/decimals = 1/' \
    -e '/^\[bonus local_supplier\]/,/^points/ s/^points = 3$/points = 2.5/' \
    "$PROGRAMS/cbtp-2026.ini" > fine.ini
ok program check fine.ini
expect_stdout_line "fine.ini: cbtp-2026 is a valid program definition"
