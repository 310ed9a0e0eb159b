"""No acknowledged answer is ever lost: SIGKILL the server while candidates save, restart, and find every save
that was answered 2xx in the database."""
import datetime as dt
import signal
import sqlite3
import threading
import time

from conftest import http_session, login

REPO_QUESTIONS = "Questions"
ADMIN = {"PUFA_ADMIN_USER": "admin", "PUFA_ADMIN_PASSWORD": "admin-password-1"}
CANDIDATES = 8


def csrf_post(s, url, method="POST", **kw):
    return s.request(method, url, headers={"X-CSRF-Token": s.cookies.get("pufa_csrf")}, timeout=10, **kw)


def iso(t: float) -> str:
    return dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def set_up_exam(base: str, pufa_add_user) -> tuple[int, list[str]]:
    admin = http_session()
    assert login(base, "admin", "admin-password-1", session=admin).status_code == 200
    unit = csrf_post(admin, base + "/api/v1/units", json={"name": "县司法局"}).json()["id"]
    questions = admin.get(base + "/api/v1/questions?type=judge&pageSize=10", timeout=10).json()["items"]
    assert len(questions) == 10
    names = [f"cand{i}" for i in range(CANDIDATES)]
    for name in names:
        r = csrf_post(admin, base + "/api/v1/users", json={"username": name, "displayName": name, "password": "candidate-pass",
                                                            "roles": ["official"], "unitId": unit})
        assert r.status_code == 201, r.text
    now = time.time()
    exam = csrf_post(admin, base + "/api/v1/exams", json={
        "title": "断电测试", "year": 2026, "opensAt": iso(now - 60), "closesAt": iso(now + 3600), "durationMinutes": 60,
        "paper": {"fixed": [{"questionId": q["id"], "points": 1} for q in questions]}}).json()
    assert csrf_post(admin, base + f"/api/v1/exams/{exam['id']}/roster", method="PUT", json={"unitIds": [unit]}).json()["total"] == CANDIDATES
    assert csrf_post(admin, base + f"/api/v1/exams/{exam['id']}/publish").status_code == 200
    return exam["id"], names


def test_every_acknowledged_save_survives_a_sigkill(serve, data, pufa):
    server = serve(env=ADMIN, args=("--questions-dir", str(__import__("pathlib").Path(__file__).resolve().parents[2] / "Questions")))
    exam_id, names = set_up_exam(server.url, None)
    acked: list[tuple[int, int, int]] = []   # (attempt, slot, seq) answered 2xx
    lock = threading.Lock()
    stop = threading.Event()
    started = threading.Barrier(CANDIDATES + 1)

    def candidate(name: str):
        s = http_session()
        assert login(server.url, name, "candidate-pass", session=s).status_code == 200
        attempt = csrf_post(s, server.url + f"/api/v1/exams/{exam_id}/attempts", json={"clientId": name}).json()
        started.wait()
        seq = 0
        while not stop.is_set():
            seq += 1
            slot = seq % 10
            try:
                r = csrf_post(s, server.url + f"/api/v1/attempts/{attempt['id']}/responses/{slot}", method="PUT",
                              json={"seq": seq, "clientId": name, "response": {"judge": seq % 2 == 0}})
            except Exception:  # the server is gone: this save was never acknowledged
                return
            if r.status_code == 200:
                with lock:
                    acked.append((attempt["id"], slot, seq))

    threads = [threading.Thread(target=candidate, args=(n,)) for n in names]
    for t in threads:
        t.start()
    started.wait()
    time.sleep(2.0)
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait(timeout=10)
    stop.set()
    for t in threads:
        t.join(timeout=15)
    assert len(acked) > 100, f"only {len(acked)} saves were acknowledged before the kill"

    # Restart on the same data (recovery of the WAL), then look at what is stored.
    serve(env=ADMIN).stop()
    with sqlite3.connect(data / "pufa.sqlite") as db:
        steps = set(db.execute("SELECT attempt_id, slot, seq FROM response_steps"))
        latest = {(a, s): q for a, s, q in db.execute("SELECT attempt_id, slot, seq FROM responses")}
    lost = [save for save in acked if save not in steps]
    assert not lost, f"{len(lost)} of {len(acked)} acknowledged saves are missing, e.g. {lost[:5]}"
    for attempt, slot, seq in acked:
        assert latest[(attempt, slot)] >= seq, "an older save replaced a newer acknowledged one"
