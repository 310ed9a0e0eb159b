#!/usr/bin/env python3
"""Public quizzes (`make bench`): N participants play a 10-question round with no think time (starts and finishes
from a thread pool, answers through wrk), then the database is checked: every acknowledged answer stored once.
Then a live contest: P phones long-poll while the host advances three questions; the delay from the host's signal
to each phone's answer is measured. The references, in the same run: hello.c (GET /healthz, and the same answer requests
answered at once) and durable.c (the same answers, each answered once its row is committed durably).
Usage: quiz_round.py PUFA_URL HELLO_URL DURABLE_URL DURABLE_DB DB N PHONES"""
import concurrent.futures as cf
import datetime as dt
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import requests

BASE, HELLO, DURABLE, DURABLE_DB, DB = sys.argv[1:6]
N, PHONES = int(sys.argv[6]), int(sys.argv[7])
CONNS = 64
QUESTIONS = 10


def session():
    s = requests.Session()
    s.trust_env = False
    s.get(BASE + "/api/v1/session", timeout=30)
    return s


def call(s, method, path, **kw):
    return s.request(method, BASE + path, headers={"X-CSRF-Token": s.cookies.get("pufa_csrf")}, timeout=60, **kw)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0


def iso(t):
    return dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


admin = session()
assert call(admin, "POST", "/api/v1/auth/login", json={"username": "bench", "password": "bench-password-123"}).status_code == 200
judges = admin.get(BASE + "/api/v1/questions?type=judge&status=active&pageSize=50", timeout=30).json()["items"]
assert len(judges) >= QUESTIONS, f"need {QUESTIONS} judge questions"
ids = [q["id"] for q in judges[:QUESTIONS]]
county = call(admin, "POST", "/api/v1/regions", json={"name": "基准县", "level": "county"}).json()["id"]
town = call(admin, "POST", "/api/v1/regions", json={"name": "基准镇", "level": "town", "parentId": county}).json()["id"]
now = time.time()
round_ = call(admin, "POST", "/api/v1/quiz-rounds", json={
    "title": "基准竞答", "opensAt": iso(now - 60), "closesAt": iso(now + 3 * 3600), "questionIds": ids,
    "questionsPerEntry": QUESTIONS, "entriesPerDay": 5, "entriesPerRound": 5}).json()
assert call(admin, "POST", f"/api/v1/quiz-rounds/{round_['id']}/publish").status_code == 200

# Starts: N participants, each its own device, from 64 threads sharing cookie jars per thread.
local = threading.local()
def start(i):
    if not hasattr(local, "s"):
        local.s = session()
    t = time.time()
    r = call(local.s, "POST", f"/api/v1/quiz/rounds/{round_['id']}/entries", json={"deviceId": f"bench-device-{i:08d}"})
    assert r.status_code == 201, r.text
    e = r.json()
    return (time.time() - t) * 1000, local.s.cookies.get("pufa_session") or "", local.s.cookies.get("pufa_csrf"), e["entryId"], e["token"]

t0 = time.time()
with cf.ThreadPoolExecutor(CONNS) as pool:
    started = list(pool.map(start, range(N)))
start_wall = time.time() - t0

with tempfile.NamedTemporaryFile("w", delete=False, suffix=".tsv") as f:
    for _, cookie, csrf, entry, token in started:
        f.write(f"pufa_csrf={csrf}\t{csrf}\t{entry}\t{token}\n")
    entries_file = f.name


def answers_in_db(path=DB):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT count(*) FROM quiz_answers").fetchone()[0]


def wrk(url, script=None, args=(), duration="10s", until_answers=None, db=DB):
    """wrk's numbers; with until_answers, wrk runs until that many answers are in the database `db` and is then
    interrupted (SIGINT ends its timed sleep, and it reports over the time actually run)."""
    argv = ["wrk", "-t2", f"-c{CONNS}", f"-d{duration}", "--timeout", "5s", "--latency"]
    argv += (["-s", script] if script else []) + [url] + (["--", *args] if args else [])
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if until_answers is not None:
        while proc.poll() is None and answers_in_db(db) < until_answers:
            time.sleep(0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
    out = proc.communicate(timeout=1200)[0]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)", out, re.M)
        v = float(m.group(1))
        return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    return rps, ms("50%"), ms("99%"), out


hello_rps, _, _, _ = wrk(HELLO + "/healthz")
# The same wrk script against the C server (which answers any PUT at once), going round the answers for 10 s: the same
# client cost on both sides.
same_rps, _, _, _ = wrk(HELLO + "/", sys.path[0] + "/answers.lua", (entries_file, "2", str(QUESTIONS), "loop"))
# The same answers against the C server that commits each one durably (group commit) before answering, run exactly as
# pufa's run is (every answer once, stopped when its database holds them all): the floor for a durable answer here.
durable_rps, durable_p50, durable_p99, durable_out = wrk(DURABLE + "/", sys.path[0] + "/answers.lua", (entries_file, "2", str(QUESTIONS)),
                                                         duration="600s", until_answers=N * QUESTIONS, db=DURABLE_DB)
dm = re.search(r"STORED (\d+) OTHER (\d+) REPLAYED (\d+)", durable_out)
durable_rows = answers_in_db(DURABLE_DB)
answer_rps, answer_p50, answer_p99, out = wrk(BASE + "/", sys.path[0] + "/answers.lua", (entries_file, "2", str(QUESTIONS)),
                                              duration="600s", until_answers=N * QUESTIONS)
m = re.search(r"STORED (\d+) OTHER (\d+) REPLAYED (\d+)", out)
stored, refused, replayed = int(m.group(1)), int(m.group(2)), int(m.group(3))

def finish(item):
    i, (_, cookie, csrf, entry, token) = item
    if not hasattr(local, "s"):
        local.s = session()
    r = call(local.s, "POST", f"/api/v1/quiz/entries/{entry}/finish",
             json={"token": token, "nickname": f"居民{i}", "phone": f"139{i:08d}", "regionId": town})
    return r.status_code

t0 = time.time()
with cf.ThreadPoolExecutor(CONNS) as pool:
    finished = list(pool.map(finish, enumerate(started)))
finish_wall = time.time() - t0

with sqlite3.connect(DB) as db:
    rows = db.execute("SELECT count(*) FROM quiz_answers").fetchone()[0]
    per_entry = db.execute("SELECT min(n), max(n) FROM (SELECT count(*) AS n FROM quiz_answers GROUP BY entry_id)").fetchone()
    done = db.execute("SELECT count(*) FROM quiz_entries WHERE finished_at IS NOT NULL").fetchone()[0]
lost = max(0, stored - rows)

# The live contest: PHONES join, long-poll; the host advances three times.
host = admin
contest = call(host, "POST", "/api/v1/live-contests", json={"title": "基准现场竞赛", "questionIds": ids[:3], "secondsPerQuestion": 30}).json()
code = contest["code"]
tokens = []
def join(i):
    r = requests.post(f"{BASE}/api/v1/live/{code}/join", json={"nickname": f"手机{i}"},
                      headers={"X-CSRF-Token": "b"}, cookies={"pufa_csrf": "b"}, timeout=30)
    assert r.status_code == 201, r.text
    return r.json()["token"]
with cf.ThreadPoolExecutor(64) as pool:
    tokens = list(pool.map(join, range(PHONES)))

received = []
lock = threading.Lock()
stop = threading.Event()
signal_at = {}
def phone(token):
    s = requests.Session()
    s.trust_env = False
    stage = s.get(f"{BASE}/api/v1/live/{code}/state", headers={"X-Live-Token": token}, timeout=30).json()["stage"]
    while not stop.is_set():
        try:
            v = s.get(f"{BASE}/api/v1/live/{code}/state?after={stage}", headers={"X-Live-Token": token}, timeout=40).json()
        except requests.RequestException:
            continue
        if v["stage"] > stage:
            with lock:
                received.append((v["stage"], time.time()))
            stage = v["stage"]
        if v["phase"] == "ended":
            return
threads = [threading.Thread(target=phone, args=(t,), daemon=True) for t in tokens]
for t in threads:
    t.start()
time.sleep(3)   # every phone is waiting
stages = []
for step in ["next", "reveal", "next", "reveal", "next"]:
    t = time.time()
    view = call(host, "POST", f"/api/v1/live-contests/{contest['id']}/control", json={"action": step}).json()
    signal_at[view["stage"]] = t
    stages.append(view["stage"])
    time.sleep(2)
stop.set()
delays = [(at - signal_at[st]) * 1000 for st, at in received if st in signal_at]
got_all = all(sum(1 for st, _ in received if st == s) == PHONES for s in stages)

print("| measure | result | goal |")
print("|---|---|---|")
print(f"| {N} participants start an entry (64 threads) | all in {start_wall:.1f} s; p50 {pct([s[0] for s in started], .5):.1f} ms, "
      f"p99 {pct([s[0] for s in started], .99):.1f} ms | |")
print(f"| answers, no think time, {CONNS} connections | {answer_rps:.0f} answers/s; p50 {answer_p50:.2f} ms, p99 {answer_p99:.2f} ms | |")
print(f"| reference: plain C libmicrohttpd, same connections, same run: GET /healthz; the same answer requests | {hello_rps:.0f} req/s; {same_rps:.0f} req/s | |")
print(f"| reference: C with the same requests, committed durably (durable.c), every answer once | {durable_rps:.0f} req/s; p50 {durable_p50:.2f} ms, "
      f"p99 {durable_p99:.2f} ms; stored {dm.group(1) if dm else '?'} / rows {durable_rows} | |")
print(f"| C committed durably ÷ C with the same requests (what the durable commit alone leaves) | {durable_rps / same_rps:.2f}× | |")
print(f"| answer throughput ÷ reference: ÷ /healthz; ÷ the same requests; ÷ C committed durably | {answer_rps / hello_rps:.2f}×; "
      f"{answer_rps / same_rps:.2f}×; {answer_rps / durable_rps:.2f}× | ≥ 0.5× |")
print(f"| answers acknowledged as stored / rows in the database | {stored} / {rows} (refused {refused}, replays {replayed}); "
      f"answers per entry {per_entry[0]}–{per_entry[1]} | {N * QUESTIONS}, each once |")
print(f"| acknowledged answers lost / counted twice | {lost} / {max(0, rows - N * QUESTIONS)} | 0 / 0 |")
print(f"| finishes with a phone and a town (one draw entry per phone) | {sum(1 for s in finished if s == 200)} of {N} in {finish_wall:.1f} s; "
      f"finished in the database: {done} | |")
print(f"| live contest: {PHONES} phones long-polling, {len(stages)} host signals | every phone got every signal: {got_all}; "
      f"delay p50 {pct(delays, .5):.0f} ms, p99 {pct(delays, .99):.0f} ms, max {max(delays) if delays else 0:.0f} ms | each within 1 s |")
