"""Fixtures for the browser tests: one real pufa server per session, a fresh headless Chromium per test
(desktop 1280×900 or phone 360×740), and an admin API client for set-up."""
import uuid

import pytest

from pufa_browser import Server, make_driver, admin_api, script_errors


@pytest.fixture(scope="session")
def server():
    """Base URL of a running pufa (PUFA_BIN, default .build/debug/pufa) with an empty data directory."""
    try:
        srv = Server()
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)
    yield srv.base
    srv.stop()


def _browser(width, height, phone):
    d = make_driver(width, height, phone=phone)
    try:
        yield d
        errors = script_errors(d)
        assert not errors, f"the page logged script errors: {errors}"
    finally:
        d.quit()


@pytest.fixture
def driver():
    """Desktop Chromium, 1280×900; the test fails if a page logs a script error."""
    yield from _browser(1280, 900, False)


@pytest.fixture
def phone():
    """A 360×740 phone (touch, WeChat user agent); the test fails if a page logs a script error."""
    yield from _browser(360, 740, True)


@pytest.fixture
def admin(server):
    """An API client signed in as the bootstrap admin, for creating test data quickly."""
    return admin_api(server)


@pytest.fixture
def unique():
    """A short suffix that keeps names from different tests apart on the shared server."""
    return uuid.uuid4().hex[:6]
