#!/usr/bin/python3
"""The book's three-layer network, written for this repository in NumPy: the independent
implementation the studio's numbers are compared with (tests/slow/numpy_reference.py) and
measured against (bench/*.py), so that a plain clone can run every comparison.

It follows Make Your Own Neural Network (自己动手用Python编写神经网络) line for line: a class
with init / train / query, no bias, the logistic sigmoid everywhere, one sample at a time,
inputs x / 255 · 0.99 + 0.01, targets 0.01 with 0.99 at the label, initial weights drawn from
normal(0, 1/√(incoming links)), float64.

  forward   X_h = W_ih · I      O_h = sigmoid(X_h)      X_o = W_ho · O_h      O_o = sigmoid(X_o)
  errors    E_o = T − O_o       E_h = W_hoᵀ · E_o       (with W_ho before its update)
  update    ΔW_ho = α · (E_o ∘ O_o ∘ (1 − O_o)) · O_hᵀ,  ΔW_ih = α · (E_h ∘ O_h ∘ (1 − O_h)) · Iᵀ

Needs Debian's python3-numpy; run it with /usr/bin/python3.

  book_numpy.py --train TRAIN.csv[.gz] --test TEST.csv[.gz] --hidden 200 --lr 0.1 --epochs 1
  book_numpy.py ... --limit 10000        # the first N training rows only
  book_numpy.py ... --save-init DIR      # write the initial weights as DIR/wih.npy, DIR/who.npy
  book_numpy.py ... --init-npy DIR       # start from DIR/wih.npy and DIR/who.npy
  book_numpy.py ... --export-npy DIR     # write the trained weights there

Prints one JSON line per epoch: {"epoch", "train_seconds", "test_accuracy"}; train_seconds is
the training loop alone (the files are read and scaled before the clock starts).
"""
import argparse
import gzip
import json
import os
import time

import numpy


def logistic(x):
    """sigmoid(x) = 1 / (1 + e^−x), the book's activation (scipy.special.expit)."""
    return 1.0 / (1.0 + numpy.exp(-x))


class neuralNetwork:
    """The book's class: three layers, weights as matrices, trained one sample at a time."""

    def __init__(self, inputnodes, hiddennodes, outputnodes, learningrate, rng):
        self.inodes, self.hnodes, self.onodes = inputnodes, hiddennodes, outputnodes
        self.lr = learningrate
        # W_ih: hidden × inputs, W_ho: outputs × hidden; spread 1/√(links into a node)
        self.wih = rng.normal(0.0, pow(self.inodes, -0.5), (self.hnodes, self.inodes))
        self.who = rng.normal(0.0, pow(self.hnodes, -0.5), (self.onodes, self.hnodes))

    def train(self, inputs, targets):
        """One sample: inputs and targets are column vectors (inodes × 1, onodes × 1)."""
        hidden_outputs = logistic(numpy.dot(self.wih, inputs))
        final_outputs = logistic(numpy.dot(self.who, hidden_outputs))
        output_errors = targets - final_outputs
        hidden_errors = numpy.dot(self.who.T, output_errors)
        self.who += self.lr * numpy.dot(output_errors * final_outputs * (1.0 - final_outputs),
                                        hidden_outputs.T)
        self.wih += self.lr * numpy.dot(hidden_errors * hidden_outputs * (1.0 - hidden_outputs),
                                        inputs.T)

    def query(self, inputs):
        """The network's outputs for one input column."""
        return logistic(numpy.dot(self.who, logistic(numpy.dot(self.wih, inputs))))


def read_rows(path, limit=0):
    """(labels, scaled inputs as columns) of an MNIST CSV (label, 784 pixels), gzip or not."""
    opener = gzip.open if path.endswith(".gz") else open
    labels, columns = [], []
    with opener(path, "rt") as f:
        for line in f:
            if limit and len(labels) == limit:
                break
            values = line.strip().split(",")
            if len(values) < 2:
                continue
            labels.append(int(values[0]))
            pixels = numpy.asarray(values[1:], dtype=numpy.float64)
            columns.append((pixels / 255.0 * 0.99 + 0.01).reshape(-1, 1))
    return labels, columns


def save_weights(n, directory):
    """The book's two matrices as directory/wih.npy and directory/who.npy."""
    os.makedirs(directory, exist_ok=True)
    numpy.save(os.path.join(directory, "wih.npy"), n.wih)
    numpy.save(os.path.join(directory, "who.npy"), n.who)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--hidden", type=int, default=200)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--save-init", default="")
    ap.add_argument("--init-npy", default="")
    ap.add_argument("--export-npy", default="")
    a = ap.parse_args()

    train_labels, train_inputs = read_rows(a.train, a.limit)
    test_labels, test_inputs = read_rows(a.test)
    outputs = 10
    targets = []
    for label in train_labels:
        t = numpy.zeros((outputs, 1)) + 0.01
        t[label, 0] = 0.99
        targets.append(t)

    n = neuralNetwork(train_inputs[0].shape[0], a.hidden, outputs, a.lr,
                      numpy.random.default_rng(a.seed))
    if a.init_npy:
        n.wih = numpy.load(os.path.join(a.init_npy, "wih.npy")).astype(numpy.float64)
        n.who = numpy.load(os.path.join(a.init_npy, "who.npy")).astype(numpy.float64)
    if a.save_init:
        save_weights(n, a.save_init)

    for epoch in range(1, a.epochs + 1):
        start = time.perf_counter()
        for inputs, t in zip(train_inputs, targets):
            n.train(inputs, t)
        seconds = time.perf_counter() - start
        right = sum(int(numpy.argmax(n.query(inputs))) == label
                    for inputs, label in zip(test_inputs, test_labels))
        print(json.dumps({"epoch": epoch, "train_seconds": round(seconds, 4),
                          "test_accuracy": right / max(1, len(test_labels))}), flush=True)

    if a.export_npy:
        save_weights(n, a.export_npy)


if __name__ == "__main__":
    main()
