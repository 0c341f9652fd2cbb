# The command line itself: --help, --version, unknown commands and families, exit status 2.
. "$(dirname "$0")/lib.sh"

ok --help
expect_stdout_line "Usage: simsa [-d FILE] [--as NAME] [--passphrase-file FILE] COMMAND ..."
expect_stdout_line "Exit status: 0 success, 1 failure, 2 usage error."
# Every command of DESIGN.md's list (inspect and export come later).
for c in "init" "program list" "program show" "program check" "person add" "person list" \
    "person key" "app import" "app list" "app show" "docs import" "check set" \
    "finance import" "review run" "panel add" "panel assign" "conflict add" "bonus set" \
    "bonus clear" "score import" "budget set" "rank" "tie resolve" "forfeit" "verify" "demo" \
    "pack" "sheet export" "sheet import"; do
    grep -E -q "^  $c( |\$)" out || fail "--help does not list \"$c\""
done
for o in "-d FILE" "--as NAME" "--passphrase-file FILE"; do
    expect_stdout_contains "  $o"
done

ok --version
grep -E -x -q 'simsa [0-9]+\.[0-9]+\.[0-9]+' out || fail "--version: $(cat out)"
[ ! -s err ] || fail "--version wrote to stderr"

expect_exit 2 frobnicate
expect_stderr_line 'simsa: unknown command "frobnicate" (see simsa --help)'
expect_exit 2 --frobnicate
expect_stderr_line "simsa: unknown or incomplete option --frobnicate"
expect_exit 2 -d
expect_stderr_line "simsa: unknown or incomplete option -d"

# A family alone lists its subcommands.
expect_exit 2 app
expect_stderr_line "simsa app: choose one of:"
expect_stderr_line "  simsa app import FILE.csv"
expect_stderr_line "  simsa app list [--csv]"
expect_stderr_line "  simsa app show ID"
expect_stderr_line "  simsa app contact APP [--name NAME] [--email ADDRESS]"
expect_stderr_lines 5
expect_exit 2 app frobnicate
expect_stderr_line "simsa app: choose one of:"
expect_exit 2 person
expect_stderr_contains "  simsa person key NAME"
expect_exit 2 tie
expect_stderr_contains "  simsa tie resolve APP APP... --reason TEXT"

# Per-command help.
ok app show --help
expect_equal "$(cat out)" "simsa app show ID
  everything recorded about one application" "app show --help"

# Usage errors of single commands; none creates a database.
expect_exit 2 rank --bogus
expect_stderr_line "simsa: rank: unknown option --bogus"
expect_exit 2 rank extra
expect_exit 2 verify extra
expect_exit 2 app show
expect_stderr_line "simsa: usage: simsa app show ID"
expect_exit 2 app show a b
expect_exit 2 program check
[ ! -e simsa.db ] || fail "a usage error created simsa.db"

# Commands that sign need --as: without it, a usage error (exit 2), and nothing written.
# The demo has a tie (2026-002, 2026-007) and a selected application (2026-001).
ok demo "$DB"
printf 'simsa-demo\n' > demo-pw
{ echo "$SCORE_HEADER"; echo '2026-012,한예린,7,3.5,14,10.5,14,3.5,10.5,7,agree,'; } > s.csv
before=$(db_state)
bad=""
for cmd in "review run" "budget set 100" "score import s.csv" \
    "conflict add 한예린 2026-012 --reason x" "bonus set 2026-004 ax_cert --note x" \
    "bonus clear 2026-001 local_supplier" "tie resolve 2026-007 2026-002 --reason x" \
    "forfeit 2026-001 --reason x"; do
    # shellcheck disable=SC2086
    run -d "$DB" --passphrase-file demo-pw $cmd
    grep -F -q "needs --as NAME, the person acting" err ||
        fail "simsa $cmd without --as: $(cat err)"
    [ "$rc" -eq 2 ] || bad="$bad
  simsa $cmd: exit $rc"
done
expect_unchanged "$before"
[ -z "$bad" ] || fail "without --as, exit 2 expected (DESIGN: 2 usage error):$bad"
