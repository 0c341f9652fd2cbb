# simsa program show (issue 17, point 8): every part of a definition, the checklist of
# disqualifiers included, each id with its kind and text, as simsa-program(5) says.
. "$(dirname "$0")/lib.sh"

ok program show cbtp-2026
expect_stdout_line "checklist (disqualifiers, R4):"
for id in d1 d2 d3 d4 d5 d6 d7 d8; do
    grep -q "^  $id " out || fail "program show lacks the checklist item $id"
done
expect_stdout_line "  d3   capital_erosion 최근 결산 기준 완전자본잠식인 경우"
expect_stdout_line "  d8   checklist       사업지원 외 지역으로 사업장 이전 계획이 있는 경우"
expect_stdout_line "documents:"
expect_stdout_line "   4 optional 공장등록증"
expect_stdout_line "bonuses:"
expect_stdout_line "policy: aggregate=mean decimals=2 threshold=70 judges=5 quorum=3 budget_fit=stop"

ok program show cbtp-2025
expect_equal "$(grep -c '^  d[0-9] ' out)" 7 "checklist items of cbtp-2025"
grep -q "^  d6   debt_liquidity  " out || fail "program show lacks the computed d6"

# The database's own definition, the same way.
ok init "$DB" --program cbtp-2026
okd program show
expect_stdout_line "  d3   capital_erosion 최근 결산 기준 완전자본잠식인 경우"
