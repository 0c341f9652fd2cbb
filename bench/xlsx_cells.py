#!/usr/bin/python3
"""simsa's workbook as the export peers' input (`make bench`; not timed).

    xlsx_cells.py BOOK.xlsx OUT.cells     prints the number of cells

Reads the workbook's XML (formats from styles.xml, every worksheet's cells in row order) and
writes one line per item, tab-separated, text escaped (\\t, \\n, \\\\):
    F ID KEY=VALUE...          a cell format (num, bold, size, color, bg, left, right, top,
                               bottom, bottom_color, wrap, valign)
    W NAME                     a worksheet
    C FIRST LAST WIDTH         a column width
    Z ROW COL                  frozen panes
    A R1 C1 R2 C2              the autofilter
    H ROW HEIGHT               a row's height (before its cells)
    n ROW COL FMT VALUE        a number
    s ROW COL FMT TEXT         a string
    f ROW COL FMT CACHED TEXT  a formula and its cached value
    b ROW COL FMT              a blank cell with a format
    m R1 C1 R2 C2 FMT TEXT     a merged range (its other cells are not listed)
FMT is the format's ID, 0 for none. Chart sheets and charts are left out (a fixed, small cost)."""

import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
BUILTIN_NUM = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "m/d/yy",
               49: "@"}
BORDERS = {"thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5, "double": 6, "hair": 7}


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def cell_ref(ref):
    m = re.match(r"\$?([A-Z]+)\$?(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def rgb(el):
    if el is None or el.get("rgb") is None:
        return None
    return "%06X" % (int(el.get("rgb"), 16) & 0xFFFFFF)


def formats(z, out):
    """The cellXfs as F lines; the number of formats."""
    st = ET.fromstring(z.read("xl/styles.xml"))
    nums = dict(BUILTIN_NUM)
    for nf in st.iter(NS + "numFmt"):
        nums[int(nf.get("numFmtId"))] = nf.get("formatCode")
    fonts = []
    for f in st.find(NS + "fonts"):
        sz = f.find(NS + "sz")
        fonts.append({"bold": f.find(NS + "b") is not None,
                      "size": float(sz.get("val")) if sz is not None else 11.0,
                      "color": rgb(f.find(NS + "color"))})
    fills = []
    for f in st.find(NS + "fills"):
        p = f.find(NS + "patternFill")
        fills.append(rgb(p.find(NS + "fgColor")) if p is not None and
                     p.get("patternType") == "solid" else None)
    borders = []
    for b in st.find(NS + "borders"):
        d = {}
        for side in ("left", "right", "top", "bottom"):
            e = b.find(NS + side)
            if e is not None and e.get("style") in BORDERS:
                d[side] = BORDERS[e.get("style")]
                if side == "bottom" and rgb(e.find(NS + "color")):
                    d["bottom_color"] = rgb(e.find(NS + "color"))
        borders.append(d)
    xfs = list(st.find(NS + "cellXfs"))
    for i, xf in enumerate(xfs):
        if i == 0:
            continue
        props = []
        num = int(xf.get("numFmtId", "0"))
        if num:
            props.append("num=" + esc(nums[num]))
        font = fonts[int(xf.get("fontId", "0"))]
        if font["bold"]:
            props.append("bold=1")
        if font["size"] != 11.0:
            props.append("size=%g" % font["size"])
        if font["color"]:
            props.append("color=" + font["color"])
        if fills[int(xf.get("fillId", "0"))]:
            props.append("bg=" + fills[int(xf.get("fillId", "0"))])
        for k, v in borders[int(xf.get("borderId", "0"))].items():
            props.append("%s=%s" % (k, v))
        al = xf.find(NS + "alignment")
        if al is not None:
            if al.get("wrapText") == "1":
                props.append("wrap=1")
            if al.get("vertical") == "top":
                props.append("valign=top")
        out.write("F\t%d\t%s\n" % (i, "\t".join(props)))
    return len(xfs)


def sheet_paths(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    for s in wb.iter(NS + "sheet"):
        t = target[s.get(REL + "id")]
        if t.startswith("worksheets/"):
            yield s.get("name"), "xl/" + t


def sheet_cells(z, name, path, out):
    out.write("W\t%s\n" % esc(name))
    n = 0
    merges = {}
    covered = set()
    # The merged ranges are at the end of the sheet's XML: read them first.
    with z.open(path) as f:
        for _, el in ET.iterparse(f):
            if el.tag == NS + "mergeCell":
                a, b = el.get("ref").split(":")
                (r1, c1), (r2, c2) = cell_ref(a), cell_ref(b)
                merges[(r1, c1)] = (r2, c2)
                for r in range(r1, r2 + 1):
                    for c in range(c1, c2 + 1):
                        if (r, c) != (r1, c1):
                            covered.add((r, c))
            elif el.tag == NS + "row":
                el.clear()
    with z.open(path) as f:
        for ev, el in ET.iterparse(f, events=("start", "end")):
            if ev == "start":
                if el.tag == NS + "row" and el.get("customHeight") == "1":
                    out.write("H\t%d\t%s\n" % (int(el.get("r")) - 1, el.get("ht")))
                continue
            tag = el.tag
            if tag == NS + "c":
                r, c = cell_ref(el.get("r"))
                s = int(el.get("s", "0"))
                t = el.get("t")
                fe, ve = el.find(NS + "f"), el.find(NS + "v")
                if (r, c) in covered:
                    pass
                elif (r, c) in merges:
                    r2, c2 = merges[(r, c)]
                    text = "".join(el.itertext()) if t == "inlineStr" else (ve.text if ve is not
                                                                            None else "")
                    out.write("m\t%d\t%d\t%d\t%d\t%d\t%s\n" % (r, c, r2, c2, s, esc(text or "")))
                    n += 1
                elif fe is not None:
                    out.write("f\t%d\t%d\t%d\t%s\t%s\n" % (r, c, s, ve.text if ve is not None
                                                          else "0", esc(fe.text)))
                    n += 1
                elif t == "inlineStr":
                    out.write("s\t%d\t%d\t%d\t%s\n" % (r, c, s, esc("".join(el.itertext()))))
                    n += 1
                elif ve is not None:
                    out.write("n\t%d\t%d\t%d\t%s\n" % (r, c, s, ve.text))
                    n += 1
                elif s:
                    out.write("b\t%d\t%d\t%d\n" % (r, c, s))
                    n += 1
                el.clear()
            elif tag == NS + "row":
                el.clear()
            elif tag == NS + "col" and el.get("width"):
                # Excel stores the width with its padding (about 0.71 of a digit for Calibri 11).
                out.write("C\t%d\t%d\t%.2f\n" % (int(el.get("min")) - 1, int(el.get("max")) - 1,
                                                 max(0.0, float(el.get("width")) - 0.71)))
            elif tag == NS + "pane" and el.get("state") == "frozen":
                out.write("Z\t%d\t%d\n" % (int(float(el.get("ySplit", "0"))),
                                           int(float(el.get("xSplit", "0")))))
            elif tag == NS + "autoFilter":
                a, b = el.get("ref").split(":")
                (r1, c1), (r2, c2) = cell_ref(a), cell_ref(b)
                out.write("A\t%d\t%d\t%d\t%d\n" % (r1, c1, r2, c2))
    return n


def main():
    n = 0
    with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "w", encoding="utf-8") as out:
        formats(z, out)
        for name, path in sheet_paths(z):
            n += sheet_cells(z, name, path, out)
    print(n)


if __name__ == "__main__":
    main()
