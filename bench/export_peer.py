#!/usr/bin/python3
"""The export's peer for `make bench`: the cells of simsa's workbook (CELLS.json, taken from it by
bench.py) written again with Python XlsxWriter, as a secretariat's script would write them.

    export_peer.py CELLS.json OUT.xlsx     prints the seconds the writing took

Only the writing is timed (from the first worksheet to the closed file): reading the cells is
not part of the work being compared."""

import json
import sys
import time

import xlsxwriter


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        sheets = json.load(f)
    start = time.perf_counter()
    wb = xlsxwriter.Workbook(sys.argv[2])
    for title, cells in sheets:
        ws = wb.add_worksheet(title)
        for row, col, value in cells:
            ws.write(row, col, value)  # numbers, text, and "=..." as formulas
    wb.close()
    print("%.4f" % (time.perf_counter() - start))


if __name__ == "__main__":
    main()
