#!/usr/bin/python3
"""`make bench`: simsa beside a peer or a floor doing the same work, on calls of N applications
x 5 judges (bench/gen.py, through simsa's own command line and its --as contract).

    bench.py --simsa PATH --n N [--n N ...] --runs R [--large-runs R] --dir DIR --tools DIR

Every figure is the median of R runs, as CPU time (user + system, the process and the children
it waited for, from wait4) and as wall time. Pairs:
  rank --csv   beside the same aggregate as one query of the sqlite3 program (rank's floor)
  export       beside a bare libxlsxwriter program writing the same cells and formats
               (bench/export_floor.c: no database, no signatures, no computation), and beside
               Python XlsxWriter doing the same work (bench/export_peer.py: the same formats,
               formulas with their cached values, merged ranges, constant_memory); both read
               the cells of simsa's own workbook (bench/xlsx_cells.py, not timed)
  verify       beside bench/verify_floor.c: every signature verify checks, on every core (its own
               timer, decoding included): each signed record's .minisig decoded and its two
               Ed25519 signatures checked, and each audit event's Ed25519 signature
and, alone: the interactive program through a pty at 100x30 (first paint, the whole dashboard,
a keystroke), a signed budget change made in it (from Enter until "(signed)" is drawn, ten
times) and its peak memory (VmHWM) after those ten changes. Peak memory of the others is each
process's maximum RSS (GNU time's %M). With two or more N, each operation's growth exponent from the
second-largest to the largest N is printed: log(t_large / t_small) / log(N_large / N_small)."""

import argparse
import fcntl
import json
import math
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", SIMSA_KDF_FAST="1")
ENV.pop("SIMSA_DB", None)
PASSPHRASE = b"bench-passphrase"  # bench/gen.py's
SECRETARIAT = "김간사"  # bench/gen.py's
BENCH_TMP = "."  # set by main(): the benchmark's directory


def run(cmd, stdin=None, check=True):
    """Run cmd; {wall, cpu (s), mb (peak RSS)}. Fails loudly. The command runs under GNU time,
    whose %M is its own peak: the maximum RSS wait4 reports for a child of this process would
    start from the pages of the Python process it was forked from (about 13 MB). CPU time is
    wait4's, of time and the command it waited for (time's own is a millisecond)."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    peak = os.path.join(BENCH_TMP, "peak")
    start = time.perf_counter()
    p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak] + cmd, stdin=fin,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - start
    if stdin:
        fin.close()
    if p.returncode != 0:
        why = "%s failed: %s" % (" ".join(cmd), err.decode(errors="replace")[-1000:].strip())
        if check:
            sys.exit("bench: " + why)
        return {"failed": why}
    with open(peak) as f:
        kb = int(f.read().split()[-1])
    return {"wall": took, "cpu": usage.ru_utime + usage.ru_stime, "mb": kb / 1024}


def median_of(runs, fn, results=()):
    """The medians of runs results of fn (some of them given already)."""
    results = list(results) + [fn() for _ in range(runs - len(results))]
    return {"wall": statistics.median(r["wall"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results),
            "mb": max(r.get("mb", 0.0) for r in results)}


# ---- the interactive program through a pty ----

def pty_spawn(cmd, cols, rows, term="xterm-256color"):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(ENV, TERM=term, NO_COLOR="1")
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.close(slave)
        os.execve(cmd[0], cmd, env)
    os.close(slave)
    return pid, master, start


def read_some(fd, wait):
    """What the program wrote within `wait` seconds: None if nothing, b"" at its end."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return None
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def read_until_quiet(fd, since, marker=None, quiet=0.15, limit=60.0, need_output=True):
    """Read output until it holds marker (if any) and then stays quiet for `quiet` seconds
    (after some output, unless need_output is false); the time from `since` to the last byte
    read."""
    buf, last = b"", since
    while True:
        chunk = read_some(fd, quiet)
        if chunk == b"":
            break
        if chunk:
            buf += chunk
            last = time.perf_counter()
        elif (marker is None or marker in buf) and (last > since or not need_output):
            break
        if time.perf_counter() - since > limit:
            sys.exit("bench: the interactive program did not paint %r within %d s"
                     % (marker, limit))
    return last - since, buf


def read_until(fd, since, marker, buf=b"", limit=60.0):
    """Read output (after buf, read already) until it holds marker; the time from `since` to
    that moment, and all that was read."""
    while marker not in buf:
        if time.perf_counter() - since > limit:
            sys.exit("bench: the interactive program did not show %r within %d s"
                     % (marker, limit))
        chunk = read_some(fd, 0.5)
        if chunk == b"":
            sys.exit("bench: the interactive program ended before showing %r" % marker)
        buf += chunk or b""
    return time.perf_counter() - since, buf


def vm_hwm(pid):
    """The peak resident memory of pid since its exec, in MB (the rusage of a child forked from
    this Python process would count the parent's pages it started with)."""
    with open("/proc/%d/status" % pid) as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024.0


def tui_quit(pid, fd):
    for _ in range(40):
        os.write(fd, b"\x1b")
        os.write(fd, b"q")
        time.sleep(0.05)
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)


def tui_once(simsa, db):
    """{paint, ready, key (s), mb} of one session. The first paint is the dashboard's frame with
    the program and the counts, drawn while the call is read in the background; the whole
    dashboard is there when its alerts are."""
    pid, fd, start = pty_spawn([simsa, "-d", db], 100, 30)
    paint, seen = read_until(fd, start, b"q quit")
    ready, _ = read_until(fd, start, b"Alerts", seen)
    os.write(fd, b"a")  # the applications table
    _, screen = read_until_quiet(fd, time.perf_counter())
    if b"2026-0" not in screen:
        sys.exit("bench: `a` did not show the applications table")
    keys = []
    for _ in range(5):
        sent = time.perf_counter()
        os.write(fd, b"j")
        took, out = read_until_quiet(fd, sent, quiet=0.1)
        if not out:
            sys.exit("bench: `j` in the applications table drew nothing")
        keys.append(took)
    mb = vm_hwm(pid)
    tui_quit(pid, fd)
    return {"paint": paint, "ready": ready, "key": statistics.median(keys), "mb": mb}


def tui_changes(simsa, db, budget, changes=10):
    """{change (s, the median), changes (s, each), mb}: signed in as the secretariat, ten budget
    changes from the board, each timed from Enter until "(signed)" is drawn; the peak memory
    (VmHWM) after the ten. The amounts alternate between 9 and 10 digits so that each message
    differs from the last in its length: the terminal library then redraws it whole (vt100 has
    no insert-character to shift it with), and "(signed)" is in what it writes."""
    pid, fd, start = pty_spawn([simsa, "-d", db], 100, 30, term="vt100")
    _, seen = read_until(fd, start, b"Alerts")
    os.write(fd, b"S")
    read_until(fd, time.perf_counter(), b"Person")
    os.write(fd, b"\t" + PASSPHRASE + b"\r")
    read_until(fd, time.perf_counter(), b"signed in as")
    os.write(fd, b"b")
    read_until_quiet(fd, time.perf_counter(), b"Budget")
    took = []
    for i in range(changes):
        amount = budget + 1000 * (i + 1) if i % 2 == 0 else 1000000000 + 1000 * i
        os.write(fd, b"$")
        read_until_quiet(fd, time.perf_counter(), b"Set the budget")
        os.write(fd, b"\x15" + str(amount).encode() + b"\t")
        read_until_quiet(fd, time.perf_counter(), need_output=False)
        sent = time.perf_counter()
        os.write(fd, b"\r")
        t, _ = read_until(fd, sent, b"(signed)")
        took.append(t)
        read_until_quiet(fd, time.perf_counter(), quiet=0.2, need_output=False)
    mb = vm_hwm(pid)
    tui_quit(pid, fd)
    return {"change": statistics.median(took), "changes": took, "mb": mb}


# ---- one N ----

def call_db(a, n):
    db = os.path.abspath(os.path.join(a.dir, "bench-%d.db" % n))
    gen = os.path.join(HERE, "gen.py")
    if not os.path.exists(db) or os.path.getmtime(gen) > os.path.getmtime(db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        print("bench: generating a call of %d applications x 5 judges (once)..." % n, flush=True)
        work = os.path.join(a.dir, "gen-%d" % n)
        os.makedirs(work, exist_ok=True)
        subprocess.run([sys.executable, gen, a.simsa, db, str(n)], cwd=work, check=True)
    return db


def runs_at(a, n):
    return a.large_runs if a.large_runs and n >= 50000 else a.runs


def stamp(a, n):
    """What a stored result was measured with: simsa's binary, the benchmark's own files, the
    number of runs. `make bench-full` after `make bench` measures only the new N."""
    files = [a.simsa] + [os.path.join(HERE, f) for f in sorted(os.listdir(HERE))]
    return [runs_at(a, n)] + [[os.path.basename(f), os.path.getmtime(f), os.path.getsize(f)]
                       for f in files if os.path.isfile(f)]


def bench_n(a, n):
    saved = os.path.join(a.dir, "results-%d.json" % n)
    if os.path.exists(saved):
        with open(saved) as f:
            r = json.load(f)
        if r.get("stamp") == stamp(a, n):
            print("bench: N = %d measured already with this simsa and benchmark (%s)"
                  % (n, saved), flush=True)
            return r
    db = call_db(a, n)
    runs = runs_at(a, n)
    tool = lambda name: os.path.join(a.tools, name)
    sqlite = shutil.which("sqlite3")
    query = lambda q: subprocess.run([sqlite, db, q], capture_output=True, text=True,
                                     check=True).stdout.strip()
    r = {"n": n, "runs": runs, "sheets": int(query("SELECT COUNT(*) FROM sheet"))}
    budget = int(query("SELECT won FROM budget_change ORDER BY id DESC LIMIT 1") or 0)
    sigs = os.path.join(a.dir, "signatures-%d.txt" % n)
    with open(sigs, "w") as f:
        subprocess.run([sqlite, db], stdin=open(os.path.join(HERE, "signatures.sql")), stdout=f,
                       check=True)
    with open(sigs) as f:
        kinds = [line[:1] for line in f]
    r["signed"] = kinds.count("R")
    r["signed_events"] = kinds.count("E")
    print("bench: N = %d applications x 5 judges: %d signed sheets, %d signed records, %d signed "
          "audit events; median of %d runs" % (n, r["sheets"], r["signed"], r["signed_events"],
                                              runs), flush=True)

    r["rank"] = median_of(runs, lambda: run([a.simsa, "-d", db, "rank", "--csv"]))
    r["rank_floor"] = median_of(runs, lambda: run(
        [sqlite, "-csv", db], stdin=os.path.join(HERE, "rank_floor.sql")))
    r["verify"] = median_of(runs, lambda: run([a.simsa, "-d", db, "verify"]))

    def floor_once():
        out = subprocess.run([tool("verify_floor"), sigs], capture_output=True, text=True,
                             check=True).stdout.split()
        return {"wall": float(out[5]), "cpu": float(out[7])}
    r["verify_floor"] = median_of(runs, floor_once)

    xlsx = os.path.join(a.dir, "bench-%d.xlsx" % n)

    def export_once():
        if os.path.exists(xlsx):
            os.remove(xlsx)
        return run([a.simsa, "-d", db, "export", xlsx], check=False)
    first = export_once()
    if "failed" in first:  # reported in the table; the other operations are still measured
        print("bench: " + first["failed"], flush=True)
        r["export_failed"] = first["failed"]
    else:
        r["export"] = median_of(runs, export_once, [first])
        cells = os.path.join(a.dir, "cells-%d.txt" % n)
        r["cells"] = int(subprocess.run([sys.executable, os.path.join(HERE, "xlsx_cells.py"),
                                         xlsx, cells], capture_output=True, text=True,
                                        check=True).stdout)
        r["export_floor"] = median_of(runs, lambda: run([tool("export_floor"), cells,
                                                         xlsx + ".floor.xlsx"]))
        r["export_peer"] = median_of(runs, lambda: run(
            [sys.executable, os.path.join(HERE, "export_peer.py"), cells, xlsx + ".peer.xlsx"]))

    # As a secretariat works: verify records a checkpoint, one signed record comes after it,
    # and verify then re-checks only what is newer (issue 18: <= 5 % of a full verify); the
    # export's Integrity sheet relies on the same checkpoint.
    ck = os.path.join(a.dir, "checkpoint-%d.db" % n)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(ck + suffix):
            os.remove(ck + suffix)
    shutil.copyfile(db, ck)
    pw = os.path.join(a.dir, "pw")
    with open(pw, "wb") as f:
        f.write(PASSPHRASE + b"\n")
    actor = [a.simsa, "-d", ck, "--as", SECRETARIAT, "--passphrase-file", pw]
    run(actor + ["verify", "--checkpoint"])
    run(actor + ["budget", "set", str(budget + 1000)])
    r["verify_rely"] = median_of(runs, lambda: run([a.simsa, "-d", ck, "verify"]))
    if "export" in r:
        def export_rely_once():
            if os.path.exists(xlsx):
                os.remove(xlsx)
            return run([a.simsa, "-d", ck, "export", xlsx])
        r["export_rely"] = median_of(runs, export_rely_once)

    tui = [tui_once(a.simsa, db) for _ in range(runs)]
    for k in ("paint", "ready", "key"):
        r[k] = statistics.median(t[k] for t in tui)
    r["tui_mb"] = max(t["mb"] for t in tui)
    # The changes are signed into a copy: the call the other figures read stays as generated.
    scratch = os.path.join(a.dir, "changes-%d.db" % n)
    ch = []
    for _ in range(runs):
        for suffix in ("-wal", "-shm"):
            if os.path.exists(scratch + suffix):
                os.remove(scratch + suffix)
        shutil.copyfile(db, scratch)
        ch.append(tui_changes(a.simsa, scratch, budget))
    r["change"] = statistics.median(c["change"] for c in ch)
    r["change_mb"] = max(c["mb"] for c in ch)
    r["stamp"] = stamp(a, n)
    with open(saved, "w") as f:
        json.dump(r, f, indent=1)
    return r


# ---- the table ----

def fmt_s(x):
    return "%.3f s" % x if x >= 0.1 else "%.1f ms" % (x * 1000)


def table(r):
    print("\nN = %d (median of %d runs): %s cells in the workbook; CPU = user + sys of the "
          "process and its children" % (r["n"], r["runs"], r.get("cells", "no")))
    head = "  %-14s %-10s %-10s  %-30s %-10s %-10s  %-7s %-7s  %-16s %s"
    print(head % ("", "simsa CPU", "wall", "peer or floor", "CPU", "wall", "CPU×", "wall×",
                  "target", ""))

    def row(what, mine, other, name, target, limit, inverse=False):
        cpu_ratio = (other["cpu"] / mine["cpu"]) if inverse else (mine["cpu"] / other["cpu"])
        wall_ratio = (other["wall"] / mine["wall"]) if inverse else (mine["wall"] / other["wall"])
        ok = cpu_ratio >= limit if inverse else cpu_ratio <= limit
        print(head % (what, fmt_s(mine["cpu"]), fmt_s(mine["wall"]), name, fmt_s(other["cpu"]),
                      fmt_s(other["wall"]), "%.2f" % cpu_ratio, "%.2f" % wall_ratio, target,
                      "ok" if ok else "MISSED"))

    row("rank --csv", r["rank"], r["rank_floor"], "sqlite3, one query", "<= 1.5x floor", 1.5)
    if "export" in r:
        row("export", r["export"], r["export_floor"], "bare libxlsxwriter (C)",
            "<= 1.5x floor", 1.5)
        row("export", r["export"], r["export_peer"], "Python XlsxWriter, same work",
            ">= 5x faster", 5.0, inverse=True)
        if "export_rely" in r:
            row("export ckpt", r["export_rely"], r["export_floor"], "bare libxlsxwriter (C)",
                "<= 1.5x floor", 1.5)
            row("export ckpt", r["export_rely"], r["export_peer"],
                "Python XlsxWriter, same work", ">= 5x faster", 5.0, inverse=True)
    else:
        print("  export         FAILED: %s" % r["export_failed"][-300:])
    row("verify", r["verify"], r["verify_floor"], "records + events, all cores",
        "<= 1.2x floor", 1.2)
    if "verify_rely" in r:
        share = r["verify_rely"]["cpu"] / r["verify"]["cpu"]
        print(head % ("verify ckpt", fmt_s(r["verify_rely"]["cpu"]),
                      fmt_s(r["verify_rely"]["wall"]), "the full verify above",
                      fmt_s(r["verify"]["cpu"]), fmt_s(r["verify"]["wall"]),
                      "%.1f%%" % (100 * share),
                      "%.1f%%" % (100 * r["verify_rely"]["wall"] / r["verify"]["wall"]),
                      "<= 5% of full", "ok" if share <= 0.05 else "MISSED"))
    print("  %-14s %-10s (pty 100x30; first paint %s, whole dashboard %s, keystroke %s)"
          % ("signed change", fmt_s(r["change"]), fmt_s(r["paint"]), fmt_s(r["ready"]),
             fmt_s(r["key"])) + ("  <= 100 ms %s" % ("ok" if r["change"] <= 0.1 else "MISSED")))
    nothing = {"mb": float("nan")}
    def peak(*what):
        return max((r[w]["mb"] for w in what if w in r), default=float("nan"))
    mem = (r["rank"]["mb"], r["change_mb"], peak("verify", "verify_rely"),
           peak("export", "export_rely"))
    print("  peak memory: rank %.1f MB, interactive %.1f MB after ten signed changes (%.1f MB "
          "without) (<= 32 MB: %s); verify %.1f MB, export %.1f MB (<= 48 MB: %s); sqlite3 %.1f "
          "MB, export floor %.1f MB, XlsxWriter %.1f MB"
          % (mem[0], mem[1], r["tui_mb"], "ok" if max(mem[0], mem[1]) <= 32 else "MISSED",
             mem[2], mem[3], "ok" if max(mem[2], mem[3]) <= 48 else "MISSED",
             r["rank_floor"]["mb"], r.get("export_floor", nothing)["mb"],
             r.get("export_peer", nothing)["mb"]))


def exponents(small, large):
    k = math.log(large["n"] / small["n"])
    print("\ngrowth from N = %d to N = %d, log(t%d/t%d)/log(%g) in CPU (wall) (target <= 1.1):"
          % (small["n"], large["n"], large["n"], small["n"], large["n"] / small["n"]))
    for what in ("rank", "rank_floor", "export", "export_rely", "export_floor", "export_peer",
                 "verify", "verify_rely", "verify_floor"):
        if what not in small or what not in large:
            print("  %-14s (not measured at both sizes)" % what)
            continue
        c = math.log(large[what]["cpu"] / small[what]["cpu"]) / k
        w = math.log(large[what]["wall"] / small[what]["wall"]) / k
        print("  %-14s %5.2f (%5.2f)%s" % (what, c, w, "" if c <= 1.1 or what.endswith(("_floor", "_peer"))
                                           else "  MISSED"))
    c = math.log(large["change"] / small["change"]) / k
    print("  %-14s %5.2f (wall)" % ("signed change", c))
    print("  peak memory at %d: rank %.1f MB, interactive %.1f MB, verify %.1f MB, export %.1f "
          "MB (at most 3x the figures at %d)" % (large["n"], large["rank"]["mb"],
                                                  large["change_mb"], large["verify"]["mb"],
                                                  large.get("export", {"mb": float("nan")})["mb"],
                                                  small["n"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--simsa", required=True)
    ap.add_argument("--n", type=int, action="append")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--large-runs", type=int, default=0,
                    help="runs at N >= 50,000 (default: --runs)")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--tools", required=True, help="where verify_floor and export_floor are")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    global BENCH_TMP
    BENCH_TMP = a.dir
    ns = sorted(set(a.n or [10000]))
    results = [bench_n(a, n) for n in ns]
    for r in results:
        table(r)
    if len(results) >= 2:
        exponents(results[-2], results[-1])


if __name__ == "__main__":
    main()
