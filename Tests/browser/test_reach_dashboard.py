"""成效 (reach and effect): staff open the dashboard, see the tiles and charts for seeded reading events, open a
measure's definition, export the figures, and open the printable yearly report; the pages fit a phone."""
import json
import time
import urllib.request

from selenium.webdriver.common.by import By

from pufa_browser import sign_in, text_appears, visible, wait, no_horizontal_overflow, script_errors

PASSWORD = "Reach-Pass-2024"


def post_events(server, body, agent=None):
    """As navigator.sendBeacon sends a batch: no session, text/plain."""
    req = urllib.request.Request(server + "/api/v1/events", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "text/plain;charset=UTF-8", "User-Agent": agent or PHONE_AGENT})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 202


PHONE_AGENT = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"


def setup(server, admin, unique):
    editor = f"cx{unique}"
    admin.create_user(editor, ["editor"], password=PASSWORD, display="成效编辑")
    slug = f"chengxiao-{unique}"
    admin.call("PUT", f"/api/v1/content-admin/{slug}", {
        "title": f"防范电信诈骗{unique}", "summary": "不听、不信、不转账。", "topics": ["反诈"], "audiences": ["resident"],
        "basis": ["《中华人民共和国反电信网络诈骗法》第二条"], "body": "## 三不\n\n不听、不信、不转账。"}, expect=201)
    now = int(time.time() * 1000)
    # Two readers' pages report openings and an effective read (as the read page's beacon does).
    for device in (f"device-{unique}-a", f"device-{unique}-b"):
        post_events(server, {"device": device, "events": [
            {"id": "o1", "kind": "opened", "content": slug, "at": now},
            {"id": "r1", "kind": "read", "content": slug, "at": now, "seconds": 20}]})
    # A chat app drawing the link's preview: labelled, not a reader.
    post_events(server, {"events": [{"id": "p1", "kind": "opened", "content": slug, "at": now}]}, agent="facebookexternalhit/1.1")
    return editor, slug


def test_staff_see_the_tiles_charts_and_definitions_and_export(driver, server, admin, unique):
    editor, slug = setup(server, admin, unique)
    sign_in(driver, server, "/admin", editor, PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-reach"))
    driver.find_element(By.ID, "nav-reach").click()
    visible(driver, "#reach-filters")
    content = driver.find_element(By.ID, "reach-f-content")
    content.send_keys(slug)
    driver.find_element(By.ID, "reach-apply").click()
    text_appears(driver, "#reach-value-reached", "2")
    assert visible(driver, "#reach-value-personTimes").text == "2"
    # What was not counted, and why: the link preview is there, apart from the two readers.
    text_appears(driver, "#reach-quality-table", "聊天软件生成链接预览")
    assert visible(driver, "#reach-value-readRate").text == "100%"
    assert visible(driver, "#reach-value-openRate").text == "—", "no deliveries: the rate is undefined, not 0%"
    # The definition behind a tile.
    help_button = driver.find_element(By.ID, "reach-help-readRate")
    help_button.click()
    assert help_button.get_attribute("aria-expanded") == "true"
    assert "15 秒" in visible(driver, "#reach-def-readRate").text
    # Charts drawn (canvas has a size once Chart.js draws) and their tables.
    wait(driver).until(lambda d: d.execute_script("return !!window.Chart && document.getElementById('reach-chart-funnel').width > 0"))
    visible(driver, "#reach-chart-series")
    assert "有效阅读" in visible(driver, "#reach-funnel-table").text
    assert slug in visible(driver, "#reach-top-table").get_attribute("innerHTML")
    # Exports carry the same filter.
    href = driver.find_element(By.ID, "reach-export-csv").get_attribute("href")
    assert f"content={slug}" in href
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as r:
        body = r.read().decode("utf-8")
    assert "触达人数" in body and "# 漏斗" in body
    # The yearly report.
    driver.find_element(By.ID, "reach-yearly-link").click()
    visible(driver, "#reach-print")
    text_appears(driver, "#reach-yearly", "受教育人次")
    assert not script_errors(driver)


def test_the_dashboard_fits_a_phone(phone, server, admin, unique):
    editor, slug = setup(server, admin, unique)
    sign_in(phone, server, "/admin", editor, PASSWORD)
    phone.get(server + f"/admin#/reach?content={slug}")
    text_appears(phone, "#reach-value-reached", "2")
    visible(phone, "#reach-chart-funnel")
    summary = phone.find_element(By.CSS_SELECTOR, "#reach-numbers-funnel summary")
    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    phone.execute_script("arguments[0].click()", summary)
    visible(phone, "#reach-funnel-table")
    assert no_horizontal_overflow(phone) <= 360
    phone.get(server + "/admin#/reach?view=yearly")
    visible(phone, "#reach-yearly-groups")
    assert no_horizontal_overflow(phone) <= 360
