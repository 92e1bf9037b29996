#!/usr/bin/env python3
"""What backprop-cli and backprop-studio refuse before doing any work (issue 12), end to end.

Usage: refusal_tests.py --cli PATH --studio PATH --data resources/data --work DIR CASE
Only the standard library.
"""
import argparse
import os
import shutil
import struct
import subprocess
import sys

A = None  # parsed arguments


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def run(program, *args, env=None):
    e = dict(os.environ, **(env or {}))
    p = subprocess.run([program, *map(str, args)], capture_output=True, cwd=A.work, env=e,
                       timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cli(*args):
    return run(A.cli, *args)


def studio(*args):
    # offscreen, and closed at once should it ever get as far as its window
    return run(A.studio, *args, env={"QT_QPA_PLATFORM": "offscreen", "BP_QUIT_AFTER_MS": "1"})


def error_line(err, prefix):
    lines = [l for l in err.splitlines() if l.startswith(prefix)]
    check(len(lines) == 1, f"expected one line starting {prefix!r} on stderr, got {err!r}")
    return lines[0]


def data(name):
    return os.path.join(A.data, name)


def idx_pair(prefix, rows, cols):
    images, labels = prefix + "-images-idx3-ubyte", prefix + "-labels-idx1-ubyte"
    with open(images, "wb") as f:
        f.write(struct.pack(">IIII", 0x803, 1, rows, cols) + bytes(rows * cols))
    with open(labels, "wb") as f:
        f.write(struct.pack(">II", 0x801, 1) + bytes([3]))
    return images


# ---- cases -------------------------------------------------------------------------------------

def network_too_large():
    """Data no network can be built on: exit 1 naming the file and the limit; --layers whose
    weights alone would not fit: exit 2 before the data is read, saying how much was asked."""
    huge = idx_pair(os.path.join(A.work, "huge"), 1001, 1000)  # 1,001,000 pixels
    for args in (["info", huge], ["train", "--train", huge, "--quiet"]):
        status, _, err = cli(*args)
        check(status == 1, f"{args}: exit status {status}, expected 1: {err}")
        line = error_line(err, "backprop-cli: ")
        check(huge in line and "1,000,000" in line, line)
    # the widest images the loader takes, under hidden layers too many for memory on them
    wide = idx_pair(os.path.join(A.work, "wide"), 1000, 1000)
    status, _, err = cli("train", "--train", wide, "--layers", "auto,1000000,10", "--quiet")
    check(status == 1, f"wide data: exit status {status}, expected 1: {err}")
    line = error_line(err, "backprop-cli: ")
    check(wide in line and "needs" in line and "of memory" in line, line)
    # the layers alone: refused before loading (the training file does not even exist)
    status, _, err = cli("train", "--train", "absent.csv", "--layers", "auto,1000000,1000000,10")
    check(status == 2, f"--layers alone: exit status {status}, expected 2: {err}")
    line = error_line(err, "backprop-cli train: ")
    check("16.0 TB of memory" in line and "absent.csv" not in line, line)


def studio_options():
    """The studio's options are checked by the CLI's code: the same message, exit status 2,
    before any window; control bytes are never echoed."""
    cases = [("lr", "nan"), ("lr", "-1"), ("lr", "inf"), ("epochs", "-1"), ("epochs", "1.5"),
             ("seed", "x"), ("seed", "-3"), ("lr", "\x1b[2J")]
    for option, value in cases:
        status, _, err = studio(f"--{option}", value)
        check(status == 2, f"studio --{option} {value!r}: exit status {status}: {err}")
        line = error_line(err, "backprop-studio: ")
        check("\x1b" not in err, f"a raw ESC on stderr: {err!r}")
        # the same sentence as backprop-cli's, up to the bounds (the panel's fields are narrower)
        cstatus, _, cerr = cli("train", "--train", data("mnist_train_100.csv"), f"--{option}",
                               value, "--quiet")
        check(cstatus == 2, f"cli --{option} {value!r}: {cstatus}: {cerr}")
        cline = error_line(cerr, "backprop-cli train: ")
        head = line[len("backprop-studio: "):].split(" from ")[0]
        check(head in cline, f"studio says {line!r}, the CLI {cline!r}")
        check(f"got '{value}'" in line or "\\x1b" in line, line)
    status, _, err = studio("--hidden", "100,abc")
    check(status == 2 and "'abc' is not one" in error_line(err, "backprop-studio: "), err)
    status, _, err = studio("--hidden", ",".join(["4096"] * 200))
    line = error_line(err, "backprop-studio: ")
    check(status == 2 and "needs" in line and "of memory" in line, line)
    status, _, err = studio("--host-class", "99999")
    check(status == 2 and "'--host-class'" in error_line(err, "backprop-studio: "), err)


CASES = {f.__name__: f for f in (network_too_large, studio_options)}


def main():
    global A
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--studio")
    p.add_argument("--data", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("case", choices=sorted(CASES))
    A = p.parse_args()
    shutil.rmtree(A.work, ignore_errors=True)
    os.makedirs(A.work)
    CASES[A.case]()
    print("PASS", A.case)


if __name__ == "__main__":
    main()
