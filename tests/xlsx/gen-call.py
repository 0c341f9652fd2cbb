#!/usr/bin/env python3
"""Make the CSV files of a large cbtp-2026 call for `simsa` to import (export memory and speed
tests): N applications, panels of 5 judges, every document valid, one sheet per judge and
application. Deterministic for a given seed.

usage: gen-call.py DIR N_APPS [JUDGES] [SEED]
writes DIR/apps.csv, DIR/docs.csv, DIR/scores.csv and DIR/panels.txt (one line per panel:
NAME JUDGE... ; then the applications assigned to it)."""
import os
import random
import sys

ITEMS = [("need", 10), ("will", 5), ("data", 20), ("kpi", 15),
         ("strategy", 20), ("team", 5), ("fit", 15), ("cost", 10)]
REGIONS = ["충청북도 청주시 흥덕구", "충청북도 충주시", "충청북도 진천군", "충청북도 음성군"]
INDUSTRIES = ["의료", "바이오", "화장품", "식품", "제지"]


def biz_no(serial):
    """A business registration number with a valid checksum (simsa's bizno_checksum_ok)."""
    digits = [int(c) for c in "%09d" % (301000000 + serial)]
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(d * w for d, w in zip(digits, weights)) + digits[8] * 5 // 10
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def score(rng, maximum):
    # tenths, mostly in the upper half so that most applications pass the 70 line
    low = maximum * 10 * 55 // 100
    return rng.randint(low, maximum * 10)


def tenths(t):
    return "%d.%d" % (t // 10, t % 10) if t % 10 else "%d" % (t // 10)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    judges = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(out, exist_ok=True)
    ids = ["2026-%05d" % (i + 1) for i in range(n)]
    with open(os.path.join(out, "apps.csv"), "w", encoding="utf-8") as f:
        f.write("id,company,biz_no,size,region,factory_region,industry,founded,supplier,"
                "supplier_region,supplier_pools,requested,copay,title,contact_name,"
                "contact_email,received\n")
        for i, app in enumerate(ids):
            requested = rng.randrange(30, 81) * 1000000
            f.write('%s,(주)가상기업%05d,%s,sme,%s,,%s,2015-03-01,(주)공급사%03d,충청북도 청주시,'
                    'yes,"%d",5000000,AI 품질검사 과제 %d,담당자%d,c%d@example.kr,'
                    '2026-06-10 10:00\n' % (app, i + 1, biz_no(i + 1), REGIONS[i % 4],
                                            INDUSTRIES[i % 5], i % 300, requested, i + 1,
                                            i + 1, i + 1))
    with open(os.path.join(out, "docs.csv"), "w", encoding="utf-8") as f:
        f.write("app,doc,issued\n")
        for app in ids:
            for d in range(1, 8):
                f.write("%s,%d,2026-05-%02d\n" % (app, d, 1 + d))
    names = ["위원%02d" % (j + 1) for j in range(judges)]
    panels = [names[k:k + 5] for k in range(0, judges - judges % 5, 5)]
    assigned = [[] for _ in panels]
    with open(os.path.join(out, "scores.csv"), "w", encoding="utf-8") as f:
        f.write("app,judge," + ",".join(i for i, _ in ITEMS) + ",amount,opinion\n")
        for i, app in enumerate(ids):
            p = i % len(panels)
            assigned[p].append(app)
            for judge in panels[p]:
                cells = [tenths(score(rng, m)) for _, m in ITEMS]
                amount = "agree" if rng.random() < 0.6 else '"%d"' % (rng.randrange(20, 31) *
                                                                      1000000)
                f.write("%s,%s,%s,%s,전반적으로 타당함 %d\n" % (app, judge, ",".join(cells),
                                                                amount, i % 7))
    with open(os.path.join(out, "panels.txt"), "w", encoding="utf-8") as f:
        for k, members in enumerate(panels):
            f.write("분과%02d %s\n%s\n" % (k + 1, " ".join(members), " ".join(assigned[k])))
    with open(os.path.join(out, "judges.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
