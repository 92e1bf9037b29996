"""What the end-to-end test scripts share: their arguments, failing, checking, running a program.

Each script (cli_tests.py, hostile_tests.py, class_tests.py, refusal_tests.py and
../bridges/bridges_tests.py) is one CTest test per case:

    SCRIPT --cli PATH --data DIR --work DIR [script's own options] CASE

main() parses that, empties the work directory, runs the case and prints "PASS CASE"; a case
fails by calling fail() (or check()), which prints "FAIL: …" and exits 1. Standard library only.
"""
import argparse
import os
import shutil
import subprocess
import sys
import types

# The parsed arguments (cli, data, work, case and each script's own), filled in by main(). A
# script keeps it as its module-level `A` (A = testlib.A) and reads A.cli, A.work, … in its cases.
A = types.SimpleNamespace()


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def data(name):
    """A file of the --data directory."""
    return os.path.join(A.data, name)


def work(name):
    """A file of the --work directory (the cases' current directory)."""
    return os.path.join(A.work, name)


def run(program, *args, expect=None, env=None, timeout=None):
    """Runs program with args in the work directory; returns (status, stdout, stderr) as text.

    expect: the exit status the case needs (None: any); another status fails with the command,
    its status and what it printed. env: variables added to the environment.
    """
    p = subprocess.run([program, *map(str, args)], capture_output=True, cwd=A.work,
                       env=dict(os.environ, **(env or {})), timeout=timeout)
    out, err = (s.decode("utf-8", "replace") for s in (p.stdout, p.stderr))
    if expect is not None and p.returncode != expect:
        fail(f"{os.path.basename(program)} {' '.join(map(str, args))}: exit status "
             f"{p.returncode}, expected {expect}\nstdout: {out}\nstderr: {err}")
    return p.returncode, out, err


def main(cases, options=()):
    """Parses the arguments, empties --work and runs the case named on the command line.

    cases: name → function (a script passes globals(): every function is a case). options:
    (flag, add_argument keywords) pairs of the script's own options.
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--work", required=True)
    for flag, keywords in options:
        parser.add_argument(flag, **keywords)
    parser.add_argument("case")
    vars(A).update(vars(parser.parse_args()))
    A.cli, A.data, A.work = (os.path.abspath(p) for p in (A.cli, A.data, A.work))
    case = cases.get(A.case)
    if not callable(case):
        fail(f"no test case named {A.case}")
    shutil.rmtree(A.work, ignore_errors=True)
    os.makedirs(A.work)
    case()
    print("PASS", A.case)
