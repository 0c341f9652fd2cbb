# The workbook recalculated by LibreOffice (make check-full): with every cached value poisoned,
# the Results columns LibreOffice computes from the formulas (rank, sheets, official base,
# bonus, final) must equal simsa's own numbers, for the demo call, for the call with the trimmed
# mean, rounding edges and ties (ties-call.sh), and after a forfeit and a committee's order.
. "$(dirname "$0")/../cli/lib.sh"
. "$TESTS/xlsx/ties-call.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
SOFFICE=${SOFFICE:-soffice}

# recalc NAME: export, then LibreOffice against rank --csv as it is now.
recalc() {
    okd rank --csv
    cp out "$1.csv"
    okd export "$1.xlsx"
    "$PY" "$TESTS/xlsx/recalc.py" "$1.xlsx" "$1.csv" "$SOFFICE" > recalc.out 2>&1 ||
        { cat recalc.out; fail "LibreOffice recalculation ($1)"; }
    cat recalc.out
}

ok demo demo.db
DB=demo.db
recalc demo
printf 'simsa-demo\n' > demo-pw
expect_exit 0 -d demo.db --as 김간사 --passphrase-file demo-pw tie resolve 2026-007 2026-002 \
    --reason "위원회 협의"
expect_exit 0 -d demo.db --as 김간사 --passphrase-file demo-pw forfeit 2026-001 --reason "협약 포기"
recalc demo-resolved

DB=ties.db
ties_call
recalc ties
as 간사 forfeit 2026-402 --reason "협약 포기"
recalc ties-forfeit

# Under a Korean locale the formulas name the sheets in Korean ('평가 점수'!$K$2:$K$6).
if ! locale -a 2>/dev/null | grep -qix 'ko_KR\.utf-\{0,1\}8'; then
    mkdir -p locales
    localedef -i ko_KR -f UTF-8 "$PWD/locales/ko_KR.UTF-8" > localedef.log 2>&1 ||
        fail "no ko_KR.UTF-8 locale and localedef could not make one: $(cat localedef.log)"
    export LOCPATH="$PWD/locales"
fi
(export LC_ALL=ko_KR.UTF-8 && recalc ties-ko)
