#!/usr/bin/env python3
"""Startup and memory probe used by bench/startup.sh.

    startup_probe.py PORT RUNS -- COMMAND...

Starts COMMAND RUNS times (the environment is inherited). For each run it measures the time from
just before the process is spawned to the first 200 answer to GET /api/ on 127.0.0.1:PORT (polled
every 2 ms). On the last run it then logs in (POST /api/token/ as alice) and sends 1,000
GET /api/me/ requests with the Bearer token and an allowed Origin (each must be 200), and reads
VmRSS from /proc/<pid>/status of the process and all its descendants (gunicorn's master plus its
worker). Prints one line: "startup_ms=<median> min=<min> max=<max> rss_kib=<total> runs=<RUNS>".
"""
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import time

REQUESTS = 1000
ORIGIN = "http://localhost:5173"


def first_ok(port, proc, deadline_s=60.0):
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        if proc.poll() is not None:
            raise SystemExit("server exited with %s before answering" % proc.returncode)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.002)
    raise SystemExit("no 200 from /api/ within %ss" % deadline_s)


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def vmrss_kib(pid):
    total = 0
    for p in descendants(pid):
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def load(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"username": "alice", "password": "wonderland-123"})
    conn.request("POST", "/api/token/", body, {"Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise SystemExit("login answered %d: %r" % (r.status, data))
    access = json.loads(data)["access"]
    headers = {"Authorization": "Bearer " + access, "Origin": ORIGIN}
    for _ in range(REQUESTS):
        conn.request("GET", "/api/me/", headers=headers)
        r = conn.getresponse()
        r.read()
        if r.status != 200:
            raise SystemExit("/api/me/ answered %d" % r.status)
        if r.getheader("Connection", "").lower() == "close":
            conn.close()  # gunicorn's sync worker closes; http.client reopens on the next request
    conn.close()


def main():
    port, runs = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    times, rss = [], 0
    for i in range(runs):
        t0 = time.monotonic()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            first_ok(port, proc)
            times.append((time.monotonic() - t0) * 1000.0)
            if i == runs - 1:
                load(port)
                time.sleep(0.2)
                rss = vmrss_kib(proc.pid)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        time.sleep(0.3)
    print("startup_ms=%.0f min=%.0f max=%.0f rss_kib=%d runs=%d"
          % (statistics.median(times), min(times), max(times), rss, runs))


if __name__ == "__main__":
    main()
