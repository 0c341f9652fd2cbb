# simsa program list | show | check: the built-in calls and checking a definition file.
. "$(dirname "$0")/lib.sh"

ok program list
expect_equal "$(cat out)" "$(printf 'cbtp-2025\t2025년 제조 AI 현장 적용 지원 사업\ncbtp-2026\t2026년 제조 AI 현장 적용 지원 사업')" "program list"

ok program show cbtp-2025
expect_stdout_line "cbtp-2025"
expect_stdout_line "window: 2025-10-13 .. 2025-11-07 18:00 (documents issued from 2025-07-13)"
expect_stdout_line "regions: 충주시 진천군 음성군"
expect_stdout_line "industries: 의료 바이오 화장품 식품 제지"
expect_stdout_line "support cap 80,000,000 won; co-payment at least 5,000,000 (SME) / 10,000,000 (mid-size)"
# R6.1: the rubric, 100 in total.
expect_stdout_line "  need      demand     10  지원 필요성"
expect_stdout_line "  data      demand     20  데이터 확보"
expect_stdout_line "  cost      supplier   10  사업비"
# R2 (2025): 12 documents, the factory registration optional.
expect_stdout_line "   8 optional 공장등록증"
expect_stdout_line "  12 required 최근 3년 재무제표"
# R8 (2025): only the local supplier bonus.
expect_stdout_line "  local_supplier   +3 컨소시엄 공급기업이 충북 내 지역 기업"
expect_stdout_lacks "ax_cert"
expect_stdout_line "policy: aggregate=mean decimals=2 threshold=70 judges=5 quorum=3 budget_fit=stop"

ok program show cbtp-2026
expect_stdout_line "regions: 청주시 충주시 진천군 음성군"
expect_stdout_line "  ax_cert          +3 1차년도 참여기업 중, 제조 특화 AX 인증 추진 공급기업"
expect_stdout_line "   4 optional 공장등록증"
expect_exit 1 program show cbtp-2027
expect_stderr_line 'simsa: no built-in program "cbtp-2027" (see simsa program list)'

# check: a good file.
cp "$PROGRAMS/cbtp-2026.ini" good.ini
ok program check good.ini
expect_stdout_line "good.ini: cbtp-2026 is a valid program definition"
[ ! -s err ] || fail "program check of a good file printed to stderr"

# Broken copies: each exits 1 naming the file and the line.
sed 's/^agency = /agencyy = /' good.ini > unknown-key.ini
expect_exit 1 program check unknown-key.ini
expect_stderr_line "unknown-key.ini:9: unknown key 'agencyy' in [program]"
expect_stdout_lacks "valid"

# R6.1: the item maxima must add up to 100 (need raised from 10 to 11).
sed '/^\[item need\]/,/^max/ s/^max = 10$/max = 11/' good.ini > maxima.ini
grep -q '^max = 11$' maxima.ini || fail "the sed did not change the need item"
expect_exit 1 program check maxima.ini
grep -E -x -q 'maxima\.ini:[0-9]+: the item maxima add up to 101, not 100' err ||
    fail "program check maxima.ini: no 'maxima.ini:LINE: the item maxima add up to 101, not 100'"
expect_stderr_lines 1

# R9.2: tie_break may name only items.
sed 's/^tie_break = data, kpi, strategy$/tie_break = data, kpi, stratgy/' good.ini > tie.ini
expect_exit 1 program check tie.ini
expect_stderr_line "tie.ini:67: tie_break names 'stratgy', which is not an item"
expect_stderr_lines 1

expect_exit 1 program check missing.ini
expect_stderr_line "simsa: missing.ini: No such file or directory"
expect_exit 2 program check
