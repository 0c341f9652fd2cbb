#!/bin/sh
# R12.3, R12.5: simsa agree records a selected application's agreement, signed by the
# secretariat, after the first final result and not in the future; it and `app show` print the
# dates the 2026 policies set; verify re-derives the record and names it when it is edited; the
# notification then shows the dates.
. "$(dirname "$0")/lib.sh"
DB=demo.db
ACTOR=김간사 # the demo's secretariat: --as names a person of the call
ok demo "$DB"
printf 'simsa-demo\n' > demopw
AS="--as 김간사 --passphrase-file demopw"

expect_exit 2 -d "$DB" $AS agree 2026-001
expect_exit 2 -d "$DB" $AS agree --date 2026-12-01
expect_exit 2 -d "$DB" $AS agree 2026-001 --date 2026-02-30
expect_stderr_contains "2026-02-30"
expect_exit 2 -d "$DB" agree 2026-001 --date 2026-12-01

# Before the final result: refused.
before=$(db_state)
expect_exit 1 -d "$DB" $AS agree 2026-001 --date 2026-12-01
expect_stderr_contains "an agreement is recorded after the final result is signed"
expect_unchanged "$before"

expect_exit 0 -d "$DB" $AS tie resolve 2026-007 2026-002 --reason "위원회 협의"
SIMSA_NOW=2026-12-02T01:00:00Z expect_exit 0 -d "$DB" $AS finalize

before=$(db_state)
# SIMSA_NOW is the clock: the result was signed 2026-12-02 10:00 in Korea.
export SIMSA_NOW=2026-12-31T16:00:00Z # 2027-01-01 01:00 in Korea
expect_exit 1 -d "$DB" $AS agree 2026-001 --date 2026-12-01
expect_stderr_contains "agreement date 2026-12-01 is before the first final result (2026-12-02)"
expect_exit 1 -d "$DB" $AS agree 2026-001 --date 2027-01-02
expect_stderr_contains "agreement date 2027-01-02 is in the future (today is 2027-01-01)"
expect_exit 1 -d "$DB" $AS agree 2026-003 --date 2026-12-31
expect_stderr_contains "2026-003: it is waitlisted, not selected: only a selected application has an agreement"
expect_exit 1 -d "$DB" $AS agree 2026-099 --date 2026-12-31
expect_stderr_contains 'no application "2026-099"'
expect_exit 1 -d "$DB" --as 강민준 --passphrase-file demopw agree 2026-001 --date 2026-12-31
expect_unchanged "$before"

# 2026-12-31 + 14 days, + 10 months (31 -> 31 October), 2 months before the end.
expect_exit 0 -d "$DB" $AS agree 2026-001 --date 2026-12-31
expect_stdout_line "2026-001: agreement recorded"
expect_stdout_line "co-payment due:      2027-01-14"
expect_stdout_line "advance payment:     15,000,000"
expect_stdout_line "project end:         2027-10-31"
expect_stdout_line "development done by: 2027-08-31"
# (2026-08-31 + 10 months = 2027-06-30 is in the unit tests: that day is before this result.)
expect_exit 0 -d "$DB" $AS agree 2026-005 --date 2026-12-02
expect_stdout_line "project end:         2027-10-02"
expect_exit 1 -d "$DB" $AS agree 2026-001 --date 2026-12-31
expect_stderr_contains "2026-001: it has an agreement already (2026-12-31)"

okd app show 2026-001
expect_stdout_line "agreement:           2026-12-31"
expect_stdout_line "co-payment due:      2027-01-14"
expect_stdout_line "project end:         2027-10-31"
okd app show 2026-003
expect_stdout_lacks "agreement:"

okd verify
expect_stdout_contains "verified:"

# The notification shows the computed dates.
okd notify -o drafts
python3 - drafts/2026-001.eml > body.txt <<'PY'
import email, sys
from email import policy
body = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default).get_content()
print(body.replace('\r\n', '\n'), end='')
PY
grep -q -x -- "- Co-payment due: 2027-01-14" body.txt || fail "draft: $(cat body.txt)"
grep -q -x -- "- Project end: 2027-10-31" body.txt || fail "draft: $(cat body.txt)"

# An edited agreement date is found by verify.
cp "$DB" t.db
sqlite3 t.db "drop trigger agreement_no_update; update agreement set date = '2026-12-30' where app_id = '2026-001'"
expect_exit 1 -d t.db verify
cat out err | grep -q "agreement 2026-001" || fail "verify did not name the agreement: $(cat out err)"
