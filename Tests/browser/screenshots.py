#!/usr/bin/env python3
"""Saves full-page screenshots of the three front doors at 360 and 1280 px, signed in where that
matters, into the directory given as argv[1]. Starts its own pufa (PUFA_BIN) with a little sample data.

    python3 Tests/browser/screenshots.py /tmp/shots
"""
import base64
import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pufa_browser import Server, make_driver, admin_api, sign_in, sign_in_admin, visible  # noqa: E402

OFFICIAL = ("wangfang", "Official-Pass-2024")


def seed(base):
    api = admin_api(base)
    bureau = api.create_unit("临安县司法局", code="SFJ-001")
    section = api.create_unit("普法与依法治理股", parent=bureau["id"], code="PF")
    api.create_unit("公共法律服务管理股", parent=bureau["id"])
    county = api.create_region("临安县", "county")
    town = api.create_region("锦城街道", "town", parent=county["id"])
    village = api.create_region("东街社区", "village", parent=town["id"])
    api.create_region("青山湖街道", "town", parent=county["id"])
    api.create_user(OFFICIAL[0], ["official"], password=OFFICIAL[1], display="王芳", unit=section["id"], region=village["id"])
    api.create_user("lijun", ["editor", "organizer"], display="李军", unit=bureau["id"])
    api.create_user("zhaolei", ["resident"], display="赵磊", region=village["id"])


def shoot(driver, path):
    """A full-page PNG through the DevTools protocol (Selenium's own screenshot stops at the viewport)."""
    time.sleep(0.4)  # let fonts and the chart settle
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = driver.execute_script("return window.innerWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    print("saved", path)


def doors(base, out, width, phone):
    d = make_driver(width, 740 if phone else 900, phone=phone)
    try:
        d.get(base + "/")
        visible(d, "#quiz")
        shoot(d, out / f"portal-{width}.png")

        d.get(base + "/exam")
        visible(d, "#login-username")
        shoot(d, out / f"exam-login-{width}.png")
        sign_in(d, base, "/exam", *OFFICIAL)
        visible(d, "#exam-empty")
        shoot(d, out / f"exam-{width}.png")

        d.delete_all_cookies()
        d.get(base + "/admin")
        visible(d, "#login-username")
        shoot(d, out / f"admin-login-{width}.png")
        sign_in(d, base, "/admin", "nobody", "wrong-password")
        visible(d, "#login-error")
        shoot(d, out / f"admin-login-error-{width}.png")
        sign_in_admin(d, base)
        visible(d, "#account-facts")
        visible(d, "#role-counts")
        shoot(d, out / f"admin-overview-{width}.png")
        if phone:
            d.find_element(By.CSS_SELECTOR, "#nav-toggle").click()
            shoot(d, out / f"admin-menu-{width}.png")
        for section, ready in (("users", "#users-table"), ("units", "#units-tree"),
                               ("regions", "#regions-tree"), ("audit", "#audit-table")):
            d.get(base + "/admin#/" + section)
            visible(d, ready)
            shoot(d, out / f"admin-{section}-{width}.png")
        d.find_element(By.CSS_SELECTOR, "#audit-table details summary").click()
        shoot(d, out / f"admin-audit-open-{width}.png")
        for name, hash_, ready in (("questions", "questions", "#questions-table"),
                                   ("questions-search", "questions?q=离婚&type=single", "#questions-table"),
                                   ("question-new", "questions?view=new", "#question-form"),
                                   ("question-edit", "questions?view=edit&id=1", "#question-history-table"),
                                   ("questions-import", "questions?view=import", "#import-form"),
                                   ("questions-export", "questions?view=export", "#export-link")):
            d.get(base + "/admin#/" + hash_)
            visible(d, ready)
            shoot(d, out / f"admin-{name}-{width}.png")
        d.get(base + "/admin#/users")
        visible(d, "#users-table")
        d.find_element(By.CSS_SELECTOR, "#create-user").click()
        dialog = visible(d, ".dialog")
        shoot(d, out / f"admin-create-user-{width}.png")
        dialog.find_element(By.NAME, "username").send_keys("newbie")
        dialog.find_element(By.NAME, "displayName").send_keys("新人")
        dialog.find_element(By.NAME, "password").send_keys("short")
        dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        visible(d, ".dialog .form-error")
        shoot(d, out / f"admin-create-user-error-{width}.png")
        d.find_element(By.CSS_SELECTOR, ".dialog-actions .btn:not(.btn-primary)").click()
        d.find_element(By.CSS_SELECTOR, "#lang-switch").click()
        shoot(d, out / f"admin-users-en-{width}.png")
        d.find_element(By.CSS_SELECTOR, "#create-user").click()
        visible(d, ".dialog")
        shoot(d, out / f"admin-create-user-en-{width}.png")
        d.find_element(By.CSS_SELECTOR, ".dialog-actions .btn:not(.btn-primary)").click()
        d.find_element(By.CSS_SELECTOR, "#lang-switch").click()
    finally:
        d.quit()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: screenshots.py OUTPUT_DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    server = Server()
    try:
        seed(server.base)
        doors(server.base, out, 360, phone=True)
        doors(server.base, out, 1280, phone=False)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
