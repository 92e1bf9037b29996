#!/usr/bin/env python3
"""Reproduces the figures of docs/BENCHMARKS.md. Run after `scripts/build.sh`:

    python3 bench/run_benchmarks.py [--build build/release] [--shared ../shared] [--pairs 3]

Each comparison alternates the two programs (A B A B ...), pinned to the same core, so both see
the same machine; the ratio is taken pair by pair and its median reported. The references are
the repository's bench/book_numpy.py (the book's code in NumPy; --reference picks another) and
bench/csv_pandas.py; they need Debian's python3-numpy and python3-pandas, run as /usr/bin/python3.
"""
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from benchlib import HERE, arguments, numpy_env


def run(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return out.stdout, out.stderr


def pinned(cmd):
    return ["taskset", "-c", "1"] + cmd if shutil.which("taskset") else cmd


def last_json(text):
    return [json.loads(l) for l in text.splitlines() if l.startswith("{")][-1]


def med(xs):
    return statistics.median(xs)


def main():
    a = arguments().parse_args()
    cli = os.path.join(a.build, "app", "backprop-cli")
    train_gz = os.path.join(a.shared, "data", "mnist_train.csv.gz")
    test_gz = os.path.join(a.shared, "data", "mnist_test.csv.gz")
    tmp = tempfile.mkdtemp(prefix="bp-bench-")
    train_csv = os.path.join(tmp, "mnist_train.csv")
    with gzip.open(train_gz, "rb") as src, open(train_csv, "wb") as dst:
        shutil.copyfileobj(src, dst)
    report = {}

    # 1. One full-MNIST epoch, 784-200-10, lr 0.1, per sample, file order: training loop only.
    np_s, cli_s, ratios, acc = [], [], [], {}
    for _ in range(a.pairs):
        out, _ = run(pinned(["/usr/bin/python3", a.reference,
                             "--train", train_gz, "--test", test_gz, "--hidden", "200", "--lr", "0.1",
                             "--epochs", "1"]), env=numpy_env())
        n = last_json(out)
        out, _ = run(pinned([cli, "train", "--train", train_gz, "--test", test_gz, "--layers",
                             "784,200,10", "--lr", "0.1", "--epochs", "1", "--json"]))
        c = last_json(out)
        np_s.append(n["train_seconds"]); cli_s.append(c["seconds"])
        ratios.append(n["train_seconds"] / c["seconds"])
        acc = {"numpy": n["test_accuracy"], "cli": c["test_accuracy"]}
    report["epoch"] = {"numpy_s": med(np_s), "cli_s": med(cli_s), "ratio": med(ratios),
                       "ratios": ratios, "accuracy": acc}
    print(json.dumps({"epoch": report["epoch"]}), flush=True)

    # 1b. Mini-batches of 32 (same network and data).
    out, _ = run(pinned([cli, "train", "--train", train_gz, "--test", test_gz, "--layers",
                         "784,200,10", "--lr", "0.1", "--epochs", "1", "--batch", "32", "--json"]))
    report["batch32"] = last_json(out)
    print(json.dumps({"batch32": report["batch32"]}), flush=True)

    # 2. Loading the uncompressed 109 MB mnist_train.csv: pandas.read_csv vs backprop-cli info.
    pd_s, our_s, ratios = [], [], []
    for _ in range(a.pairs + 2):
        out, _ = run(pinned(["/usr/bin/python3", os.path.join(HERE, "csv_pandas.py"),
                             train_csv]))
        pd_s.append(json.loads(out)["seconds"])
        out, err = run(pinned(["/usr/bin/time", "-f", "%e %M", cli, "info", train_csv, "--json"]))
        wall = float(err.strip().splitlines()[-1].split()[0])   # whole process, start to exit
        our_s.append(wall)
        ratios.append(pd_s[-1] / max(wall, 0.01))
    report["csv_load"] = {"pandas_s": med(pd_s), "cli_info_process_s": med(our_s),
                          "ratio": med(ratios)}
    print(json.dumps({"csv_load": report["csv_load"]}), flush=True)

    # 3. Peak memory of a full-MNIST training run.
    _, err = run(["/usr/bin/time", "-f", "%M", cli, "train", "--train", train_gz, "--test", test_gz,
                  "--epochs", "1", "--json"])
    report["train_peak_mb"] = int(err.strip().splitlines()[-1]) / 1024
    print(json.dumps({"train_peak_mb": report["train_peak_mb"]}), flush=True)
    shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
