"""Fixtures for the browser tests: one real pufa server per session, a fresh headless Chromium per test
(desktop 1280×900 or phone 360×740), and an admin API client for set-up."""
import uuid

import pytest

from pufa_browser import Server, make_driver, admin_api


@pytest.fixture(scope="session")
def server():
    """Base URL of a running pufa (PUFA_BIN, default .build/debug/pufa) with an empty data directory."""
    try:
        srv = Server()
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)
    yield srv.base
    srv.stop()


@pytest.fixture
def driver():
    d = make_driver(1280, 900)
    yield d
    d.quit()


@pytest.fixture
def phone():
    d = make_driver(360, 740, phone=True)
    yield d
    d.quit()


@pytest.fixture
def admin(server):
    """An API client signed in as the bootstrap admin, for creating test data quickly."""
    return admin_api(server)


@pytest.fixture
def unique():
    """A short suffix that keeps names from different tests apart on the shared server."""
    return uuid.uuid4().hex[:6]
