"""What the paired benchmarks share: their command line and the NumPy reference's environment."""
import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def arguments(description=None):
    """--build, --shared (full MNIST), --reference (the book's code in NumPy), --pairs."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--build", default="build/release")
    ap.add_argument("--shared", default="../shared", help="folder with data/mnist_*.csv.gz")
    ap.add_argument("--reference", default=os.path.join(HERE, "book_numpy.py"),
                    help="the book's code in NumPy to measure against (default: bench/book_numpy.py)")
    ap.add_argument("--pairs", type=int, default=3)
    return ap


def numpy_env():
    """The environment for the NumPy reference: one OpenBLAS thread, no forced core type."""
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)   # as the reference script asks, for a current numpy
    env.pop("OPENBLAS_L2_SIZE", None)
    env["OPENBLAS_NUM_THREADS"] = "1"
    return env
