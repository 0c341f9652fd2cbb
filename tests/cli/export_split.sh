# A call of 1,001 applications (issue 18): a judge's score sheets and the notices go on over
# two sheets of a thousand pages each at most, every page its own (Excel allows 1,023 manual
# page breaks a sheet, and 1,048,576 rows: 50,000 applications on one sheet passed both).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
N=1001
new_call
"$PY" - "$N" "$ROOT/bench" <<'PYEOF'
import sys
n = int(sys.argv[1])
sys.dont_write_bytecode = True  # nothing written into the checkout
sys.path.insert(0, sys.argv[2])
from gen import bizno  # business numbers with a valid checksum, as the benchmark makes them
ids = ["2026-%04d" % (i + 1) for i in range(n)]
with open("apps.csv", "w") as f:
    f.write("id,company,biz_no,size,region,factory_region,industry,founded,supplier,"
            "supplier_region,supplier_pools,requested,copay,title,contact_name,contact_email,"
            "received\n")
    for i, a in enumerate(ids):
        f.write('%s,(주)분할%04d,%s,sme,충청북도 청주시,,식품,2010-01-01,(주)공급,충청북도 청주시,'
                'yes,"50,000,000",5000000,과제 %d,담당자,a@example.kr,2026-06-10 10:00\n'
                % (a, i + 1, bizno(i), i + 1))
with open("docs.csv", "w") as f:
    f.write("app,doc,issued\n")
    for a in ids:
        for d in range(1, 8):
            f.write("%s,%d,2026-05-01\n" % (a, d))
with open("scores.csv", "w") as f:
    f.write("app,judge,need,will,data,kpi,strategy,team,fit,cost,amount,opinion\n")
    for i, a in enumerate(ids):
        f.write("%s,j1,8,4,15.5,11,16,4,12,%d,agree,\n" % (a, i % 9))
PYEOF
okd app import apps.csv
okd docs import docs.csv
as 간사 review run
as j1 score import scores.csv
okd export split.xlsx
"$PY" - "$N" <<'PYEOF' || fail "the pages are not split over sheets"
import sys, zipfile, re
n = int(sys.argv[1])
z = zipfile.ZipFile("split.xlsx")
book = z.read("xl/workbook.xml").decode()
rels = z.read("xl/_rels/workbook.xml.rels").decode()
target = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
sheets = [(name, target[rid]) for name, rid in
          re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', book)]
names = [s for s, _ in sheets]
def breaks(name):
    xml = z.read("xl/" + dict(sheets)[name]).decode()
    return len(re.findall(r"<brk ", xml))
papers = [s for s in names if s.startswith("Score sheets j1")]
assert papers == ["Score sheets j1", "Score sheets j1 (2)"], papers
assert [breaks(s) for s in papers] == [999, 0], [breaks(s) for s in papers]
for j in ("j2", "j3", "j4", "j5"):
    assert [s for s in names if s.startswith("Score sheets " + j)] == ["Score sheets " + j], names
notices = [s for s in names if s.startswith("Notices")]
assert notices == ["Notices", "Notices (2)"], notices
assert [breaks(s) for s in notices] == [999, 0], [breaks(s) for s in notices]
PYEOF
"$PY" - "$N" <<'PYEOF' || fail "a page is missing or doubled"
import sys, openpyxl
n = int(sys.argv[1])
wb = openpyxl.load_workbook("split.xlsx", read_only=True)
seen = []
for name in ("Score sheets j1", "Score sheets j1 (2)"):
    for r in wb[name].iter_rows(max_col=1, values_only=True):
        if r[0] and str(r[0]).startswith("Score sheet of j1 for "):
            seen.append(str(r[0]).split()[5])
assert seen == ["2026-%04d" % (i + 1) for i in range(n)], (len(seen), seen[:3], seen[-3:])
PYEOF
