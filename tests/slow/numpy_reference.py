#!/usr/bin/python3
"""Against an independent implementation: the book's NumPy code (bench/book_numpy.py, or another
given with --reference) and backprop-cli, started from the same .npy weights, train one epoch
over mnist_train_100.csv; every weight must agree within --tolerance.

  1. backprop-cli train --epochs 0 --seed 1 --export-npy INIT        (our initial weights)
  2. book_numpy.py --train mnist_train_100.csv ... --init-npy INIT --export-npy REF
  3. backprop-cli train --epochs 1 --init-npy INIT --export-npy OURS
  4. compare REF and OURS with numpy
"""
import argparse
import os
import shutil
import subprocess
import sys

import numpy as np


def run(cmd):
    print("running:", " ".join(cmd), flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        print(f"FAIL: exit status {p.returncode}: {p.stderr.strip()}")
        sys.exit(1)
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--reference", required=True, help="the book's code in NumPy")
    ap.add_argument("--data", required=True, help="folder with mnist_train_100.csv, mnist_test_10.csv")
    ap.add_argument("--work", required=True)
    ap.add_argument("--tolerance", type=float, required=True)
    ap.add_argument("--train-file", default="mnist_train_100.csv")
    a = ap.parse_args()

    reference = a.reference
    if not os.path.exists(reference):
        print(f"FAIL: {reference} not found")
        sys.exit(1)
    train = os.path.join(a.data, a.train_file)
    test = os.path.join(a.data, "mnist_test_10.csv")
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    init, ref, ours = (os.path.join(a.work, d) for d in ("init", "ref", "ours"))

    run([a.cli, "train", "--train", train, "--layers", "784,200,10", "--epochs", "0", "--seed", "1",
         "--export-npy", init, "--quiet"])
    out = run(["/usr/bin/python3", reference, "--train", train, "--test", test, "--hidden", "200",
               "--lr", "0.1", "--epochs", "1", "--init-npy", init, "--export-npy", ref])
    print("reference:", out.strip())
    out = run([a.cli, "train", "--train", train, "--test", test, "--layers", "784,200,10",
               "--lr", "0.1", "--epochs", "1", "--init-npy", init, "--export-npy", ours, "--json",
               "--quiet"])
    print("backprop-cli:", out.strip())

    worst = 0.0
    for name in ("wih.npy", "who.npy"):
        w0 = np.load(os.path.join(init, name))
        wr = np.load(os.path.join(ref, name))
        wo = np.load(os.path.join(ours, name))
        if wr.shape != wo.shape or wr.dtype != np.float64 or wo.dtype != np.float64:
            print(f"FAIL: {name}: reference {wr.shape} {wr.dtype}, ours {wo.shape} {wo.dtype}")
            sys.exit(1)
        moved = np.max(np.abs(wr - w0))
        diff = np.max(np.abs(wr - wo))
        worst = max(worst, diff)
        print(f"{name}: shape {wo.shape}, training moved weights by up to {moved:.3e}, "
              f"max |reference - ours| = {diff:.3e}")
        if not moved > 1000 * a.tolerance:
            print(f"FAIL: {name}: training barely changed the weights; the comparison would be empty")
            sys.exit(1)
        if not diff <= a.tolerance:
            print(f"FAIL: {name}: weights differ by {diff:.3e} > {a.tolerance}")
            sys.exit(1)
    print(f"ok: all weights within {a.tolerance} (worst {worst:.3e})")


if __name__ == "__main__":
    main()
