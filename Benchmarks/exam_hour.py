#!/usr/bin/env python3
"""The exam hour (`make bench`): N candidates log in and start within a minute, save answers with no think time
(wrk), submit; then the database is checked for every acknowledged save. The references, in the same run: hello.c
(GET /healthz, and the same save requests answered at once) and durable.c (the same save requests, each answered once
its rows are committed durably). Usage: exam_hour.py PUFA_URL HELLO_URL DURABLE_URL DURABLE_DB DB N [DURATION]"""
import concurrent.futures as cf
import datetime as dt
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import requests

BASE, HELLO, DURABLE, DURABLE_DB, DB, N = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
DURATION = sys.argv[7] if len(sys.argv) > 7 else "15s"
# Connection counts of the save phase: a busy office floor shares few; a province of candidates brings many.
CONNS_LIST = [int(c) for c in os.environ.get("BENCH_SAVE_CONNS", "64,512").split(",")]
PASSWORD = "candidate-pass-1"


def session():
    s = requests.Session()
    s.trust_env = False
    return s


def post(s, path, method="POST", **kw):
    return s.request(method, BASE + path, headers={"X-CSRF-Token": s.cookies.get("pufa_csrf")}, timeout=60, **kw)


def login(name, password):
    s = session()
    s.get(BASE + "/api/v1/session", timeout=30)
    r = post(s, "/api/v1/auth/login", json={"username": name, "password": password})
    assert r.status_code == 200, r.text
    return s


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0


def iso(t):
    return dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


admin = login("bench", "bench-password-123")
unit = post(admin, "/api/v1/units", json={"name": "基准测试单位"}).json()["id"]
judges = admin.get(BASE + "/api/v1/questions?type=judge&status=active&pageSize=50", timeout=30).json()["items"]
assert len(judges) == 50, f"need 50 judge questions, have {len(judges)}"
names = [f"bench{i:05d}" for i in range(N)]

t0 = time.time()
with cf.ThreadPoolExecutor(16) as pool:
    for r in pool.map(lambda n: post(admin, "/api/v1/users", json={"username": n, "displayName": n, "password": PASSWORD,
                                                                   "roles": ["official"], "unitId": unit}), names):
        assert r.status_code == 201, r.text
setup_accounts = time.time() - t0

now = time.time()
exam = post(admin, "/api/v1/exams", json={"title": "基准考试", "year": 2026, "opensAt": iso(now - 60), "closesAt": iso(now + 7200),
                                          "durationMinutes": 60, "paper": {"fixed": [{"questionId": q["id"], "points": 2} for q in judges]}}).json()
assert post(admin, f"/api/v1/exams/{exam['id']}/roster", method="PUT", json={"unitIds": [unit]}).json()["total"] == N
t0 = time.time()
assert post(admin, f"/api/v1/exams/{exam['id']}/publish").status_code == 200
publish_seconds = time.time() - t0


def start(name):
    began = time.time()
    s = login(name, PASSWORD)
    r = post(s, f"/api/v1/exams/{exam['id']}/attempts", json={"clientId": name})
    assert r.status_code == 201, r.text
    return (time.time() - began, s.cookies.get("pufa_session"), s.cookies.get("pufa_csrf"), r.json()["id"], name)


t0 = time.time()
with cf.ThreadPoolExecutor(64) as pool:
    started = list(pool.map(start, names))
start_wall = time.time() - t0
start_latencies = [x[0] * 1000 for x in started]

with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
    for _, cookie, csrf, attempt, name in started:
        f.write(f"pufa_session={cookie}; pufa_csrf={csrf}\t{csrf}\t{attempt}\t{name}\n")
    candidates_file = f.name


def wrk(url, conns, script=None, script_args=()):
    argv = ["wrk", "-t2", f"-c{conns}", f"-d{DURATION}", "--timeout", "5s", "--latency"]
    argv += (["-s", script] if script else []) + [url] + (["--", *script_args] if script_args else [])
    run = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    out = run.stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert found, f"wrk failed: {run.stdout}\n{run.stderr}"
    rps = float(found.group(1))
    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)", out, re.M)
        v = float(m.group(1))
        return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    acked = re.search(r"ACKED (\d+) REFUSED (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return rps, ms("50%"), ms("99%"), acked, errors.group(1) if errors else "none"


runs = []  # (conns, hello /healthz req/s, hello with the same requests req/s, durable (req/s, p50, p99), saves/s, p50, p99,
#              socket errors)
acked = refused = durable_acked = durable_refused = 0
for conns in CONNS_LIST:
    hello_rps = wrk(HELLO + "/healthz", conns)[0]
    # The same wrk script against the C server (which answers any PUT at once): the same client cost on both sides.
    same_rps = wrk(HELLO + "/", conns, sys.path[0] + "/saves.lua", (candidates_file, "2"))[0]
    # And against the C server that commits each save's rows durably (group commit) before answering: the floor any
    # server pays on this machine for "no acknowledged answer is ever lost".
    durable_rps, durable_p50, durable_p99, durable_match, _ = wrk(DURABLE + "/", conns, sys.path[0] + "/saves.lua", (candidates_file, "2"))
    durable_acked += int(durable_match.group(1))
    durable_refused += int(durable_match.group(2))
    save_rps, save_p50, save_p99, acked_match, save_errors = wrk(BASE + "/", conns, sys.path[0] + "/saves.lua", (candidates_file, "2"))
    acked, refused = acked + int(acked_match.group(1)), refused + int(acked_match.group(2))
    runs.append((conns, hello_rps, same_rps, (durable_rps, durable_p50, durable_p99), save_rps, save_p50, save_p99, save_errors))

def submit(entry):
    _, cookie, csrf, attempt, name = entry
    s = session()
    s.cookies.set("pufa_session", cookie)
    s.cookies.set("pufa_csrf", csrf)
    return post(s, f"/api/v1/attempts/{attempt}/submit", json={"clientId": name}).status_code

t0 = time.time()
with cf.ThreadPoolExecutor(64) as pool:
    statuses = list(pool.map(submit, started))
submit_wall = time.time() - t0

with sqlite3.connect(DB) as db:
    steps = db.execute("SELECT count(*) FROM response_steps").fetchone()[0]
    submitted = db.execute("SELECT count(*) FROM attempts WHERE state = 'submitted'").fetchone()[0]
    per_attempt = db.execute("SELECT min(n) FROM (SELECT count(*) AS n FROM response_steps GROUP BY attempt_id)").fetchone()[0]
lost = max(0, acked - steps)
with sqlite3.connect(f"file:{DURABLE_DB}?mode=ro", uri=True) as db:
    durable_steps = db.execute("SELECT count(*) FROM response_steps").fetchone()[0]

print(f"| measure | result | goal |")
print(f"|---|---|---|")
print(f"| accounts created (setup) | {N} in {setup_accounts:.1f} s | |")
print(f"| papers generated at publish | {N} × 50 questions in {publish_seconds:.1f} s | before the window opens |")
print(f"| {N} candidates log in and start | all in {start_wall:.1f} s; per candidate p50 {pct(start_latencies, .5):.0f} ms, p99 {pct(start_latencies, .99):.0f} ms | within 60 s |")
for conns, hello_rps, same_rps, (durable_rps, durable_p50, durable_p99), save_rps, save_p50, save_p99, save_errors in runs:
    print(f"| answer saves, no think time, {conns} connections, {DURATION} | {save_rps:.0f} saves/s; p50 {save_p50:.2f} ms, p99 {save_p99:.2f} ms; socket errors: {save_errors} | p99 < 50 ms |")
    print(f"| reference: plain C libmicrohttpd, {conns} connections, same run: GET /healthz; the same save requests | {hello_rps:.0f} req/s; {same_rps:.0f} req/s | |")
    print(f"| reference: C with the same requests, committed durably (durable.c), {conns} connections | {durable_rps:.0f} req/s; p50 {durable_p50:.2f} ms, p99 {durable_p99:.2f} ms | |")
    print(f"| C committed durably ÷ C with the same requests, {conns} connections (what the durable commit alone leaves) | {durable_rps / same_rps:.2f}× | |")
    print(f"| save throughput ÷ reference, {conns} connections: ÷ /healthz; ÷ the same requests; ÷ C committed durably | {save_rps / hello_rps:.2f}×; {save_rps / same_rps:.2f}×; {save_rps / durable_rps:.2f}× | ≥ 0.5× |")
print(f"| saves answered 2xx / stored in the database | {acked} / {steps} (refused {refused}); fewest saves per candidate {per_attempt} | |")
print(f"| acknowledged saves lost | {lost} | 0 |")
print(f"| durable.c: saves answered 2xx / rows in its database | {durable_acked} / {durable_steps} (refused {durable_refused}) | |")
print(f"| submissions | {sum(1 for s in statuses if s == 200)} of {N} in {submit_wall:.1f} s; submitted in the database: {submitted} | |")
sys.exit(1 if lost else 0)
