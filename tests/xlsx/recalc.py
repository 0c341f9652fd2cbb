#!/usr/bin/python3
"""Recalculate a simsa workbook with LibreOffice and compare the Results sheet with simsa's own
numbers (`simsa rank --csv`).

Every cached formula value in the workbook is first replaced by -999, so a number that comes
out right was computed by LibreOffice from the formulas, not read from the cache. LibreOffice
runs headless with a fresh profile set to recalculate OOXML files on load, and writes the
Results sheet (the first) as CSV; no macro is involved.

usage: recalc.py WORKBOOK RANK_CSV [SOFFICE]   exit 0 when every number agrees"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
# A formula cell as libxlsxwriter writes it: <c ...><f>...</f><v>cached</v></c>
CACHED = re.compile(rb"(<f>[^<]*</f>)<v>[^<]*</v>")


def poison(src, dst):
    """Copy the workbook with every formula's cached value set to -999."""
    n = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data, k = CACHED.subn(rb"\1<v>-999</v>", data)
                n += k
            zout.writestr(item, data)
    return n


def recalculate(book, outdir, soffice):
    profile = os.path.join(outdir, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE)
    # 44 = ',', 34 = '"', 76 = UTF-8, first line 1; values as stored, not as shown; sheet 1
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1"
    subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless",
                    "--convert-to", filt, "--outdir", outdir, book],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600)
    produced = [f for f in os.listdir(outdir) if f.endswith(".csv")]
    if len(produced) != 1:
        sys.exit("recalc: LibreOffice wrote %r" % produced)
    with open(os.path.join(outdir, produced[0]), encoding="utf-8") as f:
        return list(csv.reader(f))


def number(text):
    return Decimal(text) if text != "" else None


def main():
    book, rank_csv = sys.argv[1], sys.argv[2]
    soffice = sys.argv[3] if len(sys.argv) > 3 else "soffice"
    with open(rank_csv, encoding="utf-8") as f:
        expected = list(csv.DictReader(f))
    tmp = tempfile.mkdtemp(prefix="simsa-recalc-")
    try:
        poisoned = os.path.join(tmp, "poisoned.xlsx")
        formulas = poison(book, poisoned)
        if formulas == 0:
            sys.exit("recalc: the workbook has no formulas with cached values")
        rows = recalculate(poisoned, tmp, soffice)
    finally:
        shutil.rmtree(tmp)
    body = rows[1:]
    problems = []
    if len(body) != len(expected):
        problems.append("Results has %d rows, rank --csv %d" % (len(body), len(expected)))
    # Results columns: rank, application, company, supplier, panel, sheets, base, bonus, final
    for got, want in zip(body, expected):
        app = want["app"]
        if got[1] != app:
            problems.append("row of %s holds %s" % (app, got[1]))
            continue
        pairs = [("rank", got[0], want["rank"]), ("sheets", got[5], want["sheets"]),
                 ("base", got[6], want["base"]), ("bonus", got[7], want["bonus"]),
                 ("final", got[8], want["final"])]
        for name, g, w in pairs:
            if number(g) != number(w):
                problems.append("%s %s: LibreOffice computed %r, simsa says %r" % (app, name, g, w))
    for p in problems:
        print("FAIL: " + p)
    if problems:
        return 1
    print("recalc: %d formulas recomputed by LibreOffice; %d Results rows agree with simsa"
          % (formulas, len(body)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
