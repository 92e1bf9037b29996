#!/usr/bin/env python3
"""backprop-cli on numbers that go wrong and on hostile files (issue 6): one case per CTest test.

Usage: hostile_tests.py --cli PATH --data resources/data --work DIR CASE
Every run is a child process whose peak RSS is read with os.wait4, so each case also states and
checks its memory bound. Standard library only; helpers shared with cli_tests.py.
"""
import gzip
import json
import math
import os
import subprocess
import zlib

import testlib
from cli_tests import one_line_error, write
from testlib import check, data, fail

A = testlib.A  # parsed arguments


def run(*args, expect=None):
    """Runs backprop-cli; returns (status, stdout, stderr, peak RSS in MiB)."""
    with open(os.path.join(A.work, "out"), "w+") as out, open(os.path.join(A.work, "err"),
                                                                "w+") as err:
        p = subprocess.Popen([A.cli, *map(str, args)], stdout=out, stderr=err, cwd=A.work)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        o, e = out.read(), err.read()
    if expect is not None and p.returncode != expect:
        fail(f"{' '.join(map(str, args))}: exit status {p.returncode}, expected {expect}\n"
             f"stdout: {o}\nstderr: {e}")
    return p.returncode, o, e, usage.ru_maxrss / 1024


def epochs_json(out):
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    for r in rows:
        check(math.isfinite(r["mean_error"]), f"mean_error is not finite: {r}")
        check(r["test_accuracy"] is None or math.isfinite(r["test_accuracy"]), f"bad accuracy {r}")
    return rows


def book_rows():
    with open(data("mnist_train_100.csv")) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


# ---- numbers that go wrong ----------------------------------------------------------------------

def rate_100():
    # The book's sigmoid network saturates: exit 0, every figure finite.
    _, out, _, _ = run("train", "--train", data("mnist_train_100.csv"), "--test",
                       data("mnist_test_10.csv"), "--lr", "100", "--epochs", "3", "--json",
                       "--quiet", expect=0)
    check(len(epochs_json(out)) == 3, out)
    # Deep ReLU at rate 100 overflows: exit 3, one line saying so, nothing saved.
    _, out, err, _ = run("train", "--train", data("mnist_train_100.csv"), "--activation", "relu",
                         "--layers", "auto,100,100,100,100,10", "--lr", "100", "--epochs", "3",
                         "--json", "--save", "never.bpm", expect=3)
    one_line_error(err, "diverged", "learning rate 100")
    epochs_json(out)
    check(not os.path.exists(os.path.join(A.work, "never.bpm")), "a diverged model was saved")


def constant_images():
    for value in (0, 255):
        rows = [f"{i % 10}" + f",{value}" * 784 for i in range(50)]
        path = write(f"const{value}.csv", "\n".join(rows) + "\n")
        for act in ("sigmoid", "tanh", "relu"):
            _, out, _, _ = run("train", "--train", path, "--test", path, "--activation", act,
                               "--epochs", "3", "--json", "--quiet", expect=0)
            results = epochs_json(out)
            # one input for every row: one prediction, so at most one label in ten is right
            check(results[-1]["test_accuracy"] <= 0.1 + 1e-9, results[-1])


def all_equal_labels():
    rows = ["7" + r[r.index(","):] for r in book_rows()]
    path = write("sevens.csv", "\n".join(rows) + "\n")
    for act in ("sigmoid", "tanh", "relu"):
        _, out, _, _ = run("train", "--train", path, "--test", path, "--activation", act,
                           "--epochs", "2", "--json", "--quiet", expect=0)
        check(epochs_json(out)[-1]["test_accuracy"] == 1.0, out)


# ---- hostile files -----------------------------------------------------------------------------

# A sanitized build (scripts/sanitize.sh sets BP_RSS_SLACK) needs shadow memory: bounds × slack.
RSS_SLACK = float(os.environ.get("BP_RSS_SLACK", "1"))


def hostile_info(name, content, *parts, bound_mib=64):
    bound_mib *= RSS_SLACK
    path = os.path.join(A.work, name)
    with open(path, "wb") as f:
        f.write(content)
    _, out, err, rss = run("info", name, expect=1)
    one_line_error(err, name, *parts)
    check(out == "", f"nothing should go to stdout on error, got {out!r}")
    check(rss < bound_mib, f"info {name}: peak RSS {rss:.0f} MiB, bound {bound_mib} MiB")
    print(f"info {name}: exit 1 in one line, peak RSS {rss:.1f} MiB (bound {bound_mib} MiB)")


def hostile_files():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)
    hostile_info("digit.csv", png, "is a PNG image, not a CSV file")
    book = open(data("mnist_train_100.csv"), "rb").read()
    cut = book[:book.index(b"\n", len(book) // 2) + 700]  # ends ~700 bytes into a line
    line = cut.count(b"\n") + 1
    hostile_info("cut.csv", cut, f"cut.csv:{line}: line {line} has", "expected 785 like line 1")
    gz = open(data("mnist_train_5000.csv.gz"), "rb").read()
    hostile_info("cut.csv.gz", gz[:len(gz) // 2], "truncated")
    # 10 million fields on one line: refused before splitting (read buffer ≤ 2 × the line)
    hostile_info("wide.csv", b"5" + b",0" * 10_000_000 + b"\n", "10000001 values",
                 bound_mib=96)


def newer_model():
    run("train", "--train", data("mnist_train_100.csv"), "--layers", "auto,20,10", "--epochs", "0",
        "--save", "m.bpm", "--quiet", expect=0)
    b = bytearray(open(os.path.join(A.work, "m.bpm"), "rb").read())
    b[:11] = b"BPSMODEL 2\n"
    b[-4:] = (zlib.crc32(bytes(b[:-4])) & 0xFFFFFFFF).to_bytes(4, "little")
    open(os.path.join(A.work, "new.bpm"), "wb").write(bytes(b))
    _, _, err, _ = run("eval", "--model", "new.bpm", "--test", data("mnist_test_10.csv"), expect=1)
    one_line_error(err, "new.bpm", "newer Backprop Studio", "format 2")


# ---- reads bounded before they are made (issue 12) ---------------------------------------------

def timed(*args, expect=None):
    """run() with the wall time of the child: (status, stdout, stderr, peak MiB, seconds)."""
    import time
    t0 = time.monotonic()
    status, out, err, rss = run(*args, expect=expect)
    return status, out, err, rss, time.monotonic() - t0


def refused_at_once(what, path, *args, parts=(), bound_mib=64):
    """backprop-cli ARGS on a hostile path: exit 1 within a second, one line naming the path."""
    _, out, err, rss, seconds = timed(*args, expect=1)
    one_line_error(err, path, *parts)
    check(out == "", f"nothing should go to stdout on error, got {out!r}")
    check(seconds < 1.0, f"{what}: {seconds:.2f} s, more than a second")
    check(rss < bound_mib * RSS_SLACK, f"{what}: peak RSS {rss:.0f} MiB, bound {bound_mib} MiB")
    print(f"{what}: exit 1 in {seconds:.3f} s, peak RSS {rss:.1f} MiB: {err.strip()}")


def bounded_reads():
    test = data("mnist_test_10.csv")
    fifo = os.path.join(A.work, "fifo")
    os.mkfifo(fifo)
    folder = os.path.join(A.work, "folder.bpm")
    os.mkdir(folder)
    sparse = os.path.join(A.work, "sparse.csv")
    with open(sparse, "wb") as f:
        f.write(b"5" + b",0" * 784 + b"\n")
        f.truncate(10 << 30)  # 10 GB, a hole after the first line
    sparse_bpm = os.path.join(A.work, "sparse.bpm")
    with open(sparse_bpm, "wb") as f:
        f.write(b"BPSMODEL 1\nlayers 784,200,10\n")
        f.truncate(10 << 30)
    for path in ("/dev/zero", "/dev/urandom", fifo, folder, sparse):
        refused_at_once(f"info {path}", path, "info", path)
    for path in ("/dev/zero", "/dev/urandom", fifo, folder, sparse_bpm):
        refused_at_once(f"eval --model {path}", path, "eval", "--model", path, "--test", test)
    refused_at_once("eval --model folder", folder, "eval", "--model", folder, "--test", test,
                    parts=("is a folder, not a model file",))
    refused_at_once("eval --model fifo", fifo, "eval", "--model", fifo, "--test", test,
                    parts=("nothing to read: a pipe or FIFO that no program is writing to",))
    refused_at_once("eval sparse model", sparse_bpm, "eval", "--model", sparse_bpm, "--test", test,
                    parts=('header has no "end" line',))
    refused_at_once("info sparse csv", sparse, "info", sparse, parts=(":2: NUL byte at byte",))
    # --init-npy: a folder named like a weight file, and NaN in one.
    npy = os.path.join(A.work, "npy")
    os.mkdir(npy)
    os.mkdir(os.path.join(npy, "wih.npy"))
    refused_at_once("--init-npy with a folder wih.npy", "wih.npy", "train", "--train",
                    data("mnist_train_100.csv"), "--init-npy", npy, "--quiet",
                    parts=("is a folder, not a .npy file",))


def gzip_through_a_pipe():
    # A stream that cannot seek: the gzip magic read to recognise it is not lost.
    csv = data("mnist_train_100.csv")
    for shell, line in (("sh", f"gzip -c '{csv}' | '{A.cli}' info /dev/stdin"),
                        ("bash", f"'{A.cli}' info <(gzip -c '{csv}')")):
        p = subprocess.run([shell, "-c", line], capture_output=True, text=True, cwd=A.work)
        check(p.returncode == 0, f"{line}: exit {p.returncode}: {p.stderr}")
        check("rows    100" in p.stdout, f"{line}: {p.stdout}")
        print(f"{line}: {p.stdout.splitlines()[1]}")


if __name__ == "__main__":
    testlib.main(globals())
