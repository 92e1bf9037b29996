#!/usr/bin/env python3
"""What backprop-cli and backprop-studio refuse before doing any work (issue 12), end to end.

Usage: refusal_tests.py --cli PATH --studio PATH --data resources/data --work DIR CASE
Only the standard library.
"""
import os
import shutil
import struct
import subprocess

import testlib
from testlib import check, data, fail

A = testlib.A  # parsed arguments


def run(program, *args, env=None):
    return testlib.run(program, *args, env=env, timeout=60)


def cli(*args):
    return run(A.cli, *args)


def studio(*args):
    # offscreen, and closed at once should it ever get as far as its window
    return run(A.studio, *args, env={"QT_QPA_PLATFORM": "offscreen", "BP_QUIT_AFTER_MS": "1"})


def error_line(err, prefix):
    lines = [l for l in err.splitlines() if l.startswith(prefix)]
    check(len(lines) == 1, f"expected one line starting {prefix!r} on stderr, got {err!r}")
    return lines[0]


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


def sha(path):
    import hashlib
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def output_is_an_input():
    """An output path equal to one of the run's inputs is refused before any work (exit 2), the
    input byte for byte as it was."""
    train = os.path.join(A.work, "a.csv")
    shutil.copy(data("mnist_train_100.csv"), train)
    os.symlink("a.csv", os.path.join(A.work, "link.csv"))
    before = sha(train)
    model = os.path.join(A.work, "m.bpm")
    status, _, err = cli("train", "--train", train, "--save", model, "--quiet")
    check(status == 0 and os.path.exists(model), f"train: {status} {err}")
    model_before = sha(model)
    for args, what in [
        (["train", "--train", train, "--save", train, "--quiet"], "--save"),
        (["train", "--train", train, "--save", "./link.csv", "--quiet"], "--save"),
        (["train", "--train", data("mnist_train_100.csv"), "--test", train, "--save", train],
         "--save"),
        (["convert", train, train], "OUT"),
        (["convert", train, "link.csv"], "OUT"),
        (["backquery", "--model", model, "--label", "3", "--out", model], "--out"),
        (["export", "--model", model, "--onnx", model], "--onnx"),
    ]:
        status, _, err = cli(*args)
        check(status == 2, f"{args}: exit status {status}, expected 2: {err}")
        line = error_line(err, "backprop-cli ")
        check(what in line and "same file" in line, line)
    check(sha(train) == before and sha(model) == model_before, "an input was changed")
    # IDX: the labels file beside the images is an input too
    status, _, err = cli("convert", train, os.path.join(A.work, "x-images-idx3-ubyte"))
    check(status == 0, err)
    images = os.path.join(A.work, "x-images-idx3-ubyte")
    status, _, err = cli("convert", images, os.path.join(A.work, "x-labels-idx1-ubyte"),
                         "--to", "idx")
    check(status == 2 and "same file" in err, f"{status} {err}")


def save_path_checked_first():
    """--save into a folder that does not exist, or naming a folder: refused before training
    (exit 1, at once: no epoch line)."""
    for save, why in [(os.path.join(A.work, "no", "such", "m.bpm"), "does not exist"),
                      (A.work, "is a folder")]:
        status, out, err = cli("train", "--train", data("mnist_train_100.csv"), "--save", save,
                               "--epochs", "3")
        check(status == 1, f"--save {save}: exit status {status}: {err}")
        check("epoch" not in out, f"trained before refusing: {out}")
        check(why in error_line(err, "backprop-cli: "), err)


def writes_are_atomic():
    """convert's CSV, CSV.gz and IDX, --export-npy and backquery's PNG go through the atomic
    save: under RLIMIT_FSIZE of 200 bytes (a disk that fills) the old files are byte for byte as they were
    and no temporary file is left; a symbolic link stays a link; the old mode is kept."""
    import resource
    model = os.path.join(A.work, "m.bpm")
    status, _, err = cli("train", "--train", data("mnist_train_100.csv"), "--save", model,
                         "--quiet")
    check(status == 0, err)
    outs = {
        "csv": ["convert", data("mnist_train_100.csv"), "out.csv"],
        "gz": ["convert", data("mnist_train_100.csv"), "out.csv.gz"],
        "idx": ["convert", data("mnist_train_100.csv"), "out-images-idx3-ubyte"],
        "npy": ["train", "--train", data("mnist_train_100.csv"), "--export-npy", "npy",
                "--quiet"],
        "png": ["backquery", "--model", model, "--label", "3", "--out", "out.png",
                "--scale", "8"],
    }
    files = {"csv": ["out.csv"], "gz": ["out.csv.gz"],
             "idx": ["out-images-idx3-ubyte", "out-labels-idx1-ubyte"],
             "npy": ["npy/wih.npy", "npy/who.npy"], "png": ["out.png"]}
    os.makedirs(os.path.join(A.work, "npy"))
    for kind, args in outs.items():
        for f in files[kind]:  # an old file of 10 bytes, mode 0640
            with open(os.path.join(A.work, f), "wb") as fh:
                fh.write(b"old file\n\n")
            os.chmod(os.path.join(A.work, f), 0o640)

        def small_disk():  # write() then fails with EFBIG, as on a full disk
            import signal
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))
        p = subprocess.run([A.cli, *args], cwd=A.work, capture_output=True, text=True,
                           preexec_fn=small_disk)
        check(p.returncode == 1, f"{kind} under a 200-byte file limit: {p.returncode} {p.stderr}")
        check("unchanged" in p.stderr, f"{kind}: {p.stderr}")
        for f in files[kind]:
            with open(os.path.join(A.work, f), "rb") as fh:
                check(fh.read() == b"old file\n\n", f"{kind}: {f} changed")
        left = [n for n in os.listdir(A.work) + os.listdir(os.path.join(A.work, "npy"))
                if ".tmp-" in n]
        check(not left, f"{kind}: temporary files left: {left}")
        # without the limit: written, in the old mode
        status, _, err = cli(*args)
        check(status == 0, f"{kind}: {err}")
        for f in files[kind]:
            st = os.stat(os.path.join(A.work, f))
            check(st.st_size > 10 and (st.st_mode & 0o777) == 0o640,
                  f"{kind}: {f} size {st.st_size} mode {oct(st.st_mode)}")
    # a symbolic link stays a link; its target is what is written
    os.symlink("out.csv", os.path.join(A.work, "link.csv"))
    status, _, err = cli("convert", data("mnist_train_100.csv"), "link.csv")
    check(status == 0 and os.path.islink(os.path.join(A.work, "link.csv")), err)


def ctrl_c_saves():
    """Ctrl-C during train --save: stops at the end of the current sample, saves what was
    trained, says so, exits 130; the model goes on with train --resume."""
    import signal
    model = os.path.join(A.work, "m.bpm")
    p = subprocess.Popen([A.cli, "train", "--train", data("mnist_train_100.csv"), "--save",
                          model, "--epochs", "100000", "--json"], cwd=A.work,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = p.stdout.readline()  # the first epoch is over: training is under way
    check('"epoch": 1' in first, f"first line {first!r}")
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    check(p.returncode == 130, f"exit status {p.returncode}, expected 130: {err}")
    check("interrupted" in err and "saved" in err, err)
    status, out, err = cli("eval", "--model", model, "--test", data("mnist_train_100.csv"))
    check(status == 0 and "test_accuracy" in out, f"the saved model: {status} {err}")
    status, out, err = cli("train", "--train", data("mnist_train_100.csv"), "--resume", model,
                           "--epochs", "1", "--quiet")
    check(status == 0, f"resume: {err}")


def second_ctrl_c_quits():
    """A second Ctrl-C quits at once (the default action of SIGINT), even while the first one's
    save is under way; the model file is then the old one or the whole new one, never half."""
    import signal
    import time
    model = os.path.join(A.work, "m.bpm")
    status, _, err = cli("train", "--train", data("mnist_train_100.csv"), "--layers", "auto,3,10",
                         "--epochs", "0", "--save", model, "--quiet")
    check(status == 0, err)
    old = sha(model)
    # Wide enough that a sample, and saving the model (45 MB), last far longer than 5 ms.
    p = subprocess.Popen([A.cli, "train", "--train", data("mnist_train_100.csv"), "--layers",
                          "auto,2000,2000,10", "--save", model, "--epochs", "100000", "--json"],
                         cwd=A.work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = p.stdout.readline()
    check('"epoch": 1' in first, f"first line {first!r}")
    p.send_signal(signal.SIGINT)  # the first: stop after this sample and save
    signals, t = 1, time.monotonic()
    while p.poll() is None and signals < 200:  # then Ctrl-C again and again, 5 ms apart
        time.sleep(0.005)
        t = time.monotonic()
        p.send_signal(signal.SIGINT)
        signals += 1
    out, err = p.communicate(timeout=60)
    seconds = time.monotonic() - t
    check(p.returncode == -signal.SIGINT,
          f"exit status {p.returncode} after {signals} SIGINTs, expected death by SIGINT: {err}")
    check(signals < 200 and seconds < 1.0,
          f"{signals} SIGINTs; {seconds:.2f} s from the last to the end")
    check("interrupted" not in err, f"the second Ctrl-C did not quit at once: {err}")
    # the save is atomic: the old model or the whole new one
    status, out, err = cli("eval", "--model", model, "--test", data("mnist_test_10.csv"))
    check(status == 0, f"the model file after the second Ctrl-C: {status} {err}")
    print(f"killed by SIGINT after {signals} SIGINTs, {seconds * 1000:.1f} ms after the last; "
          f"the model file is the {'old' if sha(model) == old else 'new'} one")


def no_control_bytes():
    """No message passes a raw control byte from the command line or a file to the terminal:
    every error line leaves through one place that writes them as \\xNN."""
    esc = "\x1b]0;owned\x07\x1b[2J"
    bad = os.path.join(A.work, "bad" + esc + ".csv")
    with open(bad, "w") as f:  # a file whose name and first line carry ESC sequences
        f.write("label" + esc + ",x\n")
    for args in (["info", bad], ["info", "absent" + esc + ".csv"],
                 ["train", "--train", data("mnist_train_100.csv"), "--activation", esc],
                 ["train", "--train", data("mnist_train_100.csv"), "--layers", "auto," + esc],
                 ["train", "--" + esc], [esc], ["eval", "--model", bad, "--test", bad]):
        status, _, err = cli(*args)
        check(status in (1, 2), f"{args!r}: exit status {status}: {err!r}")
        check(not any(ord(c) < 0x20 and c != "\n" or ord(c) == 0x7f for c in err),
              f"{args!r}: a raw control byte on stderr: {err!r}")
        check("\\x1b" in err, f"{args!r}: the ESC is not named: {err!r}")


CASES = {f.__name__: f for f in (network_too_large, studio_options, output_is_an_input,
                                 save_path_checked_first, writes_are_atomic, ctrl_c_saves,
                                 second_ctrl_c_quits, no_control_bytes)}


if __name__ == "__main__":
    testlib.main(CASES, options=[("--studio", {})])
