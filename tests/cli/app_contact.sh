# R11.7 (issue 19): an application's contact name and e-mail can be corrected, before and after
# the final result, by the secretariat; the correction is recorded (the whole application
# again, in a signed event) so verify checks the stored contact against it; the notification
# drafts go to the corrected address; a bad address, a judge and an unknown application are
# refused and change nothing.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
ok demo main.db
DB=main.db

# Before the result.
okd app contact 2026-003 --email new.contact@example.kr
expect_stdout_line "2026-003: contact now $(sql "select contact_name from application where id = '2026-003'") <new.contact@example.kr>"
expect_equal "$(sql "select contact_email from application where id = '2026-003'")" new.contact@example.kr "stored e-mail"
expect_equal "$(sql "select actor || '|' || kind from event order by seq desc limit 1")" "김간사|app contact" "the event"
okd app show 2026-003
expect_stdout_contains "<new.contact@example.kr>"

# Refused, nothing changed: a bad address, a control character, nothing to change, a judge,
# an unknown application.
before=$(db_state)
for bad in "not-an-address" "two@at@example.kr" "a b@example.kr" "x@"; do
    faild app contact 2026-003 --email "$bad"
    expect_stderr_contains "the e-mail address must be a plain address"
done
faild app contact 2026-003 --name "$(printf '이름\r\nBcc: x@example.kr')"
expect_stderr_contains "the contact name must not contain control characters"
expect_exit 2 -d "$DB" --as 김간사 --passphrase-file "$PW" app contact 2026-003
expect_stderr_contains "usage: simsa app contact APP [--name NAME] [--email ADDRESS]"
expect_exit 1 -d "$DB" --as 강민준 --passphrase-file "$PW" app contact 2026-003 --email a@example.kr
expect_stderr_contains "secretariat"
faild app contact 2026-999 --email a@example.kr
expect_stderr_contains 'no application "2026-999"'
expect_unchanged "$before"
okd app contact 2026-003 --email new.contact@example.kr
expect_stdout_contains "nothing was recorded"
expect_unchanged "$before"

# After the final result: still accepted (the notification goes to the corrected address),
# and no new revision is needed for it.
okd tie resolve 2026-007 2026-002 --reason "위원회 협의"
okd finalize
okd app contact 2026-001 --name "김담당" --email "kim.damdang@example.kr"
expect_stdout_line "2026-001: contact now 김담당 <kim.damdang@example.kr>"
okd finalize
expect_stdout_line "revision 1 of the final result stands: no amendment changed an outcome since; nothing was signed"
okd verify
expect_stdout_contains "verified: "
okd notify -o drafts
"$PY" - <<'PYEOF' || fail "the draft does not go to the corrected address"
import email, email.policy
with open("drafts/2026-001.eml", "rb") as f:
    m = email.message_from_binary_file(f, policy=email.policy.default)
assert m["To"].addresses[0].addr_spec == "kim.damdang@example.kr", m["To"]
assert m["To"].addresses[0].display_name == "김담당", m["To"]
PYEOF

# The stored contact changed behind simsa's back: verify names it.
cp main.db t.db
sqlite3 t.db "update application set contact_email = 'someone.else@example.kr' where id = '2026-001'"
expect_exit 1 -d t.db verify
expect_output_line "application 2026-001: the stored values differ from what the audit log recorded"
echo "app_contact: ok"
