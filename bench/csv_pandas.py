#!/usr/bin/python3
"""pandas.read_csv on an MNIST-style CSV: the loader a Python user of the book would reach for,
timed as the peer of `backprop-cli info` (bench/run_benchmarks.py). Needs python3-pandas.

  csv_pandas.py FILE.csv    prints {"rows", "columns", "seconds"}; the import is not timed
"""
import json
import sys
import time

import pandas

start = time.perf_counter()
table = pandas.read_csv(sys.argv[1], header=None)
seconds = time.perf_counter() - start
print(json.dumps({"rows": int(table.shape[0]), "columns": int(table.shape[1]),
                  "seconds": round(seconds, 4)}))
