#!/usr/bin/python3
"""The export's peer for `make bench`: simsa's workbook written again with Python XlsxWriter,
doing the same work a secretariat's script would: the same cells (numbers, inline strings,
formulas with their cached values, merged ranges, blanks with a format), the same cell formats,
column widths, row heights, frozen panes and autofilters, with constant_memory (rows streamed
to temporary files, as simsa writes them). Its input is BOOK.cells (bench/xlsx_cells.py, taken
from simsa's workbook); the whole process is timed, reading the cells included, as simsa's
export is timed reading its database.

    export_peer.py BOOK.cells OUT.xlsx"""

import sys

import xlsxwriter

BORDER_KEYS = ("left", "right", "top", "bottom")


def unesc(s):
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append("\t" if nxt == "t" else "\n" if nxt == "n" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def format_props(fields):
    props = {}
    for kv in fields:
        k, v = kv.split("=", 1)
        if k == "num":
            props["num_format"] = unesc(v)
        elif k == "bold":
            props["bold"] = True
        elif k == "size":
            props["font_size"] = float(v)
        elif k == "color":
            props["font_color"] = "#" + v
        elif k == "bg":
            props["bg_color"] = "#" + v
        elif k in BORDER_KEYS:
            props[k] = int(v)
        elif k == "bottom_color":
            props["bottom_color"] = "#" + v
        elif k == "wrap":
            props["text_wrap"] = True
        elif k == "valign":
            props["valign"] = v
    return props


def main():
    wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
    fmts = {0: None}
    ws = None
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            k = p[0]
            if k == "s":
                ws.write_string(int(p[1]), int(p[2]), unesc(p[4]), fmts[int(p[3])])
            elif k == "n":
                ws.write_number(int(p[1]), int(p[2]), float(p[4]), fmts[int(p[3])])
            elif k == "f":
                ws.write_formula(int(p[1]), int(p[2]), "=" + unesc(p[5]), fmts[int(p[3])],
                                 float(p[4]))
            elif k == "b":
                ws.write_blank(int(p[1]), int(p[2]), None, fmts[int(p[3])])
            elif k == "m":
                ws.merge_range(int(p[1]), int(p[2]), int(p[3]), int(p[4]), unesc(p[6]),
                               fmts[int(p[5])])
            elif k == "H":
                ws.set_row(int(p[1]), float(p[2]))
            elif k == "W":
                ws = wb.add_worksheet(unesc(p[1]))
            elif k == "C":
                ws.set_column(int(p[1]), int(p[2]), float(p[3]))
            elif k == "Z":
                ws.freeze_panes(int(p[1]), int(p[2]))
            elif k == "A":
                ws.autofilter(int(p[1]), int(p[2]), int(p[3]), int(p[4]))
            elif k == "F":
                fmts[int(p[1])] = wb.add_format(format_props(p[2:]))
    wb.close()


if __name__ == "__main__":
    main()
