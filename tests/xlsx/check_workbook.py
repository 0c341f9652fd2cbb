#!/usr/bin/python3
"""Check a workbook written by `simsa export` against the database it came from and against
`simsa rank --csv`, independently of simsa's code: every sheet's name, headers and values.

usage: check_workbook.py WORKBOOK DATABASE RANK_CSV [--po FILE.po] [--names FILE.json]
                         [--korean]

Sheet names, headers and words are simsa's English messages; --po reads their translations
from a gettext catalogue (e.g. po/ko.po) and --names from a JSON object {"English": "other"},
for a workbook written in another locale. --korean expects the program's own texts (title,
rubric items, documents) in Korean. Exit 0 when everything agrees; each problem is printed."""
import argparse
import configparser
import datetime
import json
import math
import re
import sqlite3
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal, getcontext
from fractions import Fraction

import openpyxl

getcontext().prec = 50
PROBLEMS = []
CATALOGUE = {}


def T(msgid):
    """A message as the workbook should show it."""
    return CATALOGUE.get(msgid, msgid)


def problem(text):
    PROBLEMS.append(text)


def expect(got, want, where):
    if got != want:
        problem("%s: got %r, expected %r" % (where, got, want))


def read_po(path):
    """msgid -> msgstr of a .po file (singular messages, not fuzzy, translated)."""
    out, entry, key, fuzzy = {}, {}, None, False

    def flush():
        if entry.get("msgid") and entry.get("msgstr") and not fuzzy:
            out[entry["msgid"]] = entry["msgstr"]

    def unquote(s):
        return json.loads(s)

    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            flush()
            entry, key, fuzzy = {}, None, False
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            key = "msgid"
            entry[key] = unquote(line[6:])
        elif line.startswith("msgstr "):
            key = "msgstr"
            entry[key] = unquote(line[7:])
        elif line.startswith('"') and key:
            entry[key] += unquote(line)
        elif line.startswith("msgid_plural") or line.startswith("msgstr["):
            key = None
    flush()
    return out


# ---- the program definition stored in the database ----

def program_of(db):
    text = db.execute("SELECT source FROM program").fetchone()[0]
    ini = configparser.ConfigParser(comment_prefixes=(";",), inline_comment_prefixes=None,
                                    interpolation=None)
    ini.optionxform = str
    ini.read_string(text)
    p = {"items": [], "docs": [], "dqs": []}
    for name in ini.sections():
        sec = ini[name]
        if name.startswith("item "):
            p["items"].append({"id": name[5:], "ko": sec["name_ko"], "en": sec["name_en"],
                               "max": Decimal(sec["max"])})
        elif name.startswith("document "):
            p["docs"].append({"n": int(name[9:]), "ko": " ".join(sec["name_ko"].split()),
                              "en": " ".join(sec["name_en"].split()),
                              "required": sec["required"] == "yes",
                              "exempt": sec.get("startup_exempt", "no") == "yes"})
        elif name.startswith("disqualifier "):
            p["dqs"].append(name[13:])
    prog, pol = ini["program"], ini["policy"]
    p.update(id=prog["id"], title_ko=prog["title_ko"], title_en=prog["title_en"],
             agency=prog["agency"], announced=date(prog["announced"]),
             deadline=date(prog["deadline"][:10]),
             issued_after=date(prog["docs_issued_after"]),
             decimals=int(pol.get("decimals", "2")),
             threshold=Decimal(pol.get("threshold", "70")),
             tie_break=[t.strip() for t in pol.get("tie_break", "").split(",") if t.strip()],
             advance=int(ini["amounts"]["advance_payment"].replace(",", "")),
             startup_years=int(ini["eligibility"].get("startup_years", "2")))
    return p


def date(text):
    return datetime.date.fromisoformat(text.strip().replace(".", "-"))


def lang(args, ko, en):
    return ko if args.korean or not en else en


# ---- the database ----

class Call:
    def __init__(self, path):
        db = sqlite3.connect(path)
        self.db = db
        self.p = program_of(db)
        self.people = db.execute("SELECT id, name, role FROM person ORDER BY id").fetchall()
        self.name = {i: n for i, n, _ in self.people}
        self.judges = [(i, n) for i, n, r in self.people if r == "judge"]
        self.panels = dict(db.execute("SELECT id, name FROM panel"))
        self.panel_judges = {}
        for panel, person in db.execute("SELECT panel_id, person_id FROM panel_judge"):
            self.panel_judges.setdefault(panel, set()).add(person)
        cols = ("id company supplier requested copay contact_name contact_email founded "
                "panel_id region factory_region industry size supplier_pools").split()
        self.apps = {r[0]: dict(zip(cols, r)) for r in db.execute(
            "SELECT %s FROM application ORDER BY id" % ", ".join(cols))}
        self.conflicts = set(db.execute("SELECT app_id, judge_id FROM conflict"))
        self.sheets = []
        for sid, app, judge, opinion, tr, by, at in db.execute(
                "SELECT id, app_id, judge_id, opinion, transcribed, submitted_by, submitted_at "
                "FROM sheet ORDER BY app_id, id"):
            items, comments = {}, {}
            for item, tenths, comment in db.execute(
                    "SELECT item, tenths, comment FROM sheet_item WHERE sheet_id = ?", (sid,)):
                items[item], comments[item] = tenths, comment
            agree, amount = db.execute("SELECT agree, amount FROM amount_vote WHERE sheet_id = ?",
                                       (sid,)).fetchone()
            self.sheets.append(dict(id=sid, app=app, judge=judge, opinion=opinion,
                                    transcribed=bool(tr), by=by, at=at, agree=bool(agree),
                                    amount=amount,
                                    items=[items[i["id"]] for i in self.p["items"]],
                                    comments=[comments[i["id"]] for i in self.p["items"]]))
        self.forfeited = {r[0] for r in db.execute("SELECT app_id FROM forfeit")}

    def on_panel(self, app, judge):
        panel = self.apps[app]["panel_id"]
        if panel is None:
            return judge in {i for i, _ in self.judges}
        return judge in self.panel_judges.get(panel, set())

    def counted(self, s):
        return self.on_panel(s["app"], s["judge"]) and (s["app"], s["judge"]) not in self.conflicts

    def review(self, app):
        row = self.db.execute("SELECT passed FROM review WHERE app_id = ? ORDER BY id DESC "
                              "LIMIT 1", (app,)).fetchone()
        return None if row is None else bool(row[0])

    def workbook_order(self):
        """Sheets as the Scores sheet lists them: by application, counted ones first."""
        out = []
        for app in self.apps:
            mine = [s for s in self.sheets if s["app"] == app]
            out += [s for s in mine if self.counted(s)] + [s for s in mine if not self.counted(s)]
        return out


# ---- helpers ----

def rows_of(ws, first=2):
    out = []
    for row in ws.iter_rows(min_row=first, values_only=True):
        if all(v is None for v in row):
            break
        out.append(list(row))
    return out


def header_of(ws, row=1):
    cells = [c.value for c in ws[row]]
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def dec(value):
    return None if value is None else Decimal(repr(value)) if isinstance(value, float) \
        else Decimal(value)


def scaled(text):
    return None if text in ("", None) else Decimal(text)


def hundredths(fraction):
    """A fraction rounded half up to hundredths, as Decimal."""
    return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)


def width(text):
    """Display columns: Hangul and other wide characters count 2."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def plain(d):
    """A Decimal as people write it: 70, 7.5 (never 7E+1)."""
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def sheet_name(name):
    name = re.sub(r"[\[\]:*?/\\]", "_", name)
    return name[:31]


# ---- the sheets ----

RESULTS = ["rank", "application", "demand company", "supplier", "panel", "sheets",
           "official base", "bonus", "final", "band", "outcome", "requested", "amount", "reason"]


def check_results(args, wb, wbf, call, ranked):
    p = call.p
    ws, wf = wb[T("Results")], wbf[T("Results")]
    items = {i["id"]: i for i in p["items"]}
    want = [T(h) for h in RESULTS] + \
        [T("mean of %s (R9.2)") % lang(args, items[t]["ko"], items[t]["en"])
         for t in p["tie_break"]] + [T("order set by the committee (R9.3)")]
    expect(header_of(ws), want, "Results header")
    rows = rows_of(ws)
    expect(len(rows), len(ranked), "Results rows")
    for n, (row, r) in enumerate(zip(rows, ranked), start=2):
        app = call.apps.get(r["app"], {})
        where = "Results row %d (%s)" % (n, r["app"])
        expect(row[1], r["app"], where + " application")
        expect(row[2], r["company"], where + " company")
        expect(row[3], app.get("supplier"), where + " supplier")
        expect(row[4], call.panels.get(app.get("panel_id")), where + " panel")
        expect(row[0], int(r["rank"]) if r["rank"] else None, where + " rank")
        expect(row[5], int(r["sheets"]), where + " sheets")
        for col, key in ((6, "base"), (7, "bonus"), (8, "final")):
            expect(dec(row[col]), scaled(r[key]), where + " " + key)
        expect(row[9], T(r["band"]), where + " band")
        expect(row[10], T(r["outcome"]), where + " outcome")
        expect(row[11], int(r["requested"]), where + " requested")
        expect(row[12], int(r["amount"]) if r["amount"] else None, where + " amount")
        expect(row[13], r["reason"] or None, where + " reason")
        f = [c.value for c in wf[n]]
        if r["base"]:
            if not (str(f[6]).startswith("=ROUND(") or str(f[6]).startswith("=IF(COUNT(")):
                problem(where + ": base is not a formula: %r" % f[6])
            if not str(f[8]).startswith("=ROUND("):
                problem(where + ": final is not a formula: %r" % f[8])
        if r["rank"] and not str(f[0]).startswith("=RANK("):
            problem(where + ": rank is not a formula: %r" % f[0])
        expect(wf.cell(n, 12).number_format, "#,##0", where + " money format")
        if r["base"]:
            expect(wf.cell(n, 7).number_format, "0." + "0" * p["decimals"] if p["decimals"]
                   else "0", where + " score format")
    expect(wf.freeze_panes, "C2", "Results freeze panes")
    if not (wf.auto_filter.ref or "").startswith("A1:"):
        problem("Results: no autofilter on the header row (%r)" % wf.auto_filter.ref)
    rules = [rule for cf in wf.conditional_formatting for rule in cf.rules]
    threshold = plain(p["threshold"])
    if not any(any(threshold in f for f in rule.formula) for rule in rules):
        problem("Results: no conditional format marks the threshold %s" % threshold)
    widest = max([width(r["company"]) for r in ranked] + [0])
    if wf.column_dimensions["C"].width < widest:
        problem("Results: column C is %.1f wide, narrower than %d" %
                (wf.column_dimensions["C"].width, widest))


def check_chart(args, wb, path, ranked, call):
    ws = wb[T("Chart")]
    expect(header_of(ws), [T("rank order"), T("application"), T("final"), T("threshold"),
                           T("budget used"), None, T("budget line")], "Chart header")
    results = [r for r in ranked if r["final"]]
    want = [(n, r["app"], scaled(r["final"]), call.p["threshold"])
            for n, r in enumerate(results, start=1)]
    rows = rows_of(ws)
    got = [(row[0], row[1], dec(row[2]), dec(row[3])) for row in rows]
    if not want:
        expect(got, [(T("no application has a result yet"), None, None, None)],
               "Chart without data")
    else:
        expect(got, want, "Chart data")
        # the budget used: the selected amounts added up in rank order (R11)
        used, want_used = 0, []
        for r in ranked:
            if r["outcome"] == "selected" and r["amount"]:
                used += int(r["amount"])
            if r["final"]:
                want_used.append(used)
        expect([row[4] for row in rows], want_used, "Chart budget used")
        selected = [n for n, r in enumerate(results, start=1) if r["outcome"] == "selected"]
        if selected:
            expect(rows[0][6], selected[-1] + 0.5, "Chart budget line after the last selected")
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        if len(charts) != (1 if want else 0):
            problem("expected %d chart(s), found %r" % (1 if want else 0, charts))
        elif want:
            xml = z.read(charts[0]).decode("utf-8")
            series = xml.count("<c:ser>")
            if "scatterChart" not in xml or series not in (2, 3):
                problem("the chart is not a scatter chart of scores, threshold (and budget)")
            if any(r["outcome"] == "selected" for r in ranked) and series != 3:
                problem("the chart has no budget line")


def check_scores(args, wb, wbf, call):
    p = call.p
    ws = wb[T("Scores")]
    items = [lang(args, i["ko"], i["en"]) + " (%s)" % plain(i["max"]) for i in p["items"]]
    tail = ["total", "amount", "opinion", "item comments", "submitted at", "signed by",
            "transcribed", "counted",
            "deviation from the other judges", "far from the panel", "signature"]
    expect(header_of(ws), [T("application"), T("judge")] + items + [T(t) for t in tail],
           "Scores header")
    rows = rows_of(ws)
    order = call.workbook_order()
    expect(len(rows), len(order), "Scores rows (one per sheet)")
    k = len(items)
    for n, (row, s) in enumerate(zip(rows, order), start=2):
        where = "Scores row %d (%s/%s)" % (n, s["app"], call.name[s["judge"]])
        expect(row[0], s["app"], where + " application")
        expect(row[1], call.name[s["judge"]], where + " judge")
        expect([dec(v) for v in row[2:2 + k]], [Decimal(t) / 10 for t in s["items"]],
               where + " items")
        expect(dec(row[2 + k]), Decimal(sum(s["items"])) / 10, where + " total")
        expect(row[3 + k], T("agree") if s["agree"] else s["amount"], where + " amount")
        expect(row[4 + k], s["opinion"] or None, where + " opinion")
        comments = ["%s: %s" % (lang(args, i["ko"], i["en"]), c)
                    for i, c in zip(p["items"], s["comments"]) if c]
        expect(row[5 + k], "\n".join(comments) or None, where + " item comments")
        expect(row[6 + k], s["at"], where + " submitted at")
        expect(row[7 + k], call.name[s["by"]], where + " signed by")
        expect(row[8 + k], T("yes") if s["transcribed"] else None, where + " transcribed")
        if call.counted(s):
            expect(row[9 + k], T("yes"), where + " counted")
        elif not str(row[9 + k]).startswith(T("not counted")):
            problem(where + ": counted says %r" % row[9 + k])
        expect(row[12 + k], T("verified"), where + " signature")
        if not str(wbf[T("Scores")].cell(n, 3 + k).value).startswith("=SUM("):
            problem(where + ": total is not a formula")


def check_item_means(args, wb, call):
    p = call.p
    ws = wb[T("Item means")]
    items = [lang(args, i["ko"], i["en"]) + " (%s)" % plain(i["max"]) for i in p["items"]]
    expect(header_of(ws), [T("application"), T("company"), T("sheets")] + items + [T("total")],
           "Item means header")
    want = []
    for app in call.apps:
        mine = [s for s in call.sheets if s["app"] == app and call.counted(s)]
        if mine:
            sums = [sum(s["items"][k] for s in mine) for k in range(len(items))]
            want.append((app, len(mine), [Fraction(v, 10 * len(mine)) for v in sums] +
                         [Fraction(sum(sums), 10 * len(mine))]))
    rows = rows_of(ws)
    expect(len(rows), len(want), "Item means rows")
    for row, (app, n, means) in zip(rows, want):
        expect((row[0], row[2]), (app, n), "Item means of " + app)
        for got, mean in zip(row[3:], means):
            if got is None or abs(got - float(mean)) > 1e-9:
                problem("Item means of %s: %r, expected %s" % (app, got, float(mean)))


def doc_status(call, app, doc):
    p = call.p
    issued = sorted(date(d) for (d,) in call.db.execute(
        "SELECT issued FROM document WHERE app_id = ? AND doc = ?", (app, doc["n"])))
    valid = [d for d in issued if p["issued_after"] <= d <= p["deadline"]]
    if valid:
        return valid[0], T("valid")
    if issued:
        d = issued[-1]
        return d, T("issued before the window (R2.1)") if d < p["issued_after"] else \
            T("issued after the deadline (R2.1)")
    if not doc["required"]:
        return None, T("optional, not submitted")
    founded = date(call.apps[app]["founded"])
    try:
        later = founded.replace(year=founded.year + p["startup_years"])
    except ValueError:
        later = datetime.date(founded.year + p["startup_years"], 3, 1)
    if doc["exempt"] and later > p["announced"]:
        return None, T("may be omitted (R2.2)")
    return None, T("missing (R2.3)")


def check_review(args, wb, call):
    p = call.p
    ws = wb[T("Document review")]
    head = ["application", "company", "founded", "head office", "factory", "industry", "size",
            "supplier in both pools"]
    want = [T(h) for h in head]
    for d in p["docs"]:
        want += ["%d %s" % (d["n"], lang(args, d["ko"], d["en"])),
                 T("document %d status") % d["n"]]
    want += [T("disqualifier %s") % q for q in p["dqs"]]
    want += [T(t) for t in ("unanswered", "figures and notes", "decision", "reasons",
                            "checked now")]
    expect(header_of(ws), want, "Document review header")
    rows = rows_of(ws)
    expect([r[0] for r in rows], list(call.apps), "Document review applications")
    answers = {}
    for app, item, answer, note in call.db.execute(
            "SELECT app_id, item, answer, note FROM checklist"):
        word = T("yes") if answer else T("no")
        answers[(app, item)] = "%s (%s)" % (word, note) if note else word
    for row in rows:
        app = row[0]
        expect(row[2].date() if row[2] else None, date(call.apps[app]["founded"]),
               "Document review %s founded" % app)
        col = 8
        for d in p["docs"]:
            issued, status = doc_status(call, app, d)
            expect(row[col].date() if row[col] else None, issued,
                   "Document review %s document %d issued" % (app, d["n"]))
            expect(row[col + 1], status, "Document review %s document %d status" % (app, d["n"]))
            col += 2
        for q in p["dqs"]:
            expect(row[col], answers.get((app, q), T("unanswered")),
                   "Document review %s disqualifier %s" % (app, q))
            col += 1
        passed = call.review(app)
        expect(row[col + 2], T("not yet decided") if passed is None else
               T("passed") if passed else T("failed"), "Document review %s decision" % app)


def check_inspections(args, wb, call):
    ws = wb[T("Site inspections")]
    expect(header_of(ws), [T(h) for h in ("application", "company", "date", "team",
                                          "facts checked", "findings", "notes", "recorded by",
                                          "recorded at")], "Site inspections header")
    want = [(app, d, ", ".join(team.split("\n")), notes or None, call.name[who], at)
            for app, d, team, notes, who, at in call.db.execute(
                "SELECT app_id, date, team, notes, person_id, at FROM inspection "
                "ORDER BY app_id, id")]
    rows = rows_of(ws)
    if not want:
        rows = []
    got = [(r[0], r[2], r[3], r[6], r[7], r[8]) for r in rows]
    expect(got, want, "Site inspections rows")


def check_amounts(args, wb, call, by_app):
    ws = wb[T("Amounts")]
    head = [T(h) for h in ("application", "company", "requested", "votes", "agreed",
                           "needed for a majority", "majority", "amount", "reason")]
    got_head = header_of(ws)
    expect(got_head[:9], head, "Amounts header")
    rows = rows_of(ws)
    want_apps = [a for a in call.apps if any(call.counted(s) for s in call.sheets
                                             if s["app"] == a)]
    expect([r[0] for r in rows], want_apps, "Amounts applications")
    for row in rows:
        app = row[0]
        votes = [s for s in call.sheets if s["app"] == app and call.counted(s)]
        agree = sum(s["agree"] for s in votes)
        needed = len(votes) // 2 + 1
        expect(row[2:7], [call.apps[app]["requested"], len(votes), agree, needed,
                          T("yes") if agree >= needed else T("no")], "Amounts of " + app)
        r = by_app[app]
        expect(row[7], int(r["amount"]) if r["amount"] else None, "Amounts of %s: amount" % app)
        pairs = []
        for s in votes:
            pairs += [call.name[s["judge"]], T("agree") if s["agree"] else s["amount"]]
        expect(row[9:9 + len(pairs)], pairs, "Amounts of %s: votes" % app)


def check_notification(args, wb, call, ranked):
    ws = wb[T("Notification")]
    head = ["application", "company", "contact", "email", "result", "final", "rank", "amount",
            "reason", "co-payment", "co-payment due", "advance payment", "project period",
            "development deadline", "notification"]
    expect(header_of(ws), [T(h) for h in head], "Notification header")
    names = [n for _, n in call.judges]
    rows = rows_of(ws)
    expect(len(rows), len(ranked), "Notification rows")
    for row, r in zip(rows, ranked):
        app = call.apps[r["app"]]
        where = "Notification of " + r["app"]
        expect(row[:4], [r["app"], app["company"], app["contact_name"], app["contact_email"]],
               where)
        expect(dec(row[5]), scaled(r["final"]), where + " final")
        expect(row[6], int(r["rank"]) if r["rank"] else None, where + " rank")
        expect(row[7], int(r["amount"]) if r["amount"] else None, where + " amount")
        expect(row[8], r["reason"] or None, where + " reason")
        if r["outcome"] == "selected":
            expect((row[9], row[11]), (app["copay"], call.p["advance"]), where + " terms")
            if not all(row[9:14]):
                problem(where + ": agreement terms missing")
        elif any(v is not None for v in row[9:14]):
            problem(where + ": agreement terms for an application not selected")
        # R12.4: the notification core composes: its own company, no rule id, judge or other
        # applicant.
        text = row[14] or ""
        if app["company"] not in text or r["app"] not in text:
            problem(where + ": the notification does not name the applicant")
        if re.search(r"R[0-9]", text):
            problem(where + ": a rule id in the notification")
        if any(n in text for n in names):
            problem(where + ": a judge's name in the notification")
        if any(o != r["app"] and o in text for o in call.apps):
            problem(where + ": another applicant in the notification")


def check_calibration(args, wb, call):
    ws = wb[T("Calibration")]
    head = ["judge", "panels", "sheets", "mean total", "spread (standard deviation)",
            "sheets compared", "mean deviation from the other judges",
            "sheets far from the panel"]
    expect(header_of(ws), [T(h) for h in head], "Calibration header")
    rows = rows_of(ws)
    expect([r[0] for r in rows], [n for _, n in call.judges], "Calibration judges")
    counted = [s for s in call.sheets if call.counted(s)]
    for row, (jid, name) in zip(rows, call.judges):
        mine = [s for s in counted if s["judge"] == jid]
        totals = [sum(s["items"]) for s in mine]
        expect(row[2], len(mine), "Calibration of %s: sheets" % name)
        if not mine:
            continue
        n = len(totals)
        expect(dec(row[3]), hundredths(Fraction(sum(totals), 10 * n)),
               "Calibration of %s: mean" % name)
        var = Fraction(n * sum(t * t for t in totals) - sum(totals) ** 2, n * n * 100)
        sd = (Decimal(var.numerator) / Decimal(var.denominator)).sqrt()
        expect(dec(row[4]), sd.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
               "Calibration of %s: spread" % name)
        devs, far = [], 0
        for s in mine:
            others = [sum(o["items"]) for o in counted if o["app"] == s["app"] and o is not s]
            if others:
                d = Fraction(sum(s["items"])) - Fraction(sum(others), len(others))
                devs.append(d)
                far += abs(d) >= 150
        expect(row[5], len(devs), "Calibration of %s: compared" % name)
        if devs:
            expect(dec(row[6]), hundredths(sum(devs) / len(devs) / 10),
                   "Calibration of %s: deviation" % name)
        expect(row[7], far, "Calibration of %s: far" % name)


SIGNED_TABLES = ["review", "conflict", "bonus_change", "sheet", "tie_decision", "forfeit",
                 "budget_change", "audit_head", "result_final", "inspection"]


def check_integrity(args, wb, call):
    ws = wb[T("Integrity")]
    expect(header_of(ws, 2), [T(h) for h in ("sequence", "hash", "signed by", "signed at",
                                             "key id", "signature", "check")],
           "Integrity heads header")
    heads = call.db.execute("SELECT seq, hex(hash), person_id FROM audit_head ORDER BY id")
    want = [(seq, h.lower(), call.name[who], T("verified")) for seq, h, who in heads]
    rows = rows_of(ws, 3)
    got = [(r[0], r[1], r[2], r[6]) for r in rows[:len(want)]]
    expect(got, want, "Integrity heads")
    head_row = None
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, 1).value == T("record"):
            head_row = r
            break
    if head_row is None:
        problem("Integrity: no table of signed records")
        return
    expect(header_of(ws, head_row), [T(h) for h in ("record", "signer", "key id", "check",
                                                    "detail")], "Integrity records header")
    records = rows_of(ws, head_row + 1)
    total = sum(call.db.execute("SELECT count(*) FROM %s WHERE signed_text IS NOT NULL" % t)
                .fetchone()[0] for t in SIGNED_TABLES)
    expect(len(records), total, "Integrity: signed records")
    kinds = [T(k) for k in ("tie decision", "budget change", "audit head", "final result",
                            "inspection", "conflict", "review", "bonus", "sheet", "forfeit")]
    for r in records:
        if not any((r[0] or "").startswith(k + " ") for k in kinds):
            problem("Integrity: record %r does not begin with its kind in words" % r[0])
    bonus_ids = [b for (b,) in call.db.execute("SELECT DISTINCT bonus FROM bonus_change")] \
        if args.korean else []
    for r in records:
        if any((r[0] or "").endswith("/" + b) for b in bonus_ids):
            problem("Integrity: record %r names a bonus by its id" % r[0])
    bad = [r for r in records if r[3] != T("verified") or not re.fullmatch(r"[0-9A-F]{16}",
                                                                            r[2] or "")]
    if bad:
        problem("Integrity: records not verified: %r" % bad[:3])


def check_forms(args, wb, call):
    p = call.p
    title = lang(args, p["title_ko"], p["title_en"])
    for jid, name in call.judges:
        sheet = sheet_name(T("Form %s") % name)
        if sheet not in wb.sheetnames:
            problem("no score form for " + name)
            continue
        ws = wb[sheet]
        expect(ws.cell(1, 1).value, title, sheet + " title")
        expect(ws.cell(4, 1).value, T("application"), sheet + " header")
        mine = {s["app"]: s for s in call.sheets if s["judge"] == jid}
        want = [a for a in call.apps if a in mine or (
            call.review(a) and a not in call.forfeited and call.on_panel(a, jid))]
        rows = rows_of(ws, 5)
        expect([r[0] for r in rows], want, sheet + " applications")
        k = len(p["items"])
        for row in rows:
            s = mine.get(row[0])
            got = [dec(v) for v in row[2:2 + k]]
            expect(got, [Decimal(t) / 10 for t in s["items"]] if s else [None] * k,
                   "%s %s items" % (sheet, row[0]))
        expect(ws.page_setup.orientation, "landscape", sheet + " orientation")
        expect(str(ws.page_setup.paperSize), "9", sheet + " paper (A4)")
        # fitToWidth is left out when it is 1, Excel's default
        expect((ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight), (1, 0),
               sheet + " fit to one page wide")
        if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
            problem(sheet + ": not set to fit to the page")
        expect((ws.print_title_rows or "").replace("$", ""), "4:4", sheet + " repeated header row")


# How each sheet prints: (landscape, header rows repeated, columns repeated, pages wide).
PRINT = {"Results": (True, "1:1", None, 1), "Chart": (True, None, None, 1),
         "Scores": (True, "1:1", "A:B", 1), "Item means": (True, "1:1", "A:B", 1),
         "Document review": (True, "1:1", "A:B", 2), "Site inspections": (True, "1:1", "A:B", 1),
         "Amounts": (True, "1:1", "A:B", 1), "Notification": (True, "1:1", "A:B", 1),
         "Calibration": (False, "1:1", "A:A", 1), "Integrity": (True, "*", None, 1),
         "Results summary": (True, "3:3", None, 1), "Notices": (False, None, None, 1),
         "Form": (True, "4:4", None, 1), "Score sheets": (False, None, None, 1)}


def check_print(args, wbf, call, ranked):
    """The page setup of every sheet: A4, orientation, fit to the page width, repeated rows and
    columns, a print area, the call's title and the sheet's name in the page header, page N of M
    in the footer."""
    p = call.p
    title = lang(args, p["title_ko"], p["title_en"]).replace("&", "&&")
    kinds = {T(k): k for k in PRINT if k not in ("Form", "Score sheets")}
    for ws in wbf.worksheets:
        kind = kinds.get(ws.title)
        if kind is None:
            kind = "Form" if ws.title.startswith(T("Form %s").split("%s")[0]) else "Score sheets"
        landscape, rows, cols, wide = PRINT[kind]
        where = "%s (print)" % ws.title
        expect(ws.page_setup.orientation, "landscape" if landscape else "portrait",
               where + " orientation")
        expect(str(ws.page_setup.paperSize), "9", where + " paper (A4)")
        # fitToWidth is left out when it is 1, Excel's default
        expect(ws.page_setup.fitToWidth or 1, wide, where + " pages wide")
        if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
            problem(where + ": not set to fit to the page")
        got_rows = (ws.print_title_rows or "").replace("$", "") or None
        if rows == "*":
            if not got_rows:
                problem(where + ": no repeated header row")
        else:
            expect(got_rows, rows, where + " repeated rows")
        expect((ws.print_title_cols or "").replace("$", "") or None, cols,
               where + " repeated columns")
        if not ws.print_area:
            problem(where + ": no print area")
        head, foot = ws.oddHeader, ws.oddFooter
        if title not in (head.center.text or ""):
            problem(where + ": the page header lacks the title: %r" % head.center.text)
        if ws.title.replace("&", "&&") not in (head.left.text or ""):
            problem(where + ": the page header lacks the sheet's name: %r" % head.left.text)
        if not (head.right.text or ""):
            problem(where + ": the page header lacks the revision")
        page = T("Page &P of &N")
        if page not in (foot.right.text or "") or "&N" not in page:
            problem(where + ": the page footer lacks page N of M: %r" % foot.right.text)
    chart = wbf[T("Chart")]
    if any(r["final"] for r in ranked) and chart.print_area and chart.print_area[0].startswith("$A"):
        problem("Chart: the print area holds the data, not the chart alone")
    # fitToHeight is left out when it is 1
    if (chart.page_setup.fitToHeight or 1) not in (1, "1"):
        problem("Chart: not fitted to one page (fitToHeight %r)" % chart.page_setup.fitToHeight)


def check_summary(args, wb, wbf, call, ranked):
    ws = wb[T("Results summary")]
    head = ["rank", "application", "demand company", "official base", "bonus", "final", "band",
            "outcome", "amount", "reason"]
    expect(header_of(ws, 3), [T(h) for h in head], "Results summary header")
    rows = rows_of(ws, 4)
    expect(len(rows), len(ranked), "Results summary rows")
    for row, r in zip(rows, ranked):
        where = "Results summary of " + r["app"]
        expect(row[0], int(r["rank"]) if r["rank"] else None, where + " rank")
        expect(row[1:3], [r["app"], r["company"]], where)
        expect([dec(v) for v in row[3:6]], [scaled(r[k]) for k in ("base", "bonus", "final")],
               where + " scores")
        expect(row[6:9], [T(r["band"]), T(r["outcome"]),
                          int(r["amount"]) if r["amount"] else None], where + " result")
        if not (r["reason"] or "").startswith(row[9] or ""):
            problem(where + ": reason %r is not the start of %r" % (row[9], r["reason"]))
    members = [r[1] for r in rows_of(ws, 4 + len(ranked) + 3)]
    expect(members, [n for _, n in call.judges], "Results summary committee members")
    first = 4 + len(ranked) + 3
    for n in range(first, first + len(members)):
        cell = wbf[T("Results summary")].cell(n, 3)
        if not (cell.border.left.style and cell.border.right.style and cell.border.top.style):
            problem("Results summary: no signature box beside %s" % ws.cell(n, 2).value)


def check_papers(args, wb, wbf, call):
    """Each judge's score sheets, one application per page: every item with its maximum, score
    and comment (unchanged), the total, opinion, vote, key id and time in Korea time."""
    p = call.p
    for jid, name in call.judges:
        sheet = sheet_name(T("Score sheets %s") % name)
        if sheet not in wb.sheetnames:
            problem("no score sheets for " + name)
            continue
        ws, wf = wb[sheet], wbf[sheet]
        mine = [s for s in call.sheets if s["judge"] == jid and (s["app"], jid)
                not in call.conflicts]
        cells = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        starts = [n for n, row in enumerate(cells) if row and row[0] == T("item")]
        expect(len(starts), len(mine), sheet + " pages")
        breaks = sorted(b.id for b in wf.row_breaks.brk)
        expect(len(breaks), max(len(mine) - 1, 0), sheet + " page breaks")
        key = call.db.execute("SELECT hex(key_id) FROM person WHERE id = ?", (jid,)).fetchone()             if "key_id" in [c[1] for c in call.db.execute("PRAGMA table_info(person)")] else None
        for s, at in zip(sorted(mine, key=lambda s: s["app"]), starts):
            where = "%s %s" % (sheet, s["app"])
            for k, item in enumerate(p["items"]):
                row = cells[at + 1 + k]
                expect(row[0], lang(args, item["ko"], item["en"]), where + " item")
                expect(dec(row[1]), item["max"], where + " maximum")
                expect(dec(row[2]), Decimal(s["items"][k]) / 10, where + " score")
                expect(row[3], s["comments"][k] or None, where + " comment")
            total = cells[at + 1 + len(p["items"])]
            expect(dec(total[2]), Decimal(sum(s["items"])) / 10, where + " total")
            rest = {row[0]: row[1] for row in cells[at + 2 + len(p["items"]):at + 12 +
                                                   len(p["items"])] if row and row[0]}
            expect(rest.get(T("overall opinion")), s["opinion"] or None, where + " opinion")
            expect(rest.get(T("amount vote")), T("agree") if s["agree"] else
                   "{:,}".format(s["amount"]), where + " vote")
            utc = datetime.datetime.strptime(s["at"], "%Y-%m-%dT%H:%M:%SZ")
            kst = (utc + datetime.timedelta(hours=9)).strftime("%Y-%m-%d %H:%M:%S KST")
            expect(rest.get(T("signed at (Korea time)")), kst, where + " time")
            if not re.fullmatch(r"[0-9A-F]{16}", rest.get(T("signature key id")) or ""):
                problem(where + ": no signature key id: %r" % rest.get(T("signature key id")))
            if T("handwritten signature") not in rest:
                problem(where + ": no box for a handwritten signature")


def check_notices(args, wb, wbf, ranked):
    ws, wf = wb[T("Notices")], wbf[T("Notices")]
    cells = [row for row in ws.iter_rows(values_only=True)]
    starts = [n for n, row in enumerate(cells) if row and row[0] == T("company")]
    expect(len(starts), len(ranked), "Notices: one per applicant")
    breaks = sorted(b.id for b in wf.row_breaks.brk)
    expect(len(breaks), max(len(ranked) - 1, 0), "Notices page breaks")
    for n, (at, r) in enumerate(zip(starts, ranked)):
        where = "Notice to " + r["app"]
        expect(cells[at][1], r["company"], where + " company")
        expect(cells[at + 2][1], r["app"], where + " application")
        # the page break falls between this notice and the one before it
        if n and not (starts[n - 1] < breaks[n - 1] <= at):
            problem(where + ": not on a page of its own (break at %d)" % breaks[n - 1])


def check_properties(args, wb, path, call):
    p = call.p
    title = lang(args, p["title_ko"], p["title_en"])
    props = wb.properties
    if not (props.title or "").startswith(title):
        problem("document title %r does not name the program" % props.title)
    expect(props.creator, "simsa", "document author")
    if not props.subject:
        problem("no document subject")
    if props.created is None:
        problem("no creation time")
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
    company = re.search(r"<Company>(.*?)</Company>", app)
    expect(company.group(1) if company else None, p["agency"], "document company")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("database")
    ap.add_argument("rank_csv")
    ap.add_argument("--po")
    ap.add_argument("--names")
    ap.add_argument("--korean", action="store_true")
    args = ap.parse_args()
    if args.po:
        CATALOGUE.update(read_po(args.po))
    if args.names:
        CATALOGUE.update(json.load(open(args.names, encoding="utf-8")))
    call = Call(args.database)
    with open(args.rank_csv, encoding="utf-8") as f:
        ranked = list(__import__("csv").DictReader(f))
    by_app = {r["app"]: r for r in ranked}
    wb = openpyxl.load_workbook(args.workbook, data_only=True)
    wbf = openpyxl.load_workbook(args.workbook)
    fixed = ["Results", "Chart", "Scores", "Item means", "Document review", "Site inspections",
             "Amounts", "Notification", "Calibration", "Integrity", "Results summary", "Notices"]
    want = [T(s) for s in fixed] + [sheet_name(T("Form %s") % n) for _, n in call.judges] + \
        [sheet_name(T("Score sheets %s") % n) for _, n in call.judges]
    expect(wb.sheetnames, want, "sheet names")
    for name in wb.sheetnames:
        if len(name) > 31:
            problem("sheet name longer than 31 characters: " + name)
    if wb.sheetnames[:len(fixed)] == want[:len(fixed)]:
        check_results(args, wb, wbf, call, ranked)
        check_chart(args, wb, args.workbook, ranked, call)
        check_scores(args, wb, wbf, call)
        check_item_means(args, wb, call)
        check_review(args, wb, call)
        check_inspections(args, wb, call)
        check_amounts(args, wb, call, by_app)
        check_notification(args, wb, call, ranked)
        check_calibration(args, wb, call)
        check_integrity(args, wb, call)
        check_forms(args, wb, call)
        check_print(args, wbf, call, ranked)
        check_summary(args, wb, wbf, call, ranked)
        check_papers(args, wb, wbf, call)
        check_notices(args, wb, wbf, ranked)
        check_properties(args, wb, args.workbook, call)
    for p in PROBLEMS[:50]:
        print("FAIL: " + p)
    if PROBLEMS:
        print("%d problem(s)" % len(PROBLEMS))
        return 1
    print("workbook: %d sheets agree with the database and rank --csv" % len(wb.sheetnames))
    return 0


if __name__ == "__main__":
    sys.exit(main())
