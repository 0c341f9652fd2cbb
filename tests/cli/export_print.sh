# The printed workbook (issue 16): a judge's signed sheet with Hangul per-item comments shows
# them unchanged on the Scores sheet and on the judge's score sheet, with the signature's key id
# and the time in Korea time (the day after, UTC+9); the Korean workbook names record kinds and
# bonuses in Korean and tie reasons by the items' Korean names. The page setup of every sheet
# is checked by tests/xlsx/check_workbook.py (export.sh, export_ko.sh, export_ties.sh).
. "$(dirname "$0")/lib.sh"
unset LC_ALL LANGUAGE LC_MESSAGES LANG
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
printf 'simsa-demo\n' > "$PW"
export SIMSA_NOW=2026-07-01T09:00:00Z

ok demo demo.db
DB=demo.db
ACTOR=김간사 # the demo's secretariat: --as names a person of the call
# 윤지아 scores 2026-012 at 20:30 UTC, which is 05:30 the next day in Korea.
{
    echo "$SCORE_HEADER,comment_need,comment_cost"
    echo "2026-012,윤지아,8,4,15.5,11,16,4,12,8,agree,종합 의견입니다,\"근거 자료, 충분함 & 구체적\",\"예산 산정 \"\"적정\"\"\""
} > mine.csv
SIMSA_NOW=2026-07-01T20:30:00Z okd --as 윤지아 --passphrase-file "$PW" score import mine.csv
expect_equal "$(sql "select count(*) from sheet s join person p on p.id = s.judge_id
    where s.app_id = '2026-012' and p.name = '윤지아' and s.signed_text like '%근거 자료, 충분함 & 구체적%'")" 1 \
    "the comment is in the signed text"
okd rank --csv
cp out rank.csv
okd export print.xlsx
"$PY" "$TESTS/xlsx/check_workbook.py" print.xlsx demo.db rank.csv > check.out 2>&1 ||
    { cat check.out; fail "workbook check"; }
"$PY" - <<'PYEOF' || fail "the comments are not in the workbook unchanged"
import openpyxl
wb = openpyxl.load_workbook("print.xlsx", read_only=True)
ws = wb["Scores"]
head = [c for c in next(ws.iter_rows(max_row=1, values_only=True))]
col = head.index("item comments")
rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "2026-012" and r[1] == "윤지아"]
assert len(rows) == 1, rows
assert rows[0][col] == 'Need for support: 근거 자료, 충분함 & 구체적\nProject cost: 예산 산정 "적정"', rows[0][col]
paper = [r for r in wb["Score sheets 윤지아"].iter_rows(values_only=True)]
start = [n for n, r in enumerate(paper) if r[0] and "2026-012" in str(r[0])][0]
page = paper[start:start + 25]
comments = [r[3] for r in page if r[3] and r[0] != "item"]
assert comments == ['근거 자료, 충분함 & 구체적', '예산 산정 "적정"'], comments
fields = {r[0]: r[1] for r in page if r[0]}
assert fields["signed at (Korea time)"] == "2026-07-02 05:30:00 KST", fields
assert fields["overall opinion"] == "종합 의견입니다", fields
assert fields["amount vote"] == "agree", fields
assert fields["signed by"] == "윤지아", fields
assert "handwritten signature" in fields, fields
PYEOF
# The key id on the paper is the key the sheet was signed with (the integrity sheet's).
"$PY" - <<'PYEOF' || fail "the key id on the paper is not the signature's"
import openpyxl
wb = openpyxl.load_workbook("print.xlsx", read_only=True)
keys = {r[0]: r[2] for r in wb["Integrity"].iter_rows(values_only=True) if r[0]}
paper = [r for r in wb["Score sheets 윤지아"].iter_rows(values_only=True)]
start = [n for n, r in enumerate(paper) if r[0] and "2026-012" in str(r[0])][0]
fields = {r[0]: r[1] for r in paper[start:start + 25] if r[0]}
assert fields["signature key id"] == keys["sheet 2026-012/윤지아"], (fields, keys.get("sheet 2026-012/윤지아"))
PYEOF

# In Korean: the same comment unchanged, the record kinds and bonuses in Korean words.
korean_locale
(
    export LANG=ko_KR.UTF-8
    okd rank --csv
    cp out rank-ko.csv
    okd export 인쇄.xlsx
    "$PY" "$TESTS/xlsx/check_workbook.py" 인쇄.xlsx demo.db rank-ko.csv --po "$ROOT/po/ko.po" \
        --korean > check.out 2>&1 || { cat check.out; fail "Korean workbook check"; }
) || exit 1
"$PY" - <<'PYEOF' || fail "English words in the Korean workbook"
import openpyxl
wb = openpyxl.load_workbook("인쇄.xlsx", read_only=True)
scores = wb["평가 점수"]
head = list(next(scores.iter_rows(max_row=1, values_only=True)))
col = head.index("항목별 의견")
row = [r for r in scores.iter_rows(min_row=2, values_only=True) if r[0] == "2026-012" and r[1] == "윤지아"][0]
assert row[col] == '지원 필요성: 근거 자료, 충분함 & 구체적\n사업비: 예산 산정 "적정"', row[col]
records = [r[0] for r in wb["무결성"].iter_rows(values_only=True) if r[0]]
for english in ("review ", "sheet ", "bonus ", "conflict ", "inspection ", "audit head ",
                "budget change ", "local_supplier", "ax_cert"):
    assert not any(english in str(r) for r in records), (english, [r for r in records if english in str(r)][:3])
assert "가점 2026-001/컨소시엄 공급기업이 충북 내 지역 기업" in records, [r for r in records if r.startswith("가점")]
assert "평가표 2026-012/윤지아" in records
results = wb["선정 결과"]
reasons = [r[13] for r in results.iter_rows(min_row=2, values_only=True) if r[13]]
ties = [r for r in reasons if r.startswith("동점")]
assert ties and all("data" not in r and "kpi" not in r and "strategy" not in r for r in ties), ties
assert "데이터 확보" in ties[0], ties[0]
PYEOF

# Each applicant's printed notice carries the notification's own words (R12.4): no rule id,
# no running budget, no judge's name.
"$PY" - print.xlsx <<'PYEOF' || fail "the printed notices"
import re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Notices"]
texts = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
assert any(t.startswith("Dear ") for t in texts), "no notification text on the notices"
for t in texts:
    assert not re.search(r"\bR[0-9]+(\.[0-9]+)?\b", t), t[:200]
    assert "used" not in t and "250,000,000" not in t, t[:200]
    for judge in ("강민준", "김서연", "윤지아"):
        assert judge not in t, t[:200]
PYEOF
echo "export_print: ok"
