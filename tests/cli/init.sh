# simsa init: a built-in program id or a path, no overwrite, mode 0600, --budget.
. "$(dirname "$0")/lib.sh"

ok init a.db --program cbtp-2026
expect_stdout_line "created a.db for cbtp-2026 (2026년 제조 AI 현장 적용 지원 사업)"
expect_equal "$(stat -c %a a.db)" 600 "mode of a.db"
expect_equal "$(sqlite3 a.db 'select program_id from program')" cbtp-2026 "program of a.db"
ok -d a.db program show
expect_stdout_line "window: 2026-06-01 .. 2026-06-19 18:00 (documents issued from 2026-03-01)"

# By path: the definition is copied into the file, which is then self-contained (DESIGN Data).
cp "$PROGRAMS/cbtp-2025.ini" my-call.ini
ok init b.db --program ./my-call.ini --budget 300,000,000
expect_stdout_line "created b.db for cbtp-2025 (2025년 제조 AI 현장 적용 지원 사업)"
expect_equal "$(stat -c %a b.db)" 600 "mode of b.db"
rm my-call.ini
ok -d b.db program show
expect_stdout_line "window: 2025-10-13 .. 2025-11-07 18:00 (documents issued from 2025-07-13)"
expect_stdout_line "regions: 충주시 진천군 음성군"
ok -d b.db rank
expect_stdout_line "budget: 0 of 300,000,000 won used"

# No budget given: none is set.
ok -d a.db rank
expect_stdout_lacks "budget:"

# Never overwrite: the existing file keeps its content.
before=$(db_state a.db)
expect_exit 1 init a.db --program cbtp-2025
expect_stderr_line "simsa: a.db already exists; simsa will not overwrite it"
expect_equal "$(db_state a.db)" "$before" "a.db after a refused init"
expect_equal "$(sqlite3 a.db 'select program_id from program')" cbtp-2026 "program of a.db"

# Refusals that create nothing.
expect_exit 1 init c.db --program nosuch
expect_stderr_line 'simsa: no built-in program "nosuch" (see simsa program list)'
[ ! -e c.db ] || fail "c.db was created for an unknown program"
expect_exit 1 init c.db --program cbtp-2026 --budget 12x
expect_stderr_line 'simsa: --budget "12x": an amount must be written in digits, e.g. 80000000 or 80,000,000'
[ ! -e c.db ] || fail "c.db was created with a bad budget"
sed 's/^agency = /agencyy = /' "$PROGRAMS/cbtp-2026.ini" > broken.ini
expect_exit 1 init c.db --program broken.ini
expect_stderr_line "broken.ini:9: unknown key 'agencyy' in [program]"
[ ! -e c.db ] || fail "c.db was created from a broken definition"
expect_exit 2 init c.db
expect_stderr_line "simsa: usage: simsa init FILE --program ID|PATH [--budget WON]"
[ ! -e c.db ] || fail "c.db was created by a usage error"

# Any other command on a missing database says how to make one.
expect_exit 1 -d none.db rank
expect_stderr_line 'simsa: none.db: no such database (create one with `simsa init none.db --program ID`)'
[ ! -e none.db ] || fail "rank created none.db"

# $SIMSA_DB is the default database.
export SIMSA_DB=b.db
expect_exit 0 program show
expect_stdout_line cbtp-2025
unset SIMSA_DB
