#!/bin/sh
# R12.4: simsa notify -o DIR writes one RFC 5322 draft per applicant, read back with Python's
# email package: headers decoded, the recipient is the application's contact, the body names
# the company and shows no rule id, judge, other applicant or budget. Nothing in the database
# changes; existing files are never overwritten.
. "$(dirname "$0")/lib.sh"
DB=demo.db
ok demo "$DB"
printf 'simsa-demo\n' > demopw
expect_exit 0 -d "$DB" --as 김간사 --passphrase-file demopw tie resolve 2026-007 2026-002 \
    --reason "위원회 협의"
expect_exit 0 -d "$DB" --as 김간사 --passphrase-file demopw forfeit 2026-001 --reason 협약포기
expect_exit 0 -d "$DB" --as 김간사 --passphrase-file demopw finalize

expect_exit 2 -d "$DB" notify
expect_exit 2 -d "$DB" notify -o
expect_exit 2 -d "$DB" notify out extra -o drafts

before=$(db_state)
okd notify -o drafts
expect_stdout_line "drafts: 12 notification drafts written"
expect_unchanged "$before"
expect_equal "$(stat -c %a drafts)" 700 "mode of the drafts directory"
expect_equal "$(ls drafts | wc -l)" 12 "drafts written"
for f in drafts/*.eml; do
    expect_equal "$(stat -c %a "$f")" 600 "mode of $f"
done

sql "SELECT id || '|' || company || '|' || contact_email FROM application ORDER BY id" > apps.txt
sql "SELECT name FROM person" > people.txt
python3 - drafts apps.txt people.txt > check.txt 2>&1 <<'PY' || fail "drafts: $(cat check.txt)"
import email, os, re, sys
from email import policy
d, apps, people = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [l.rstrip('\n').split('|') for l in open(apps, encoding='utf-8')]
names = [l.strip() for l in open(people, encoding='utf-8') if l.strip()]
ids = [r[0] for r in rows]
for app, company, mail in rows:
    raw = open(os.path.join(d, app + '.eml'), 'rb').read()
    m = email.message_from_bytes(raw, policy=policy.default)
    assert m['MIME-Version'] == '1.0', app
    assert m.get_content_type() == 'text/plain' and m.get_content_charset() == 'utf-8', app
    assert m['Content-Transfer-Encoding'] in ('base64', '8bit'), app
    to = m['To'].addresses
    assert len(to) == 1 and to[0].addr_spec == mail, (app, str(m['To']))
    assert m['Date'].datetime.utcoffset().total_seconds() == 9 * 3600, m['Date']
    assert m['Message-ID'].startswith('<') and app in m['Message-ID'], m['Message-ID']
    assert app in str(m['Subject']), m['Subject']
    body = m.get_content()
    assert company in body, (app, body)
    assert 'revision 1' in body, (app, body)
    assert not re.search(r'R[0-9]', body), (app, body)
    assert '250,000,000' not in body and 'budget (used' not in body, (app, body)
    for n in names:
        assert n not in body, (app, n)
    for other in ids:
        assert other == app or other not in body, (app, other)
    for line in raw.split(b'\r\n'):
        assert len(line) <= 998, app
    print(app, m['To'].addresses[0].display_name, str(m['Subject']), sep='|')
    if app == '2026-001':
        assert 'selection withdrawn' in body, body
    if app == '2026-002':
        assert 'promoted from the waiting list' in body and 'Agreement terms' in body, body
    if app == '2026-010':
        assert 'not eligible' in body and '2. Application (required documents)' in body, body
    if app == '2026-011':
        assert 'support requires an official base score of at least 70 points' in body, body
PY
grep -q '^2026-001|담당자1|\[2026 Manufacturing AI Field Application Support Program\] Selection result for application 2026-001$' check.txt ||
    fail "decoded headers: $(cat check.txt)"

# Existing files are refused and left as they are; so is a symbolic link in their place.
sum=$(cat drafts/*.eml | md5sum)
faild notify -o drafts
expect_stderr_contains "drafts/2026-001.eml: exists already; not overwritten"
expect_equal "$(cat drafts/*.eml | md5sum)" "$sum" "drafts after a second notify"
mkdir linked && ln -s ../secret linked/2026-003.eml
faild notify -o linked
expect_stderr_contains "linked/2026-003.eml: exists already"
[ ! -e secret ] || fail "notify followed a symbolic link"
expect_equal "$(ls linked | wc -l)" 1 "files written next to a refused one"
# A directory given as a symbolic link is refused too.
ln -s drafts dirlink
faild notify -o dirlink

# In a Korean locale the subject and the body are Korean (a locale made with localedef when none
# is installed, as in locale.sh).
if ! locale -a 2>/dev/null | grep -qix 'ko_KR\.utf-\{0,1\}8'; then
    mkdir -p locales
    localedef -i ko_KR -f UTF-8 "$PWD/locales/ko_KR.UTF-8" > localedef.log 2>&1 ||
        fail "no ko_KR.UTF-8 locale and localedef could not make one: $(cat localedef.log)"
    export LOCPATH="$PWD/locales"
fi
LANG=ko_KR.UTF-8 LC_ALL= LANGUAGE= expect_exit 0 -d "$DB" notify -o ko
expect_stdout_line "ko: 통보 초안 12건을 썼습니다"
python3 - ko/2026-011.eml > ko.txt 2>&1 <<'PY' || fail "Korean draft: $(cat ko.txt)"
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
assert str(m['Subject']) == '[2026년 제조 AI 현장 적용 지원 사업] 신청 2026-011 선정 결과 통보', m['Subject']
body = m.get_content()
assert body.startswith('청원식품(주) 귀하'), body
assert '결과: 미선정' in body and '「5. 평가 기준」: 지원 대상은 종합점수 70점 이상입니다.' in body, body
assert '결과 제1차' in body, body
PY
