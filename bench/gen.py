#!/usr/bin/python3
"""Generate a large call for the benchmark through simsa's own command line.

    gen.py SIMSA DB N

A 2026 call with N applications (all eligible), every document, the review run by the
secretariat, five judges who each import a signed sheet for every application, and a budget
that selects about 40 % of the targets. The values are pseudo-random but fixed by a seed, so
two runs make the same call. Keys are made with the fast KDF (SIMSA_KDF_FAST=1): unlocking is
not what the benchmark measures."""

import os
import random
import subprocess
import sys

JUDGES = ["강민준", "김서연", "박지훈", "이수민", "정하늘"]
SECRETARIAT = "김간사"
ITEMS = [("need", 100), ("will", 50), ("data", 200), ("kpi", 150),
         ("strategy", 200), ("team", 50), ("fit", 150), ("cost", 100)]  # max in tenths
REGIONS = ["충청북도 청주시 흥덕구", "충청북도 충주시", "충청북도 진천군", "충청북도 음성군"]
INDUSTRIES = ["의료", "바이오", "화장품", "식품", "제지"]
WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5]


def bizno(i):
    """A business registration number with a valid checksum (the last digit)."""
    stem = "%03d%02d%04d" % (100 + i % 900, 10 + (i // 900) % 90, i % 10000)
    digits = [int(c) for c in stem]
    total = sum(d * w for d, w in zip(digits, WEIGHTS)) + digits[8] * 5 // 10
    return stem + str((10 - total % 10) % 10)


def tenths(v):
    return "%d" % (v // 10) if v % 10 == 0 else "%d.%d" % (v // 10, v % 10)


def simsa(exe, db, *args, stdin=None, who=SECRETARIAT):
    cmd = [exe, "-d", db]
    if who:
        cmd += ["--as", who, "--passphrase-file", "pw"]
    cmd += list(args)
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("gen: %s failed:\n%s%s" % (" ".join(cmd), r.stdout[-2000:], r.stderr[-2000:]))
    return r.stdout


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    exe, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.environ["SIMSA_KDF_FAST"] = "1"
    os.environ["LC_ALL"] = "C.UTF-8"
    os.environ.pop("LANGUAGE", None)
    rnd = random.Random(20260601)
    ids = ["2026-%05d" % (i + 1) for i in range(n)]
    requested = [rnd.randrange(30000, 80001) * 1000 for _ in range(n)]
    subprocess.run([exe, "init", db, "--program", "cbtp-2026"], check=True,
                   capture_output=True)
    write("pw", ["bench-passphrase"])
    # Every change is made by a person: the secretariat member first adds themself.
    simsa(exe, db, "person", "add", SECRETARIAT, "--role", "secretariat",
          "--passphrase-file", "pw", who=None)
    for j in JUDGES:
        simsa(exe, db, "person", "add", j, "--role", "judge", "--passphrase-file", "pw")

    apps = ["id,company,biz_no,size,region,factory_region,industry,founded,supplier,"
            "supplier_region,supplier_pools,requested,copay,title,contact_name,contact_email,"
            "received"]
    for i, a in enumerate(ids):
        apps.append('%s,(주)벤치%05d,%s,sme,%s,,%s,2010-01-01,(주)공급%03d,충청북도 청주시,yes,'
                    '"%s",5000000,과제 %d,담당자%d,c%d@example.kr,2026-06-%02d 10:00'
                    % (a, i + 1, bizno(i), REGIONS[i % 4], INDUSTRIES[i % 5], i % 200,
                       "{:,}".format(requested[i]), i + 1, i + 1, i + 1, 1 + i % 18))
    write("apps.csv", apps)
    simsa(exe, db, "app", "import", "apps.csv")
    docs = ["app,doc,issued"]
    for a in ids:
        docs += ["%s,%d,2026-05-01" % (a, d) for d in range(1, 8)]
    write("docs.csv", docs)
    simsa(exe, db, "docs", "import", "docs.csv")
    simsa(exe, db, "review", "run", who=SECRETARIAT)

    for jn, judge in enumerate(JUDGES):
        rows = ["app,judge," + ",".join(k for k, _ in ITEMS) + ",amount,opinion"]
        for i, a in enumerate(ids):
            # A quality per application shared by the judges, so ranks and ties are realistic.
            q = 55 + (i * 7919) % 45
            cells = []
            for _, mx in ITEMS:
                v = mx * (q + rnd.randrange(-6, 7)) // 100
                cells.append(tenths(max(0, min(mx, v))))
            amount = "agree" if rnd.random() < 0.7 else '"%s"' % "{:,}".format(
                requested[i] * rnd.randrange(70, 100) // 100000 * 1000)
            rows.append("%s,%s,%s,%s,데이터 확보 계획 검토 %d" % (a, judge, ",".join(cells),
                                                            amount, jn))
        write("scores-%d.csv" % jn, rows)
        simsa(exe, db, "score", "import", "scores-%d.csv" % jn, who=judge)
    budget = sum(requested) * 2 // 5 // 1000 * 1000
    simsa(exe, db, "budget", "set", str(budget), who=SECRETARIAT)


if __name__ == "__main__":
    main()
