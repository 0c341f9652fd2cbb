# simsa export under a Korean locale: sheet names, headers and words from the catalogue built from
# po/ko.po (English where it has no translation yet), the program's own texts (title, rubric items,
# documents) in Korean; checked against po/ko.po by tests/xlsx/check_workbook.py --po --korean.
. "$(dirname "$0")/lib.sh"
unset LC_ALL LANGUAGE LC_MESSAGES LANG
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
korean_locale
export LANG=ko_KR.UTF-8

ok demo demo.db
DB=demo.db
ACTOR=김간사 # the demo's secretariat: --as names a person of the call
okd rank --csv
cp out rank.csv
okd export 결과.xlsx
"$PY" "$TESTS/xlsx/check_workbook.py" 결과.xlsx demo.db rank.csv --po "$ROOT/po/ko.po" --korean \
    > check.out 2>&1 || { cat check.out; fail "Korean workbook check"; }
"$PY" - <<'PYEOF' || fail "the program's texts are not in Korean"
import openpyxl
wb = openpyxl.load_workbook("결과.xlsx")
assert wb.properties.title.startswith("2026년 제조 AI 현장 적용 지원 사업"), wb.properties.title
assert "지원 필요성 (10)" in [c.value for c in wb[wb.sheetnames[2]][1]]
PYEOF
