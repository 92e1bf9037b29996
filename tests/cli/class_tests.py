#!/usr/bin/env python3
"""backprop-cli class-host / class-join end to end over loopback (class mode, issue 15).

Usage: class_tests.py --cli PATH --data resources/data --work DIR CASE
Each case starts real processes on 127.0.0.1 ports chosen free by the system.
"""
import csv
import json
import os
import socket
import subprocess
import time

import testlib
from testlib import check, data, fail

A = testlib.A  # parsed arguments


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def host(port, *extra):
    return subprocess.Popen([A.cli, "class-host", "--port", str(port), "--code", "ROOM42",
                             "--listen", "127.0.0.1", *map(str, extra)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=A.work)


def wait_listening(port, proc):
    for _ in range(100):
        if proc.poll() is not None:
            fail(f"class-host ended early: {proc.communicate()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    fail("class-host did not listen")


def join(port, name, *train, code="ROOM42"):
    return subprocess.Popen([A.cli, "class-join", "--host", f"127.0.0.1:{port}", "--code", code,
                             "--name", name, "--train", data("mnist_train_100.csv"),
                             "--test", data("mnist_test_10.csv"), "--json", *map(str, train)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=A.work)


def finish(proc, timeout=60):
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


# ---- cases ------------------------------------------------------------------------------------

def class_report():
    """Two students train; the report has one row per epoch each printed, with its numbers."""
    port = free_port()
    report = os.path.join(A.work, "report.csv")
    h = host(port, "--report", report, "--duration", 60)
    wait_listening(port, h)
    ann = join(port, "Ann Lee", "--epochs", 4, "--layers", "auto,50,10", "--lr", 0.2)
    li = join(port, "李雷", "--epochs", 3, "--lr", 0.05, "--seed", 3)
    printed = {}
    for name, p in (("Ann Lee", ann), ("李雷", li)):
        status, out, err = finish(p)
        check(status == 0, f"class-join {name}: exit {status}: {err}")
        check("joined the class as " + name in err, f"class-join {name} did not say it joined: {err}")
        printed[name] = [json.loads(line) for line in out.splitlines()]
    h.terminate()  # Ctrl-C-like stop: the report must be complete
    status, out, err = finish(h)
    check(status == 0, f"class-host exit {status}: {err}")
    check("joined: Ann Lee" in out and "joined: 李雷" in out, f"host output: {out}")
    with open(report, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(list(rows[0].keys()) == ["name", "learning_rate", "hidden", "epoch", "test_accuracy",
                                   "samples_seen"], f"report header: {list(rows[0].keys())}")
    for name, hidden, lr in (("Ann Lee", "50", 0.2), ("李雷", "200", 0.05)):
        mine = [r for r in rows if r["name"] == name]
        check(len(mine) == len(printed[name]),
              f"{name}: {len(mine)} report rows, {len(printed[name])} epochs trained")
        for r, e in zip(mine, printed[name]):
            check(int(r["epoch"]) == e["epoch"], f"{name}: epoch {r['epoch']} vs {e['epoch']}")
            check(abs(float(r["test_accuracy"]) - e["test_accuracy"]) < 1e-12, f"{name}: accuracy")
            check(abs(float(r["learning_rate"]) - lr) < 1e-12, f"{name}: learning rate")
            check(r["hidden"] == hidden, f"{name}: hidden {r['hidden']}")
            check(int(r["samples_seen"]) == 100 * e["epoch"], f"{name}: samples {r['samples_seen']}")
    check(f"{len(rows)} epoch result(s)" in out, f"host summary: {out}")


def class_host_returns():
    """The student starts while no host listens, keeps training, and delivers when it appears."""
    port = free_port()
    report = os.path.join(A.work, "report.csv")
    s = join(port, "Bo", "--epochs", 6, "--wait", 30)
    time.sleep(1.5)
    h = host(port, "--report", report, "--duration", 60)
    status, out, err = finish(s)
    check(status == 0, f"class-join exit {status}: {err}")
    check("not reachable" in err, f"the student did not say the host was away: {err}")
    check("sent 6 epoch result(s)" in err, f"class-join: {err}")
    h.terminate()
    finish(h)
    with open(report, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check([int(r["epoch"]) for r in rows] == [1, 2, 3, 4, 5, 6], f"rows: {rows}")


def class_refused():
    """A wrong code: trained anyway, but exit 1 and the reason on stderr; the host counts it."""
    port = free_port()
    h = host(port, "--duration", 60)
    wait_listening(port, h)
    status, out, err = finish(join(port, "Eve", "--epochs", 1, code="WRONG9"))
    check(status == 1, f"exit {status}, expected 1: {err}")
    check("refused: code" in err, f"stderr: {err}")
    h.terminate()
    status, out, err = finish(h)
    check("wrong_code 1" in out, f"host output: {out}")


def class_usage():
    """Usage errors exit 2 with one line, before anything is opened."""
    cases = [
        (["class-host", "--code", "ROOM42"], "--port"),
        (["class-host", "--port", "5000", "--code", "ab"], "--code"),
        (["class-host", "--port", "70000", "--code", "ROOM42"], "--port"),
        (["class-host", "--port", "5000", "--code", "ROOM42", "--listen", "nowhere"], "--listen"),
        (["class-join", "--host", "127.0.0.1", "--code", "ROOM42", "--name", "A", "--train", "x"],
         "--host"),
        (["class-join", "--host", "127.0.0.1:0", "--code", "ROOM42", "--name", "A"], "port"),
        (["class-join", "--host", "127.0.0.1:5000", "--code", "ROOM42", "--name", "<b>", "--train",
          "x"], "--name"),
        (["class-join", "--host", "127.0.0.1:5000", "--code", "ROOM42", "--name", "A",
          "--bogus"], "--bogus"),
    ]
    for args, part in cases:
        p = subprocess.run([A.cli, *args], capture_output=True, text=True, cwd=A.work, timeout=30)
        check(p.returncode == 2, f"{args}: exit {p.returncode}: {p.stderr}")
        lines = p.stderr.splitlines()
        check(len(lines) == 1 and part in lines[0], f"{args}: stderr {p.stderr!r}")
    p = subprocess.run([A.cli, "class-join", "--help"], capture_output=True, text=True)
    check(p.returncode == 0 and "TRAIN OPTIONS" in p.stdout, "class-join --help")


if __name__ == "__main__":
    testlib.main(globals())
