"""The `pufa` command line, run as a person would run it: real processes, a real data directory, HTTP logins.

Run with `python3 -m pytest -q Tests/cli` from the repository root; PUFA_BIN picks the binary
(default .build/debug/pufa).
"""

import contextlib
import signal
import socket
import sqlite3
import stat
import threading
import time

import pytest

from conftest import free_port, http_session, login, user_rows

PASSWORD = "correct-horse-1"
NEW_PASSWORD = "battery-staple-2"


def db_path(data):
    return data / "pufa.sqlite"


def applied_migrations(db):
    with contextlib.closing(sqlite3.connect(db)) as con:
        return [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


# --- help ---------------------------------------------------------------------------------------

HELP_COMMANDS = [
    [], ["serve"], ["migrate"], ["backup"],
    ["user"], ["user", "add"], ["user", "passwd"], ["user", "list"], ["user", "disable"],
]


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "pufa")
def test_help(pufa, data, command):
    r = pufa(*command, "--help", data=False)
    assert r.returncode == 0, r.stderr
    assert f"USAGE: {' '.join(['pufa', *command])}" in r.stdout
    assert "OVERVIEW:" in r.stdout
    assert not data.exists(), "--help must not create the data directory"


def test_top_level_help_lists_every_command(pufa):
    out = pufa("--help", data=False).stdout
    for command in ["serve", "migrate", "user", "backup"]:
        assert f"\n  {command} " in out


def test_help_subcommand_form(pufa):
    r = pufa("help", "user", "add", data=False)
    assert r.returncode == 0, r.stderr
    assert "USAGE: pufa user add" in r.stdout
    assert "--password-stdin" in r.stdout


def test_unknown_command_fails(pufa):
    r = pufa("frobnicate", data=False)
    assert r.returncode != 0
    assert "frobnicate" in r.stderr


# --- migrate ------------------------------------------------------------------------------------

def test_migrate_creates_database_then_is_up_to_date(pufa, data):
    r = pufa("migrate")
    assert r.returncode == 0, r.stderr
    assert db_path(data).is_file()
    applied = applied_migrations(db_path(data))
    assert applied[0] == "001_foundation" and len(applied) >= 2
    assert r.stdout.strip() == "applied: " + ", ".join(applied)

    r = pufa("migrate")
    assert r.returncode == 0, r.stderr
    assert "database is up to date" in r.stdout
    assert applied_migrations(db_path(data)) == applied


def test_data_directory_from_environment(pufa, data):
    r = pufa("migrate", data=False, env={"PUFA_DATA": str(data)})
    assert r.returncode == 0, r.stderr
    assert "applied:" in r.stdout
    assert db_path(data).is_file()
    # --data wins over PUFA_DATA.
    other = data.parent / "other"
    r = pufa("migrate", "--data", other, data=False, env={"PUFA_DATA": str(data)})
    assert r.returncode == 0, r.stderr
    assert "applied:" in r.stdout
    assert db_path(other).is_file()


def test_migrate_on_a_file_that_is_not_a_database(pufa, data):
    data.mkdir()
    db_path(data).write_text("not sqlite\n")
    r = pufa("migrate")
    assert r.returncode != 0
    assert "file is not a database" in r.stderr
    assert db_path(data).read_text() == "not sqlite\n"


def test_data_path_that_is_a_file_fails_clearly(pufa, tmp_path):
    not_a_dir = tmp_path / "plain-file"
    not_a_dir.write_text("")
    r = pufa("migrate", "--data", not_a_dir, data=False)
    assert r.returncode != 0
    assert str(not_a_dir) in r.stderr or "plain-file" in r.stderr
    assert "Error Domain=" not in r.stderr and "UserInfo=" not in r.stderr


# --- user add / list ----------------------------------------------------------------------------

def test_user_add_then_list_shows_roles(pufa, data):
    r = pufa("user", "add", "zhang.san", "--role", "editor", "official", "--name", "张三",
             "--password-stdin", input=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert "created user zhang.san" in r.stdout
    assert "editor, official" in r.stdout
    pufa.add_user("li-si", PASSWORD, "resident")

    r = pufa("user", "list")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()]
    by_name = {row[1]: row for row in rows}
    assert set(by_name) == {"zhang.san", "li-si"}
    assert by_name["zhang.san"][2:] == ["张三", "editor,official", "active"]
    assert by_name["li-si"][2:] == ["li-si", "resident", "active"]


@pytest.mark.parametrize("again", ["bob", "BOB"])
def test_user_add_existing_name_fails(pufa, data, again):
    pufa.add_user("bob", PASSWORD, "editor")
    r = pufa("user", "add", again, "--role", "admin", "--password-stdin", input=NEW_PASSWORD + "\n")
    assert r.returncode != 0
    assert "is taken" in r.stderr and again in r.stderr
    assert "created" not in r.stdout
    assert user_rows(db_path(data)) == [("bob", 0)]


def test_user_add_unknown_role_fails(pufa, data):
    r = pufa("user", "add", "carol", "--role", "editor", "superuser", "--password-stdin", input=PASSWORD + "\n")
    assert r.returncode != 0
    assert "unknown role superuser" in r.stderr
    assert "admin, editor, organizer, official or resident" in r.stderr
    assert not db_path(data).exists() or user_rows(db_path(data)) == []


def test_user_add_without_role_fails(pufa, data):
    r = pufa("user", "add", "carol", "--password-stdin", input=PASSWORD + "\n")
    assert r.returncode != 0
    assert "choose at least one role" in r.stderr
    assert user_rows(db_path(data)) == []


def test_user_add_short_password_fails(pufa, data):
    r = pufa("user", "add", "carol", "--role", "editor", "--password-stdin", input="123456789\n")  # 9 chars
    assert r.returncode != 0
    assert "at least 10 characters" in r.stderr
    assert user_rows(db_path(data)) == []
    # Exactly 10 is enough.
    r = pufa("user", "add", "carol", "--role", "editor", "--password-stdin", input="1234567890\n")
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("stdin", ["", "\n"], ids=["eof", "empty-line"])
def test_user_add_empty_stdin_fails(pufa, data, stdin):
    r = pufa("user", "add", "carol", "--role", "editor", "--password-stdin", input=stdin)
    assert r.returncode != 0
    assert "no password on standard input" in r.stderr
    assert not db_path(data).exists() or user_rows(db_path(data)) == []


@pytest.mark.parametrize("username,password,message", [
    ("bad name", PASSWORD, "username may contain letters, digits and _ . - @ only"),
    ("x", PASSWORD, "username must be 2–32 characters"),
    ("correct-horse-1", "Correct-Horse-1", "password must differ from the username"),
], ids=["space", "too-short", "password-is-username"])
def test_user_add_validation_messages(pufa, data, username, password, message):
    r = pufa("user", "add", username, "--role", "editor", "--password-stdin", input=password + "\n")
    assert r.returncode != 0
    assert message in r.stderr
    assert user_rows(db_path(data)) == []


def test_user_add_without_terminal_or_stdin_flag_fails(pufa, data):
    r = pufa("user", "add", "carol", "--role", "editor")  # stdin is /dev/null, not a terminal
    assert r.returncode != 0
    assert "use --password-stdin" in r.stderr


def test_user_commands_on_unknown_user_fail(pufa, data):
    pufa.add_user("bob", PASSWORD)
    r = pufa("user", "passwd", "ghost", "--password-stdin", input=NEW_PASSWORD + "\n")
    assert r.returncode != 0
    assert "no user named ghost" in r.stderr
    r = pufa("user", "disable", "ghost")
    assert r.returncode != 0
    assert "no user named ghost" in r.stderr


def test_user_passwd_short_password_fails(pufa, data):
    pufa.add_user("bob", PASSWORD)
    r = pufa("user", "passwd", "bob", "--password-stdin", input="short\n")
    assert r.returncode != 0
    assert "at least 10 characters" in r.stderr


def test_disabling_the_last_admin_is_refused(pufa, data):
    pufa.add_user("root", PASSWORD, "admin")
    r = pufa("user", "disable", "root")
    assert r.returncode != 0
    assert "last active admin" in r.stderr
    assert user_rows(db_path(data)) == [("root", 0)]


# --- passwd / disable, proven over HTTP ---------------------------------------------------------

def test_user_passwd_changes_the_login_password(pufa, serve, data):
    pufa.add_user("root", PASSWORD, "admin")
    r = pufa("user", "passwd", "root", "--password-stdin", input=NEW_PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert "password changed for root" in r.stdout

    server = serve(port=free_port())  # an admin exists: no PUFA_ADMIN_* needed
    assert not (data / "initial-admin-password.txt").exists()
    r = server.login("root", NEW_PASSWORD)
    assert r.status_code == 200, r.text
    assert r.json()["user"]["username"] == "root"
    r = server.login("root", PASSWORD)
    assert r.status_code == 401, r.text
    assert r.json()["error"]["code"] == "invalid_credentials"
    assert server.stop(signal.SIGTERM) == 0


def test_user_passwd_while_serving(pufa, serve, data):
    """The CLI and a running server share the database (WAL): a change made meanwhile takes effect."""
    pufa.add_user("root", PASSWORD, "admin")
    server = serve()
    assert server.login("root", PASSWORD).status_code == 200
    r = pufa("user", "passwd", "root", "--password-stdin", input=NEW_PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert server.login("root", NEW_PASSWORD).status_code == 200
    assert server.login("root", PASSWORD).status_code == 401
    assert server.stop() == 0


def test_user_disable_blocks_login(pufa, serve, data):
    pufa.add_user("root", PASSWORD, "admin")
    pufa.add_user("clerk", PASSWORD, "editor")
    server = serve()
    assert server.login("clerk", PASSWORD).status_code == 200

    r = pufa("user", "disable", "clerk")
    assert r.returncode == 0, r.stderr
    assert "disabled clerk" in r.stdout
    r = server.login("clerk", PASSWORD)
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "account_disabled"
    # Only someone who knows the password learns the account is disabled.
    assert server.login("clerk", NEW_PASSWORD).status_code == 401
    assert server.stop() == 0

    listed = {line.split("\t")[1]: line.split("\t")[-1] for line in pufa("user", "list").stdout.splitlines()}
    assert listed == {"root": "active", "clerk": "disabled"}


def test_user_disable_ends_existing_sessions(pufa, serve, data):
    pufa.add_user("root", PASSWORD, "admin")
    pufa.add_user("clerk", PASSWORD, "editor")
    server = serve()
    s = http_session()
    assert login(server.url, "clerk", PASSWORD, session=s).status_code == 200
    assert s.get(server.url + "/api/v1/me", timeout=10).status_code == 200
    assert pufa("user", "disable", "clerk").returncode == 0
    assert s.get(server.url + "/api/v1/me", timeout=10).status_code == 401
    assert server.stop() == 0


# --- first admin --------------------------------------------------------------------------------

def test_serve_creates_first_admin_from_environment(serve, pufa, data):
    server = serve(env={"PUFA_ADMIN_USER": "chief", "PUFA_ADMIN_PASSWORD": PASSWORD})
    assert "created the first admin account chief" in server.log
    assert not (data / "initial-admin-password.txt").exists()
    r = server.login("chief", PASSWORD)
    assert r.status_code == 200, r.text
    assert "admin" in r.json()["user"]["roles"]
    assert server.stop() == 0
    assert [line.split("\t")[1:4:2] for line in pufa("user", "list").stdout.splitlines()] == [["chief", "admin"]]


def test_serve_generates_first_admin_password_file(serve, pufa, data):
    server = serve()
    secret_file = data / "initial-admin-password.txt"
    assert secret_file.is_file()
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    password = secret_file.read_text().strip()
    assert len(password) >= 10
    assert "created the first admin account: user admin" in server.log
    r = server.login("admin", password)
    assert r.status_code == 200, r.text
    assert "admin" in r.json()["user"]["roles"]
    assert server.stop() == 0

    # A second start finds the admin and neither creates another nor rewrites the file.
    server = serve()
    assert "created the first admin" not in server.log
    assert secret_file.read_text().strip() == password
    assert server.stop() == 0
    assert [line.split("\t")[1] for line in pufa("user", "list").stdout.splitlines()] == ["admin"]


def test_serve_bootstrap_ignored_when_admin_exists(serve, pufa, data):
    pufa.add_user("root", PASSWORD, "admin")
    server = serve(env={"PUFA_ADMIN_USER": "chief", "PUFA_ADMIN_PASSWORD": NEW_PASSWORD})
    assert server.login("chief", NEW_PASSWORD).status_code == 401
    assert server.stop() == 0
    assert [r[0] for r in user_rows(db_path(data))] == ["root"]


# --- backup -------------------------------------------------------------------------------------

def test_backup_while_serving(pufa, serve, data, tmp_path):
    for name in ["root", "ann", "ben"]:
        pufa.add_user(name, PASSWORD, "admin" if name == "root" else "editor")
    server = serve()

    stop = threading.Event()
    answered, failures = [], []

    def traffic():
        s = http_session()
        while not stop.is_set():
            try:
                r = login(server.url, "ann", PASSWORD, session=s)  # writes a session row each time
                (answered if r.status_code == 200 else failures).append(r.status_code)
            except Exception as e:  # noqa: BLE001 - any failure is the finding
                failures.append(repr(e))

    worker = threading.Thread(target=traffic)
    worker.start()
    try:
        deadline = time.monotonic() + 5
        while not answered and time.monotonic() < deadline:
            time.sleep(0.01)
        backup = tmp_path / "copy.sqlite"
        r = pufa("backup", backup)
        time.sleep(0.2)
    finally:
        stop.set()
        worker.join(timeout=15)
    assert r.returncode == 0, r.stderr
    assert f"backup written to {backup}" in r.stdout
    assert answered and not failures, failures

    with contextlib.closing(sqlite3.connect(backup)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [row[0] for row in con.execute("SELECT username FROM users ORDER BY id")] == ["root", "ann", "ben"]
        assert [row[0] for row in con.execute("SELECT name FROM schema_migrations")] == applied_migrations(db_path(data))
    assert server.stop() == 0


def test_backup_refuses_existing_file(pufa, data, tmp_path):
    pufa.add_user("root", PASSWORD, "admin")
    target = tmp_path / "existing.sqlite"
    target.write_bytes(b"precious")
    before = target.stat()
    r = pufa("backup", target)
    assert r.returncode != 0
    assert "already exists" in r.stderr and str(target) in r.stderr
    assert target.read_bytes() == b"precious"
    assert target.stat().st_mtime_ns == before.st_mtime_ns


def test_backup_without_database_fails(pufa, data, tmp_path):
    target = tmp_path / "copy.sqlite"
    r = pufa("backup", target)
    assert r.returncode != 0
    assert "no database at" in r.stderr
    assert not target.exists()
    assert not db_path(data).exists()


# --- a database from a newer release ------------------------------------------------------------

@pytest.fixture
def future_database(pufa, data):
    pufa.add_user("root", PASSWORD, "admin")
    with contextlib.closing(sqlite3.connect(db_path(data))) as con:
        con.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('999_from_the_future', 0)")
        con.commit()
    return data


def test_migrate_refuses_database_from_the_future(pufa, future_database):
    r = pufa("migrate")
    assert r.returncode != 0
    assert "999_from_the_future" in r.stderr
    assert "newer release" in r.stderr
    assert applied_migrations(db_path(future_database))[-1] == "999_from_the_future"


def test_serve_refuses_database_from_the_future(serve, future_database):
    server = serve(wait=False)
    assert server.wait_exit(timeout=15) != 0
    assert "999_from_the_future" in server.log
    assert "newer release" in server.log
    assert "Pufa is serving" not in server.log


def test_user_commands_refuse_database_from_the_future(pufa, future_database):
    r = pufa("user", "list")
    assert r.returncode != 0
    assert "999_from_the_future" in r.stderr


# --- serve failures and shutdown ----------------------------------------------------------------

def test_serve_port_in_use_fails(serve, data, busy_cpu):
    # The crash depends on thread timing: a busy CPU makes it likely (most starts), so try a few times.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for attempt in range(30):
            server = serve(wait=False, port=port, env={"PUFA_ADMIN_PASSWORD": PASSWORD}, cpus={busy_cpu})
            rc = server.wait_exit(timeout=15)
            assert rc == 1, f"attempt {attempt}: exit {rc}\n{server.log[:600]}"
            assert f"cannot listen on 127.0.0.1:{port}" in server.log
            assert "address in use" in server.log
            assert "Pufa is serving" not in server.log


def test_serve_rejects_bad_port(serve, data):
    server = serve(wait=False, port=70000)
    assert server.wait_exit(timeout=15) != 0
    assert "port must be 0–65535" in server.log


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_shuts_down_cleanly_and_checkpoints(pufa, serve, data, sig):
    pufa.add_user("root", PASSWORD, "admin")
    server = serve()
    for _ in range(3):  # writes (session rows) that land in the WAL
        assert server.login("root", PASSWORD).status_code == 200
    wal = data / "pufa.sqlite-wal"
    assert wal.exists() and wal.stat().st_size > 0, "expected the running server to have a non-empty WAL"

    assert server.stop(sig) == 0
    assert "shutting down" in server.log
    assert "stopped" in server.log
    assert not wal.exists() or wal.stat().st_size == 0, f"WAL not checkpointed: {wal.stat().st_size} bytes"
    # Nothing lost: the sessions are in the main file.
    with contextlib.closing(sqlite3.connect(f"file:{db_path(data)}?mode=ro", uri=True)) as con:
        assert con.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3


def test_shutdown_finishes_a_request_in_flight(pufa, serve, data):
    """A login whose body is still arriving when SIGTERM comes is answered before the server exits."""
    pufa.add_user("root", PASSWORD, "admin")
    server = serve()
    s = http_session()
    s.get(server.url + "/api/v1/session", timeout=10)
    csrf = s.cookies.get("pufa_csrf")
    body = ('{"username": "root", "password": "%s"}' % PASSWORD).encode()
    head = (f"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Cookie: pufa_csrf={csrf}\r\nX-CSRF-Token: {csrf}\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as conn:
        conn.sendall(head + body[:10])
        time.sleep(0.3)
        server.proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 5
        while "shutting down" not in server.log and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "shutting down" in server.log
        time.sleep(0.3)
        assert server.proc.poll() is None, "server exited with a request in flight"
        conn.sendall(body[10:])
        response = b""
        while chunk := conn.recv(65536):
            response += chunk
    assert response.startswith(b"HTTP/1.1 200"), response[:200]
    assert b'"username":"root"' in response.replace(b" ", b"")
    assert server.wait_exit(timeout=15) == 0
    assert "still in flight" not in server.log


def test_a_setting_that_is_not_a_number_is_refused(pufa, tmp_path):
    r = pufa("serve", env={"PUFA_PORT": "abc"})
    assert r.returncode != 0
    assert "PUFA_PORT=abc is not a number" in r.stderr


def test_a_missing_web_client_directory_is_refused(pufa, tmp_path):
    r = pufa("serve", "--port", "0", "--public-dir", tmp_path / "nowhere")
    assert r.returncode != 0
    assert "does not exist" in r.stderr
