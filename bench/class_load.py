#!/usr/bin/env python3
"""Class mode under load (issue 15), over loopback. Starts a host, runs N headless students
(tests/classroom/class_load, the real ClassClient) sending at the host's highest sustained rate
(20 messages a second each: an epoch result and a progress message every 100 ms) for S seconds,
and checks what the issue asks:

  - every epoch result arrives: the host's report has exactly one row per result the students
    sent (counted per student), none lost, none twice;
  - the host's memory stays flat: its resident set, sampled every second, grows by less than
    --rss-slack MB from the end of the first tenth of the run to the end;
  - with --hostile: malformed, oversized, huge-frame, binary, flooding, no-hello and wrong-code
    connections run beside the students, and the above still holds;
  - with --studio: the host is the teacher's studio (Class > Host a class from the command line,
    BP_LATENCY_PROBE=1 under Xvfb), and its GUI thread's longest stall after the first second
    (the window's first paint, before the students join) must be at most 50 ms.

  python3 bench/class_load.py --build build/release [--students 60] [--seconds 60] [--hostile]
                              [--studio]
Prints one line per figure and exits 1 if a check fails.
"""
import argparse
import csv
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def wait_port(port, proc, seconds=30):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            sys.exit(f"the host ended early: {proc.communicate()}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    sys.exit("the host did not listen")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build/release")
    ap.add_argument("--students", type=int, default=60)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--rate", type=float, default=20)
    ap.add_argument("--hostile", action="store_true")
    ap.add_argument("--studio", action="store_true")
    ap.add_argument("--rss-slack", type=float, default=8.0)
    a = ap.parse_args()
    cli = os.path.join(a.build, "app", "backprop-cli")
    load = os.path.join(a.build, "tests", "classroom", "class_load")
    port = free_port()
    work = tempfile.mkdtemp(prefix="class_load_")
    report = os.path.join(work, "report.csv")
    code = "LOAD42"
    # The studio closes itself (BP_QUIT_AFTER_MS) soon after the students are done, printing the
    # latency probe's report; class-host stops at --duration or when terminated.
    duration = a.seconds + (25 if a.studio else 90)

    env = dict(os.environ)
    if a.studio:
        studio = os.path.join(a.build, "app", "backprop-studio")
        env.update(BP_LATENCY_PROBE="1", HOME=work, BP_QUIT_AFTER_MS=str(int(duration * 1000)))
        env.pop("QT_QPA_PLATFORM", None)
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", studio, "--host-class", str(port),
               "--class-code", code, "--class-report", report]
    else:
        cmd = [cli, "class-host", "--port", str(port), "--code", code, "--listen", "127.0.0.1",
               "--report", report, "--duration", str(duration)]
    host = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    wait_port(port, host, 60)
    host_pid = host.pid
    if a.studio:  # xvfb-run's child is the studio
        time.sleep(1)
        out = subprocess.run(["pgrep", "-P", str(host.pid), "-f", "backprop-studio"], capture_output=True,
                             text=True).stdout.split()
        kids = subprocess.run(["pgrep", "-f", f"--host-class {port}"], capture_output=True, text=True).stdout.split()
        host_pid = int((out or kids)[0])

    args = [load, "--host", f"127.0.0.1:{port}", "--code", code, "--students", str(a.students),
            "--seconds", str(a.seconds), "--rate", str(a.rate)]
    if a.hostile:
        args.append("--hostile")
    t0 = time.time()
    gen = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples = []  # (seconds since start, host RSS MB)
    while gen.poll() is None:
        r = rss_mb(host_pid)
        if r is not None:
            samples.append((time.time() - t0, r))
        time.sleep(1)
    gen_out, gen_err = gen.communicate()
    result = json.loads(gen_out.strip().splitlines()[-1]) if gen_out.strip() else {}
    time.sleep(1)
    if not a.studio:
        host.terminate()
    host_out, host_err = host.communicate(timeout=120)

    with open(report, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    per = Counter(r["name"] for r in rows)
    dupes = len(rows) - len({(r["name"], r["epoch"]) for r in rows})
    ok = True

    def figure(name, value, good=True):
        nonlocal ok
        ok = ok and good
        print(f"{name}: {value}{'' if good else '   <-- FAILED'}")

    figure("students", f"{a.students} sending {a.rate:g} messages/s each for {result.get('sending_seconds')} s"
           + (" beside 7 hostile connections" if a.hostile else ""))
    sent = result.get("epochs_sent", -1)
    figure("epoch results sent", sent, result.get("epochs_lost") == 0 and result.get("epochs_pending") == 0)
    figure("report rows", f"{len(rows)} ({len(per)} students, {dupes} duplicates)",
           len(rows) == sent and dupes == 0 and len(per) == a.students)
    steady = [r for t, r in samples if t >= a.seconds / 10]
    if steady:
        growth = steady[-1] - steady[0]
        figure("host RSS MB", f"start {samples[0][1]:.1f}, at {a.seconds / 10:.0f} s {steady[0]:.1f}, "
               f"max {max(r for _, r in samples):.1f}, end {steady[-1]:.1f} (growth {growth:+.1f})",
               growth < a.rss_slack)
    if a.hostile:
        figure("hostile", f"{result.get('hostile_messages')} messages, {result.get('hostile_reconnects')} reconnections")
    for line in (host_out + host_err).splitlines():
        if line.startswith("refused:") or line.startswith("stopped:"):
            print("host " + line)
        # Judged after the first second (the window's first paint, before any student joins).
        m = re.search(r"max stall ([0-9.]+) ms.*after 1 s ([0-9.]+) ms", line)
        if m:
            figure("teacher's GUI thread", line.strip(), float(m.group(2)) <= 50.0)
    if a.studio and "max stall" not in host_out + host_err:
        figure("teacher's GUI thread", "no latency report", False)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
