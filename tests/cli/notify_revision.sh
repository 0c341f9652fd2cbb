#!/bin/sh
# R12.4: a company notified under revision N and affected by a later revision gets a new
# notification that says so. After revision 1, 2026-001 forfeits (its agreement given up) and
# 2026-002 moves up; revision 2 is signed. `notify -o DIR --changed` writes only their drafts,
# each saying it replaces the notification of revision 1 and what the result was then; read
# back with Python's email package. Without --changed every applicant gets a draft, and only
# those two say so.
. "$(dirname "$0")/lib.sh"
DB=demo.db
ok demo "$DB"
printf 'simsa-demo\n' > demopw
S="-d $DB --as 김간사 --passphrase-file demopw"
# shellcheck disable=SC2086
expect_exit 0 $S tie resolve 2026-007 2026-002 --reason "위원회 협의"
# shellcheck disable=SC2086
expect_exit 0 $S finalize

# Under revision 1 nobody's result changed: --changed writes nothing, not even the directory.
ok -d "$DB" notify -o none --changed
expect_stdout_line "no applicant's result changed since the revision they were notified of"
[ -e none ] && fail "notify --changed made a directory with nothing to write"
ok -d "$DB" notify -o r1
grep -l "replaces" r1/*.eml && fail "a draft of revision 1 replaces another"

# shellcheck disable=SC2086
expect_exit 0 $S forfeit 2026-001 --reason 협약포기
# shellcheck disable=SC2086
expect_exit 0 $S finalize
ok -d "$DB" notify -o r2 --changed
expect_stdout_line "r2: 2 notification drafts written"
expect_equal "$(ls r2 | tr '\n' ' ')" "2026-001.eml 2026-002.eml " "the changed applicants' drafts"
ok -d "$DB" notify -o all2
expect_stdout_line "all2: 12 notification drafts written"

python3 - r2 all2 > check.txt 2>&1 <<'PY' || fail "drafts: $(cat check.txt)"
import email, os, re, sys
from email import policy
def read(path):
    m = email.message_from_bytes(open(path, 'rb').read(), policy=policy.default)
    return str(m['Subject']), m.get_content(), m['To'].addresses[0].addr_spec
changed, every = sys.argv[1], sys.argv[2]
was = {'2026-001': 'selected', '2026-002': 'waitlisted'}
for app, then in was.items():
    subject, body, to = read(os.path.join(changed, app + '.eml'))
    assert subject.endswith('Changed selection result for application ' + app), subject
    assert 'It reports revision 2 of the final result' in body, body
    line = ('It replaces the notification of revision 1: a later revision changed your '
            'result, which was then "%s".' % then)
    assert line in ' '.join(body.split()), body
    assert not re.search(r'R[0-9]', body), body
    assert to.endswith('@example.kr') or '@' in to, to
    assert read(os.path.join(every, app + '.eml'))[1] == body, app
subject, body, _ = read(os.path.join(changed, '2026-001.eml'))
assert 'selection withdrawn' in body, body
subject, body, _ = read(os.path.join(changed, '2026-002.eml'))
assert 'promoted from the waiting list' in body, body
for name in sorted(os.listdir(every)):
    app = name[:-4]
    subject, body, _ = read(os.path.join(every, name))
    if app not in was:
        assert 'replaces' not in body and 'Changed' not in subject, (app, body)
        assert 'revision 2' in body, (app, body)
print('ok')
PY
expect_equal "$(cat check.txt)" ok "drafts checked"

# Revision 3: 2026-005 gives up too. --changed still covers everyone a revision ever changed
# (simsa does not know which drafts were sent); --since 2 only those revision 3 changed, who were
# told revision 2.
# shellcheck disable=SC2086
expect_exit 0 $S forfeit 2026-005 --reason 협약포기
expect_stdout_contains "promoted from the waitlist: "
promoted=$(sed -n 's/^promoted from the waitlist: //p' out)
# shellcheck disable=SC2086
expect_exit 0 $S finalize
ok -d "$DB" notify -o r3all --changed
for app in 2026-001 2026-002 2026-005 $promoted; do
    [ -f "r3all/$app.eml" ] || fail "--changed lacks $app: $(ls r3all)"
done
ok -d "$DB" notify -o r3 --since 2
expect_equal "$(ls r3 | sed 's/\.eml$//' | tr '\n' ' ')" "$(printf '%s\n' 2026-005 $promoted | sort | tr '\n' ' ')" \
    "--since 2: the applicants revision 3 changed"
python3 - r3/2026-005.eml <<'PY' || fail "2026-005's draft does not replace revision 2's"
import email, sys
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
body = ' '.join(m.get_content().split())
assert 'It reports revision 3 of the final result' in body, body
assert 'It replaces the notification of revision 2' in body, body
PY
ok -d "$DB" notify -o r3none --since 3
expect_stdout_line "no applicant's result changed after revision 3"
[ -e r3none ] && fail "notify --since 3 made a directory with nothing to write"
expect_exit 1 -d "$DB" notify -o x --since 4
expect_stderr_contains "--since 4: the final result has 3 revisions"
for bad in 0 x -1; do
    expect_exit 2 -d "$DB" notify -o x --since "$bad"
    expect_stderr_contains "a revision number, 1 or more"
done
[ -e x ] && fail "a refused notify made its directory"
ok -d "$DB" verify
echo "notify_revision: ok"
