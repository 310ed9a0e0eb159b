"""Helpers for testing the `pufa` command line: run a command, run a server, sign in over HTTP.

Every test gets its own data directory under pytest's tmp_path and runs the binary with a clean
environment (no inherited PUFA_* variables) and tmp_path as its working directory, so nothing
touches the repository's ./data.
"""

import contextlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
SERVING = re.compile(r"Pufa is serving http://[^ ]+:(\d+) ")


def pufa_binary() -> Path:
    path = Path(os.environ.get("PUFA_BIN", ".build/debug/pufa"))
    return path if path.is_absolute() else REPO / path


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUFA_")}
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def binary() -> Path:
    path = pufa_binary()
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `swift build --product pufa` (or set PUFA_BIN)", pytrace=False)
    return path


class Runner:
    """Runs one `pufa` command to completion."""

    def __init__(self, binary: Path, cwd: Path, data: Path):
        self.binary, self.cwd, self.data = binary, cwd, data

    def __call__(self, *args, input=None, env=None, data=True, timeout=30) -> subprocess.CompletedProcess:
        argv = [str(self.binary), *map(str, args)]
        if data:
            argv += ["--data", str(self.data)]
        return subprocess.run(argv, input=input, env=clean_env(**(env or {})), cwd=self.cwd,
                              capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL if input is None else None)

    def add_user(self, name, password, *roles):
        r = self("user", "add", name, "--role", *(roles or ("editor",)), "--password-stdin", input=password + "\n")
        assert r.returncode == 0, r.stderr
        return r


@pytest.fixture
def data(tmp_path) -> Path:
    # Not created: the commands must create it themselves.
    return tmp_path / "data"


@pytest.fixture
def pufa(binary, tmp_path, data) -> Runner:
    return Runner(binary, tmp_path, data)


class Server:
    """One `pufa serve` process; its stderr (the log, and any error) goes to a file that tests read as `log`."""

    def __init__(self, binary: Path, cwd: Path, data: Path, port: int = 0, env=None, args=(), cpus=None):
        self.log_path = cwd / f"serve-{time.monotonic_ns()}.log"
        self.data = data
        self._log = open(self.log_path, "w")
        self._out = open(self.log_path.with_suffix(".stdout"), "w")
        argv = [str(binary), "serve", "--data", str(data), "--port", str(port),
                "--public-dir", str(REPO / "Public"), *args]
        self.proc = subprocess.Popen(argv, cwd=cwd, env=clean_env(**(env or {})), stdin=subprocess.DEVNULL,
                                     stdout=self._out, stderr=self._log,
                                     preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
        self.port = None

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout=10.0) -> "Server":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = SERVING.search(self.log)
            if m:
                self.port = int(m.group(1))
                return self
            if self.proc.poll() is not None:
                raise AssertionError(f"pufa serve exited with {self.proc.returncode} before serving:\n{self.log}")
            time.sleep(0.02)
        raise AssertionError(f"pufa serve did not start within {timeout} s:\n{self.log}")

    def wait_exit(self, timeout=15.0) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"pufa serve still running {timeout} s later:\n{self.log}")

    def stop(self, sig=signal.SIGTERM, timeout=15.0) -> int:
        self.proc.send_signal(sig)
        return self.wait_exit(timeout)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def login(self, username: str, password: str) -> requests.Response:
        return login(self.url, username, password)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self._log.close()
        self._out.close()


def http_session() -> requests.Session:
    s = requests.Session()
    s.trust_env = False  # never send loopback traffic through a proxy from the environment
    return s


def login(base: str, username: str, password: str, session: requests.Session | None = None) -> requests.Response:
    """GET /api/v1/session for the CSRF cookie, then POST the login with it echoed in X-CSRF-Token."""
    s = session or http_session()
    r = s.get(base + "/api/v1/session", timeout=10)
    assert r.status_code == 200, r.text
    csrf = s.cookies.get("pufa_csrf")
    assert csrf, f"GET /api/v1/session set no pufa_csrf cookie: {r.headers}"
    return s.post(base + "/api/v1/auth/login", json={"username": username, "password": password},
                  headers={"X-CSRF-Token": csrf}, timeout=10)


@pytest.fixture
def serve(binary, tmp_path, data):
    """Factory: serve(env=..., port=...) starts a server on `data` and waits until it listens."""
    started = []

    def start(wait=True, port=0, env=None, data_dir=None, args=(), cpus=None):
        server = Server(binary, tmp_path, data_dir or data, port=port, env=env, args=args, cpus=cpus)
        started.append(server)
        return server.wait_ready() if wait else server

    yield start
    for server in started:
        server.close()


@pytest.fixture
def busy_cpu():
    """A CPU kept busy by a spinning process for the test's duration; returns its number.

    A server pinned to it starts its threads late, which is how a loaded machine behaves."""
    cpu = min(os.sched_getaffinity(0))
    hog = subprocess.Popen([sys.executable, "-c",
                            f"import os, time\nos.sched_setaffinity(0, {{{cpu}}})\nend = time.time() + 60\n"
                            "while time.time() < end: pass"])
    time.sleep(0.1)  # let it start spinning
    try:
        yield cpu
    finally:
        hog.kill()
        hog.wait(timeout=5)


def user_rows(db: Path) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        return con.execute("SELECT username, disabled FROM users ORDER BY id").fetchall()
