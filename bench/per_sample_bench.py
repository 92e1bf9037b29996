#!/usr/bin/env python3
"""Per-sample training at the cache's limit (issue 11): one full-MNIST epoch of the book's
784-200-10 network, lr 0.1, file order, against the NumPy reference in the same run.

    python3 bench/per_sample_bench.py [--build build/release] [--shared ../shared] [--pairs 3]

Each round runs, back to back: the NumPy reference (--reference, default bench/book_numpy.py, one
OpenBLAS thread, pinned to core 1 as bench/run_benchmarks.py does), backprop-cli with
--threads 1 pinned to core 1 (one core, as before), backprop-cli with its default threads
(every core), and the same with --precision float. Ratios are NumPy's training seconds over
each CLI run's, per round; the median of the rounds is reported. Every run's test accuracy is
printed too, and the default run's weights are checked to be byte-identical to --threads 1's.
Needs Debian's python3-numpy (run as /usr/bin/python3) and taskset.
"""
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from benchlib import arguments, numpy_env


def run(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return [json.loads(l) for l in out.stdout.splitlines() if l.startswith("{")][-1]


def main():
    a = arguments().parse_args()
    cli = os.path.join(a.build, "app", "backprop-cli")
    train = os.path.join(a.shared, "data", "mnist_train.csv.gz")
    test = os.path.join(a.shared, "data", "mnist_test.csv.gz")
    for f in (cli, train, test):
        if not os.path.exists(f):
            sys.exit(f"missing {f}")
    tmp = tempfile.mkdtemp(prefix="bp-per-sample-")
    base = [cli, "train", "--train", train, "--test", test, "--layers", "784,200,10", "--lr", "0.1",
            "--epochs", "1", "--json"]
    runs = {
        "cli_1_thread": ["taskset", "-c", "1"] + base + ["--threads", "1", "--export-npy",
                                                         os.path.join(tmp, "t1")],
        "cli_default": base + ["--export-npy", os.path.join(tmp, "tn")],
        "cli_float": base + ["--precision", "float"],
    }
    rounds = []
    for r in range(a.pairs):
        n = run(["taskset", "-c", "1", "/usr/bin/python3",
                 a.reference, "--train", train, "--test",
                 test, "--hidden", "200", "--lr", "0.1", "--epochs", "1"], env=numpy_env())
        row = {"numpy_s": n["train_seconds"], "numpy_accuracy": n["test_accuracy"]}
        for name, cmd in runs.items():
            c = run(cmd)
            row[name + "_s"] = c["seconds"]
            row[name + "_threads"] = c["threads"]
            row[name + "_accuracy"] = c["test_accuracy"]
            row[name + "_ratio"] = n["train_seconds"] / c["seconds"]
        row["identical_weights"] = all(
            filecmp.cmp(os.path.join(tmp, "t1", f), os.path.join(tmp, "tn", f), shallow=False)
            for f in ("wih.npy", "who.npy"))
        rounds.append(row)
        print(json.dumps({"round": r + 1, **row}), flush=True)
    summary = {k: statistics.median(x[k] for x in rounds)
               for k in rounds[0] if k.endswith("_s") or k.endswith("_ratio")}
    summary["identical_weights"] = all(x["identical_weights"] for x in rounds)
    summary["load_average"] = os.getloadavg()[0]
    print(json.dumps({"median": summary}), flush=True)
    shutil.rmtree(tmp)
    return 0 if summary["identical_weights"] else 1


if __name__ == "__main__":
    sys.exit(main())
