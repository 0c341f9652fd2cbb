# Issue 17.14: messages that say what happened and what to do: a directory where a file is
# expected, a full disk, a verify reason that was "(?)", and a signed command in a judge's pack.
. "$(dirname "$0")/lib.sh"
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
ok demo demo.db
DB=demo.db
mkdir adir

# A directory given for a file: the import, the passphrase file, the database, a program.
faild --as 김간사 --passphrase-file "$PW" app import adir
expect_stderr_line "simsa: adir is a directory, not a file: give the path of the file itself"
faild --as 김간사 --passphrase-file adir bonus set 2026-001 local_supplier --note x
expect_stderr_line "simsa: adir is a directory, not a file: give the path of the file itself"
expect_exit 1 -d adir app list
expect_stderr_line "simsa: adir is a directory, not a simsa database: give the database file (-d FILE)"
expect_exit 1 program check adir
expect_stderr_line "simsa: adir is a directory, not a file: give the path of the file itself"

# A stored value that cannot be read: verify gives the reason, never "(?)".
cp demo.db t.db
sqlite3 t.db "drop trigger bonus_change_no_update; update bonus_change set bonus = 'nosuch' where id = 1"
expect_exit 1 -d t.db verify
grep -F -q "(?)" out err && fail "verify says (?)"
grep -F -q -x 'bonus 2026-001/nosuch: the stored values are not valid (record field "points": negative)' out err ||
    grep -F -q 'nosuch: the stored values are not valid (record field' out err ||
    fail "verify does not name the unreadable field"

# sheet import into a judge's pack: it has no key of the secretariat; say where to run it.
okd pack 윤지아 -o laptop.db
{
    echo "$SCORE_HEADER"
    echo "2026-012,윤지아,8,4,15.5,11,16,4,12,8,agree,의견"
} > mine.csv
expect_exit 0 -d laptop.db --as 윤지아 --passphrase-file "$PW" score import mine.csv
expect_exit 0 -d laptop.db sheet export 윤지아 -o exp
before=$(db_state laptop.db)
expect_exit 1 -d laptop.db --as 김간사 --passphrase-file "$PW" sheet import exp/2026-012-윤지아.sheet
expect_stderr_line "simsa: laptop.db: this database holds no key of 김간사: it is a judge's pack (simsa pack), where only that judge signs; run this command with -d on the committee's database; nothing was changed"
[ "$before" = "$(db_state laptop.db)" ] || fail "the pack changed"

# A full disk (SQLITE_FULL, or no space for the write-ahead log): only where a small tmpfs
# can be mounted (root); otherwise this part is skipped.
full=$(mktemp -d)
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=600k tmpfs "$full" 2>/dev/null; then
    trap 'umount "$full" 2>/dev/null; rmdir "$full"' EXIT
    ok init "$full/a.db" --program cbtp-2026
    expect_exit 0 -d "$full/a.db" person add 간사 --role secretariat --passphrase-file "$PW"
    dd if=/dev/zero of="$full/fill" bs=1k count=2000 2>/dev/null || true
    expect_exit 1 -d "$full/a.db" app list
    expect_stderr_line "simsa: $full/a.db: the disk is full: free some space and run the command again (nothing was changed)"
    expect_exit 1 init "$full/b.db" --program cbtp-2026
    expect_stderr_contains "the disk is full: free some space"
    rm -f "$full/fill"
    expect_exit 0 -d "$full/a.db" app list
else
    echo "skipped: the full-disk check needs root and a tmpfs mount"
    rmdir "$full"
fi
