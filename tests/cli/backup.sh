# simsa backup FILE (issue 14, item 8): a consistent copy through SQLite's online backup API,
# mode 0600, verified as simsa verify would; an existing FILE is refused unless --force; the
# source is not changed (no --as needed); a write transaction held open elsewhere does not
# stop it nor leak into the copy.
. "$(dirname "$0")/lib.sh"

ok demo demo.db
DB=demo.db
before=$(db_state)
bytes=$(sha256sum < demo.db)

okd backup copy.db
expect_stdout_line "copy.db: backup of demo.db written and verified (67 signed records, 268 audit events)"
expect_equal "$(stat -c %a copy.db)" 600 "mode of the backup"
expect_equal "$(db_state copy.db)" "$before" "content of the backup"
verified copy.db
expect_unchanged "$before"
expect_equal "$(sha256sum < demo.db)" "$bytes" "bytes of the source after backup"
ls -A | grep -q '^\.copy' && fail "a temporary file was left behind: $(ls -A)"

# An existing FILE (or a symlink) is refused and unchanged; --force replaces it.
echo "old" > old.db
faild backup old.db
expect_stderr_line "simsa: old.db already exists; simsa will not overwrite it (--force replaces it)"
expect_equal "$(cat old.db)" "old" "old.db after a refused backup"
echo "precious" > victim
ln -s victim link.db
faild backup link.db
expect_equal "$(cat victim)" "precious" "the symlink's target"
okd backup old.db --force
expect_equal "$(db_state old.db)" "$before" "content of the forced backup"
expect_equal "$(stat -c %a old.db)" 600 "mode of the forced backup"
# No database: a clear message, nothing written.
expect_exit 1 -d missing.db backup x.db
expect_stderr_contains "missing.db: no such database"
[ -e x.db ] && fail "a backup of nothing was written"

# Another process holds a write transaction open (uncommitted): the backup still runs, from the
# last committed state, and verifies.
if command -v timeout >/dev/null 2>&1; then
    { printf 'BEGIN IMMEDIATE;\nCREATE TABLE scratch(x);\nINSERT INTO scratch VALUES (1);\n'
      printf '.shell sleep 3\nROLLBACK;\n'; } | sqlite3 demo.db &
    writer=$!
    sleep 1
    set +e
    timeout 20 "$SIMSA" -d demo.db backup busy.db > out 2> err
    rc=$?
    set -e
    wait "$writer" || true
    [ "$rc" -eq 0 ] || fail "backup beside an open write transaction: exit $rc: $(cat err)"
    expect_equal "$(db_state busy.db)" "$before" "backup beside an open write transaction"
    verified busy.db
fi
