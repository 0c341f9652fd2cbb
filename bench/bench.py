#!/usr/bin/python3
"""`make bench`: simsa beside a peer doing the same work, on a call of N applications x 5 judges.

    bench.py --simsa PATH --n N --runs R --dir DIR --floor PATH

Each figure is the median of R runs (wall clock). Pairs:
  rank --csv     beside the same aggregate as one query of the sqlite3 program (rank's floor)
  export         beside the same workbook cells written by Python XlsxWriter (its writing only)
  verify         beside a bare loop of crypto_sign_verify_detached over the same signatures
                 (bench/verify_floor.c: prehash and both signatures of each .minisig, timed
                 after everything is decoded)
and, alone: the interactive program's first painted screen through a pty at 100x30 (the
dashboard's frame with the program and the counts, drawn while the call is read in the
background), the whole dashboard (its alerts shown: the call read and ranked), and one keystroke
(j) redrawn in the applications table. Peak memory is each process's maximum RSS."""

import argparse
import fcntl
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


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Run cmd; (seconds of wall clock, peak RSS in MB). Fails loudly."""
    fin = open(stdin, "rb") if stdin else None
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=stdout, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(p.pid, 0)
    took = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    if fin:
        fin.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("bench: %s failed: %s" % (" ".join(cmd), err[-1000:]))
    return took, usage.ru_maxrss / 1024.0


def median_of(runs, fn):
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


# ---- the interactive program through a pty ----

def pty_spawn(cmd, cols, rows):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(ENV, TERM="xterm-256color", NO_COLOR="1")
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


def read_until_quiet(fd, since, marker=None, quiet=0.15, limit=30.0):
    """Read output until it holds marker (if any) and then stays quiet for `quiet` seconds;
    the time from `since` to the last byte read."""
    buf, last = b"", since
    while True:
        chunk = read_some(fd, quiet)
        if chunk == b"":
            break
        if chunk:
            buf += chunk
            last = time.perf_counter()
        elif (marker is None or marker in buf) and last > since:
            break
        if time.perf_counter() - since > limit:
            sys.exit("bench: the interactive program did not paint %r within %d s"
                     % (marker, limit))
    return last - since, buf


def read_until(fd, since, marker, buf=b"", limit=30.0):
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


def tui_once(simsa, db):
    """(first paint s, whole dashboard s, keystroke s, peak MB) of one session. The first paint
    is the dashboard's frame with the program and the counts, drawn while the call is read in
    the background; the whole dashboard is there when its alerts are."""
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
    # The peak after exec (VmHWM): the rusage of a child forked from this Python process would
    # count the parent's pages it started with.
    with open("/proc/%d/status" % pid) as f:
        peak = next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024.0
    for _ in range(20):
        os.write(fd, b"q")
        time.sleep(0.05)
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return paint, ready, statistics.median(keys), peak


# ---- the export peer ----

def export_available(simsa):
    out = subprocess.run([simsa, "--help"], capture_output=True, text=True, env=ENV).stdout
    return any(line.split()[:1] == ["export"] for line in out.splitlines())


def export_cells(xlsx, cells):
    """The cells of simsa's workbook, for the peer to write again (not timed)."""
    import json
    import openpyxl
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        if not hasattr(ws, "iter_rows"):  # a chart sheet holds no cells
            continue
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            for c, v in enumerate(row):
                if v is not None:
                    if not isinstance(v, (int, float, str, bool)):
                        v = str(v)
                    rows.append([r, c, v])
        sheets.append([ws.title, rows])
    with open(cells, "w", encoding="utf-8") as f:
        json.dump(sheets, f, ensure_ascii=False)
    return sum(len(r) for _, r in sheets)


def peer_export_once(cells, out):
    """Seconds XlsxWriter takes to write the cells (reported by bench/export_peer.py)."""
    r = subprocess.run([sys.executable, os.path.join(HERE, "export_peer.py"), cells, out],
                       capture_output=True, text=True, env=ENV)
    if r.returncode != 0:
        sys.exit("bench: export peer failed: " + r.stderr[-1000:])
    return float(r.stdout.split()[0]), 0.0


# ---- the table ----

def line(what, mine, peer, peer_name, ratio, target, ok):
    print("  %-18s %10s %10s  %-26s %7s  %-14s %s" % (what, mine, peer, peer_name, ratio,
                                                       target, "ok" if ok else "MISSED"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--simsa", required=True)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--floor", required=True)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    db = os.path.abspath(os.path.join(a.dir, "bench-%d.db" % a.n))
    gen = os.path.join(HERE, "gen.py")
    if not os.path.exists(db) or os.path.getmtime(gen) > os.path.getmtime(db):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        print("bench: generating a call of %d applications x 5 judges (once)..." % a.n)
        work = os.path.join(a.dir, "gen-%d" % a.n)
        os.makedirs(work, exist_ok=True)
        subprocess.run([sys.executable, gen, a.simsa, db, str(a.n)], cwd=work, check=True)
    sqlite = shutil.which("sqlite3")
    count = lambda q: subprocess.run([sqlite, db, q], capture_output=True, text=True).stdout.strip()
    sheets, signed = count("SELECT COUNT(*) FROM sheet"), 0
    sigs = os.path.join(a.dir, "signatures-%d.txt" % a.n)
    with open(sigs, "w") as f:
        subprocess.run([sqlite, db], stdin=open(os.path.join(HERE, "signatures.sql")), stdout=f,
                       check=True)
    with open(sigs) as f:
        signed = sum(1 for _ in f)
    print("bench: %d applications x 5 judges: %s signed sheets, %d signed records; median of %d "
          "runs" % (a.n, sheets, signed, a.runs))

    rank, rank_mb = median_of(a.runs, lambda: run([a.simsa, "-d", db, "rank", "--csv"]))
    floor, floor_mb = median_of(a.runs, lambda: run([sqlite, "-csv", db],
                                                    stdin=os.path.join(HERE, "rank_floor.sql")))
    verify, verify_mb = median_of(a.runs, lambda: run([a.simsa, "-d", db, "verify"]))

    def floor_once():
        out = subprocess.run([a.floor, sigs], capture_output=True, text=True, check=True).stdout
        return float(out.split()[3]), 0.0
    vfloor, _ = median_of(a.runs, floor_once)

    export = None
    if export_available(a.simsa):
        xlsx = os.path.join(a.dir, "bench-%d.xlsx" % a.n)

        def export_once():
            if os.path.exists(xlsx):
                os.remove(xlsx)
            return run([a.simsa, "-d", db, "export", xlsx])
        export, export_mb = median_of(a.runs, export_once)
        cells = os.path.join(a.dir, "cells-%d.json" % a.n)
        n_cells = export_cells(xlsx, cells)
        peer, _ = median_of(a.runs, lambda: peer_export_once(cells, xlsx + ".peer.xlsx"))

    tui = [tui_once(a.simsa, db) for _ in range(a.runs)]
    paint = statistics.median(t[0] for t in tui)
    ready = statistics.median(t[1] for t in tui)
    key = statistics.median(t[2] for t in tui)
    tui_mb = max(t[3] for t in tui)

    print("  %-18s %10s %10s  %-26s %7s  %-14s" % ("", "simsa", "peer", "", "ratio", "target"))
    line("rank --csv", "%.3f s" % rank, "%.3f s" % floor, "sqlite3, one query",
         "%.2fx" % (rank / floor), "<= 2x", rank <= 2 * floor)
    if export is None:
        print("  export: not available (no `simsa export` in this build)")
    else:
        line("export", "%.3f s" % export, "%.3f s" % peer, "XlsxWriter, %d cells" % n_cells,
             "%.1fx" % (peer / export), ">= 10x faster", peer >= 10 * export)
    line("verify", "%.3f s" % verify, "%.3f s" % vfloor, "sign-verify loop",
         "%.2fx" % (verify / vfloor), "<= 1.3x", verify <= 1.3 * vfloor)
    line("first paint", "%.1f ms" % (paint * 1000), "", "pty 100x30", "", "<= 50 ms",
         paint <= 0.050)
    line("whole dashboard", "%.1f ms" % (ready * 1000), "", "read in the background", "", "",
         True)
    line("keystroke (apps j)", "%.1f ms" % (key * 1000), "", "pty 100x30", "", "", True)
    print("  peak memory: rank %.1f MB, interactive %.1f MB (target <= 32 MB each: %s); "
          "verify %.1f MB%s; sqlite3 query %.1f MB"
          % (rank_mb, tui_mb, "ok" if max(rank_mb, tui_mb) <= 32 else "MISSED", verify_mb,
             "" if export is None else ", export %.1f MB" % export_mb, floor_mb))


if __name__ == "__main__":
    main()
