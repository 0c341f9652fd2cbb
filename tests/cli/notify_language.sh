# R12.4 (issue 19): a notification is in the reader's language whatever the locale the review
# ran in: a call reviewed in English notifies its ineligible applicant in Korean in a Korean
# locale (the reasons decided again from the same facts, which the final result froze), and in
# English in an English one.
. "$(dirname "$0")/lib.sh"
unset LC_ALL LANGUAGE LC_MESSAGES LANG
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
printf 'simsa-demo\n' > "$PW"
ACTOR=김간사
korean_locale
export LC_ALL=C.UTF-8
ok demo main.db # reviewed here, in English
DB=main.db
okd tie resolve 2026-007 2026-002 --reason "위원회 협의"
okd finalize
(
    export LC_ALL=ko_KR.UTF-8
    okd notify -o ko
) || exit 1
okd notify -o en
"$PY" - <<'PYEOF' || fail "the ineligible applicant's reasons are not in the reader's language"
import email, email.policy
def body(path):
    with open(path, "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    return m.get_body().get_content()
ko, en = body("ko/2026-010.eml"), body("en/2026-010.eml")
assert "was issued" not in ko and "before" not in ko, ko
assert "발급" in ko, ko
assert "was issued" in en, en
PYEOF
echo "notify_language: ok"
