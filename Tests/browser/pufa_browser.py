"""Helpers shared by the browser tests and screenshots.py: start the real server, drive Chromium,
call the JSON API for set-up, and do the few page actions every test needs (sign in, wait)."""
import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
ADMIN_USER = "admin"
ADMIN_PASSWORD = "Browser-Test-Admin-2024"
WAIT = 10


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The real pufa binary on a free port with a fresh data directory; stop() sends SIGTERM."""

    def __init__(self):
        binary = Path(os.environ.get("PUFA_BIN", ".build/debug/pufa"))
        if not binary.is_absolute():
            binary = REPO / binary
        if not binary.exists():
            raise RuntimeError(f"pufa binary not found at {binary}; build it (swift build) or set PUFA_BIN")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.data = tempfile.mkdtemp(prefix="pufa-browser-")
        self.log_path = Path(self.data) / "server.log"
        env = dict(os.environ, PUFA_ADMIN_USER=ADMIN_USER, PUFA_ADMIN_PASSWORD=ADMIN_PASSWORD)
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [str(binary), "serve", "--host", "127.0.0.1", "--port", str(self.port), "--data", self.data],
            cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_healthy(30)

    def _wait_healthy(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pufa exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"pufa did not answer /healthz within {timeout}s:\n{self.log_tail()}")

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


def make_driver(width=1280, height=900, phone=False):
    """Headless Chromium; phone=True emulates a 360×740 touch screen (as a phone's WebView reports it)."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("PUFA_CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--hide-scrollbars", f"--window-size={width},{height}"):
        opts.add_argument(arg)
    if phone:
        opts.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True},
            "userAgent": ("Mozilla/5.0 (Linux; Android 12; Pixel) AppleWebKit/537.36 (KHTML, like Gecko) "
                          "Chrome/110.0 Mobile Safari/537.36 MicroMessenger/8.0.40"),
        })
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("PUFA_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(30)
    return driver


class Api:
    """A cookie-keeping JSON client for test set-up, sending the CSRF header like the pages do."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.call("GET", "/api/v1/session")

    def csrf(self):
        for c in self.jar:
            if c.name == "pufa_csrf":
                return c.value
        return ""

    def call(self, method, path, body=None, expect=None):
        data = None if method == "GET" else json.dumps(body or {}).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Accept", "application/json")
        if method != "GET":
            req.add_header("Content-Type", "application/json")
            req.add_header("X-CSRF-Token", self.csrf())
        try:
            with self.opener.open(req, timeout=10) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        payload = json.loads(raw) if raw else None
        if expect is not None and status != expect:
            raise AssertionError(f"{method} {path} → {status}, expected {expect}: {payload}")
        return payload

    def login(self, username, password):
        return self.call("POST", "/api/v1/auth/login", {"username": username, "password": password}, expect=200)

    def create_user(self, username, roles, password="Initial-Pass-2024", display=None, unit=None, region=None):
        return self.call("POST", "/api/v1/users", {
            "username": username, "displayName": display or username, "password": password,
            "roles": roles, "unitId": unit, "regionId": region}, expect=201)

    def create_unit(self, name, parent=None, code=None):
        return self.call("POST", "/api/v1/units", {"name": name, "parentId": parent, "code": code}, expect=201)

    def create_region(self, name, level, parent=None):
        return self.call("POST", "/api/v1/regions", {"name": name, "parentId": parent, "level": level}, expect=201)


def admin_api(base):
    api = Api(base)
    api.login(ADMIN_USER, ADMIN_PASSWORD)
    return api


def wait(driver, timeout=WAIT):
    return WebDriverWait(driver, timeout)


def visible(driver, css, timeout=WAIT):
    return wait(driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def text_appears(driver, css, text, timeout=WAIT):
    wait(driver, timeout).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return driver.find_element(By.CSS_SELECTOR, css)


def sign_in(driver, base, path, username, password):
    """Opens path (/admin or /exam), fills the sign-in form and submits it with the button."""
    driver.get(base + path)
    visible(driver, "#login-username").send_keys(username)
    driver.find_element(By.CSS_SELECTOR, "#login-password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "#login-submit").click()


def sign_in_admin(driver, base):
    sign_in(driver, base, "/admin", ADMIN_USER, ADMIN_PASSWORD)
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#console-nav-list")))
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#current-user").text.strip())


def script_errors(driver):
    """Uncaught errors the page logged; failed requests (an expected 401, say) are not script errors."""
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]


def no_horizontal_overflow(driver):
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
