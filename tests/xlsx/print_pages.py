#!/usr/bin/python3
"""Check a workbook's PDF as LibreOffice prints it (make check-full, tests/xlsx/print.sh).

usage: print_pages.py FILE.pdf N_APPS N_SHEETS [--max-results-pages N] [--png DIR PREFIX]

Each page's header names its sheet at the left (reports/book.c, sheet_print); this reads the
pages with pdftotext and pdfinfo (poppler-utils) and checks: the results and the results
summary on at most N landscape pages, every page of them starting with the header row, the
chart alone on one page, one notice per applicant per page, one score sheet per page, and
each table sheet fitting on few pages. Prints the page count of every sheet."""
import argparse
import re
import subprocess
import sys
from collections import OrderedDict

PROBLEMS = []


def problem(text):
    PROBLEMS.append(text)


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], check=True,
                          capture_output=True, text=True).stdout
    sizes = [tuple(map(float, m)) for m in
             re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    if len(pages) != len(sizes):
        problem("pdftotext found %d pages, pdfinfo %d" % (len(pages), len(sizes)))
    return [(p, s) for p, s in zip(pages, sizes)]


def sheet_of(page):
    lines = [l for l in page.splitlines() if l.strip()]
    return re.split(r"\s{2,}", lines[0].strip())[0] if lines else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("apps", type=int)
    ap.add_argument("sheets", type=int)
    ap.add_argument("--max-results-pages", type=int, default=1)
    args = ap.parse_args()
    pages = pages_of(args.pdf)
    by_sheet = OrderedDict()
    for n, (text, size) in enumerate(pages, start=1):
        by_sheet.setdefault(sheet_of(text), []).append((n, text, size))
    for name, ps in by_sheet.items():
        print("%-28s %3d page(s)%s" % (name, len(ps),
                                      "" if all(s[0] > s[1] for _, _, s in ps) else " portrait"))

    def sheet(name):
        ps = by_sheet.get(name)
        if not ps:
            problem("no page of sheet %r (sheets: %s)" % (name, ", ".join(by_sheet)))
        return ps or []

    for name, head in (("Results", "rank"), ("Results summary", "rank")):
        ps = sheet(name)
        if len(ps) > args.max_results_pages:
            problem("%s: %d pages, at most %d" % (name, len(ps), args.max_results_pages))
        for n, text, size in ps:
            if size[0] <= size[1]:
                problem("%s: page %d is not landscape" % (name, n))
            body = [l for l in text.splitlines() if l.strip()][1:]
            # the summary's first page has its title above the header row
            top = body[:2] if name == "Results summary" and n == ps[0][0] else body[:1]
            if not any(re.match(r"\s*" + head + r"\s+application", l) for l in top):
                problem("%s: page %d does not start with the header row: %r" %
                        (name, n, body[:1]))
    summary = "".join(t for _, t, _ in sheet("Results summary"))
    if "committee member" not in summary or "signature" not in summary:
        problem("Results summary: no committee signature boxes")
    chart = sheet("Chart")
    if len(chart) != 1:
        problem("Chart: %d pages, expected the chart alone on one" % len(chart))
    notices = sheet("Notices")
    if len(notices) != args.apps:
        problem("Notices: %d pages for %d applicants" % (len(notices), args.apps))
    for n, text, _ in notices:
        if text.count("Notice of the evaluation result") != 1 or \
                len(re.findall(r"^\s*application\s+\S+", text, re.M)) != 1:
            problem("Notices: page %d does not hold exactly one applicant" % n)
    papers = [p for name, ps in by_sheet.items() if name.startswith("Score sheets ") for p in ps]
    if len(papers) != args.sheets:
        problem("Score sheets: %d pages for %d sheets" % (len(papers), args.sheets))
    for n, text, _ in papers:
        if text.count("handwritten signature") != 1:
            problem("Score sheets: page %d does not hold exactly one sheet" % n)
    for name in ("Scores", "Item means", "Amounts", "Notification", "Calibration"):
        ps = sheet(name)
        # one page wide: a page per ~25 rows at most, never a page of a few columns
        rows = {"Scores": args.sheets, "Calibration": 10}.get(name, args.apps)
        if len(ps) > 1 + rows // 20:
            problem("%s: %d pages for %d rows" % (name, len(ps), rows))
    for p in PROBLEMS:
        print("FAIL: " + p)
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
