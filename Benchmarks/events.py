#!/usr/bin/env python3
"""Event ingestion (`make bench`): wrk posts batches of 10 reading events for 10 s at 64 connections; the reference
is the plain C libmicrohttpd server's /healthz in the same run. Afterwards the database must hold exactly one row
per event taken (the flusher writes every 250 ms; the server is asked to stop first so the last batch is written).
The storage reference, run right after in the same minute: raw event rows alone stored by plain prepared inserts into
a table made from pufa's own `events` statement (Benchmarks/rawevents.c) — an upper bound on events/s for any
ingestion that keeps each raw event on this machine.
Usage: events.py PUFA_URL HELLO_URL DB PUFA_PID RAWEVENTS_BIN"""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import requests

BASE, HELLO, DB, PID, RAWEVENTS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
CONNS = 64


def wrk(url, script=None, args=(), duration="10s"):
    argv = ["wrk", "-t2", f"-c{CONNS}", f"-d{duration}", "--timeout", "5s", "--latency"]
    argv += (["-s", script] if script else []) + [url] + (["--", *args] if args else [])
    out = subprocess.run(argv, capture_output=True, text=True, timeout=600).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)", out, re.M)
        v = float(m.group(1))
        return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, total, ms("50%"), ms("99%"), int(bad.group(1)) if bad else 0


slugs = [p["slug"] for p in requests.get(BASE + "/api/v1/content?limit=20", timeout=30).json()["items"]]
assert slugs, "the server has no published content (start it with --content-dir Content)"
hello_rps, *_ = wrk(HELLO + "/healthz")
rps, total, p50, p99, bad = wrk(BASE + "/", sys.path[0] + "/events.lua", (",".join(slugs),))
# Stop the server (SIGTERM flushes the last batch), then count what was stored.
os.kill(PID, signal.SIGTERM)
for _ in range(100):
    try:
        os.kill(PID, 0)
        time.sleep(0.1)
    except ProcessLookupError:
        break
db = sqlite3.connect(DB)
stored = db.execute("SELECT count(*) FROM events").fetchone()[0]
counted = db.execute("SELECT coalesce(sum(events), 0) FROM reach_hourly").fetchone()[0]
dups = db.execute("SELECT coalesce(sum(count), 0) FROM event_rejections WHERE reason = 'duplicate'").fetchone()[0]
db.close()
raw_out = subprocess.run([RAWEVENTS, DB, DB + ".raw", "1000000"], capture_output=True, text=True, timeout=600, check=True).stdout
raw_rows = float(re.search(r"rows_per_second (\d+)", raw_out).group(1))
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(DB + ".raw" + suffix):
        os.remove(DB + ".raw" + suffix)
ok_requests = total - bad
# Only batches answered 202 count: a 503 (the queue is full because the writer is behind) took no events.
ok_rps = rps * ok_requests / total if total else 0
print("| measure | result | goal |")
print("|---|---|---|")
print(f"| event batches taken (202, 10 events each), {CONNS} connections, 10 s | {ok_rps:.0f} batches/s = {ok_rps * 10:.0f} events/s, "
      f"p50 {p50:.1f} ms, p99 {p99:.1f} ms; all answers {rps:.0f}/s, {bad} not 202 | |")
print(f"| reference: plain C libmicrohttpd /healthz, same connections | {hello_rps:.0f} req/s | |")
print(f"| ingestion ÷ reference (requests) | {ok_rps / hello_rps:.2f}× | ≥ 0.3× |")
print(f"| storage reference: raw event rows alone, plain prepared inserts, same table and keys, one thread, 1,000,000 rows | "
      f"{raw_rows:.0f} rows/s = at most {raw_rows / 10:.0f} batches/s = {raw_rows / 10 / hello_rps:.2f}× of /healthz | "
      f"the goal needs {0.3 * hello_rps * 10:.0f} events/s |")
# wrk counts the responses it read before its timer ended; up to one batch per connection was still in flight then,
# answered by the server and stored but not counted by wrk.
print(f"| batches answered 202 / events stored / in the rollups / duplicates | {ok_requests} / {stored} / {counted} / {dups} | "
      f"10 × answered ≤ stored ≤ 10 × (answered + {CONNS} in flight), rollups = stored |")
if not (ok_requests * 10 <= stored <= (ok_requests + CONNS) * 10) or counted != stored or dups:
    print(f"\nMISMATCH: {ok_requests * 10} events acknowledged, {stored} stored, {counted} in the rollups, {dups} duplicates")
    sys.exit(1)
