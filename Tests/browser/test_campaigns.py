"""推送 in the staff console, as publicity staff use it: a campaign made with the five-step wizard to a saved segment,
started at once, its progress followed to 100%, and a resident with an account finding the piece in 我的消息 on
the portal. Group robots: a refused address, a saved secret shown only as 已设置. The test has its own server with
quiet hours off, so it passes at any hour (the shared server keeps the 22:00–08:00 default)."""
import os
import sqlite3
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pufa_browser import Server, Api, admin_api, sign_in, sign_in_admin, text_appears, visible, wait, no_horizontal_overflow

RESIDENT_PASSWORD = "Resident-Pass-2024"


@pytest.fixture(scope="module")
def camp():
    old = os.environ.get("PUFA_QUIET_HOURS")
    os.environ["PUFA_QUIET_HOURS"] = "off"
    try:
        srv = Server()
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)
    finally:
        if old is None:
            os.environ.pop("PUFA_QUIET_HOURS", None)
        else:
            os.environ["PUFA_QUIET_HOURS"] = old
    yield srv
    srv.stop()


def add_segment(srv, admin, name, profile_ids, extra_residents):
    """A saved segment, made through the API, whose rule (an interest only these people have) selects the given
    profiles and a few residents who left a phone with a quiz entry (written directly, as quizzes make them)."""
    tag = f"宪法周{name}"
    db = sqlite3.connect(str(Path(srv.data) / "pufa.sqlite"), timeout=10)
    try:
        now = int(time.time() * 1000)
        for p in profile_ids:
            db.execute("UPDATE profiles SET interests_json = json_array(?) WHERE id = ?", (tag, p))
        for i in range(extra_residents):
            db.execute("INSERT INTO profiles (phone, display_name, groups_mask, interests_json, created_at, updated_at) "
                       "VALUES (?, ?, 128, json_array(?), ?, ?)", ("137%08d" % (len(name) * 1000 + i), f"居民{i}", tag, now, now))
        db.commit()
    finally:
        db.close()
    segment = admin.call("POST", "/api/v1/segments", {"name": name, "rule": {"field": "interest", "in": [tag]}, "holdoutPercent": 0},
                         expect=201)
    admin.call("POST", f"/api/v1/segments/{segment['id']}/recompute", expect=200)
    return segment["id"]


def profile_of(srv, username):
    db = sqlite3.connect(str(Path(srv.data) / "pufa.sqlite"), timeout=10)
    try:
        return db.execute("SELECT p.id FROM profiles p JOIN users u ON u.id = p.user_id WHERE u.username = ?", (username,)).fetchone()[0]
    finally:
        db.close()


def test_staff_send_a_piece_through_the_wizard_and_a_resident_reads_it_in_the_inbox(camp, driver, phone):
    base = camp.base
    admin = admin_api(base)
    slug = "xianfa-tuisong"
    admin.call("PUT", f"/api/v1/content-admin/{slug}", {
        "title": "宪法宣传周：宪法是根本大法", "summary": "每年 12 月 4 日是国家宪法日。", "topics": ["宪法"],
        "audiences": ["resident"], "basis": ["《中华人民共和国宪法》序言"], "body": "## 宪法\n\n宪法具有最高的法律效力。"}, expect=201)
    admin.create_user("jumin-tuisong", ["resident"], password=RESIDENT_PASSWORD, display="居民老张")
    resident = Api(base)
    resident.login("jumin-tuisong", RESIDENT_PASSWORD)
    assert resident.call("GET", "/api/v1/inbox", expect=200)["unread"] == 0   # makes the resident's profile
    segment = add_segment(camp, admin, "宪法周·全村居民", [profile_of(camp, "jumin-tuisong")], 3)

    sign_in_admin(driver, base)
    driver.get(base + "/admin#/campaigns")
    visible(driver, "#campaign-empty")
    driver.find_element(By.ID, "campaign-new").click()
    # 1 内容
    Select(visible(driver, "#wz-content")).select_by_value(slug)
    driver.find_element(By.ID, "wizard-next").click()
    # 2 对象: the segment with its size
    label = visible(driver, f"label[for='wz-seg-{segment}']")
    assert "4 人" in label.text
    label.click()
    driver.find_element(By.ID, "wizard-next").click()
    # 3 渠道: the inbox is chosen already; nothing without a channel
    box = visible(driver, "#wz-inbox")
    box.click()
    driver.find_element(By.ID, "wizard-next").click()
    assert "至少选择一个渠道" in visible(driver, "#wizard-error").text
    box.click()
    driver.find_element(By.ID, "wz-message").send_keys("宪法宣传周，请抽空阅读。")
    driver.find_element(By.ID, "wizard-next").click()
    # 4 时间: now; only the time a choice needs is shown
    assert visible(driver, "#wz-when-now").is_selected()
    assert not driver.find_element(By.ID, "wz-at").is_displayed() and not driver.find_element(By.ID, "wz-yearly").is_displayed()
    driver.find_element(By.ID, "wz-when-yearly").click()
    assert visible(driver, "#wz-yearly").get_attribute("value") == "12-04 09:00"
    driver.find_element(By.ID, "wz-when-now").click()
    wait(driver).until(lambda d: not d.find_element(By.ID, "wz-yearly").is_displayed())
    driver.find_element(By.ID, "wizard-next").click()
    # 5 确认
    summary = visible(driver, "#wizard-summary").text
    assert "宪法宣传周：宪法是根本大法" in summary and "宪法周·全村居民（4 人）" in summary and "立即发送" in summary
    assert driver.find_element(By.ID, "wz-name").get_attribute("value") == "宪法宣传周：宪法是根本大法"
    driver.find_element(By.ID, "wizard-start").click()

    # The campaign page follows the sending to the end.
    text_appears(driver, "#campaign-percent", "100%", timeout=30)
    assert visible(driver, "#stat-audience").text.endswith("4")
    assert visible(driver, "#stat-sent").text.endswith("4")
    text_appears(driver, "#campaign-status", "已完成", timeout=10)
    driver.find_element(By.CSS_SELECTOR, ".back-link").click()
    text_appears(driver, "#campaign-table", "100%")

    # The resident sees it on the portal, unread, and opening it marks it read.
    sign_in(phone, base, "/admin", "jumin-tuisong", RESIDENT_PASSWORD)
    visible(phone, "#no-console")
    phone.get(base + "/")
    item = visible(phone, "#inbox-list li")
    assert "宪法宣传周：宪法是根本大法" in item.text and "宪法宣传周，请抽空阅读。" in item.text
    assert "1 条未读" in visible(phone, "#inbox-unread").text
    assert no_horizontal_overflow(phone) <= 360
    phone.find_element(By.CSS_SELECTOR, "#inbox-list .portal-inbox-link").click()
    wait(phone).until(lambda d: "/read" in d.current_url)
    wait(phone, 10).until(lambda d: resident.call("GET", "/api/v1/inbox")["unread"] == 0)


def test_group_robots_refuse_bad_addresses_and_never_show_the_secret(camp, driver):
    base = camp.base
    sign_in_admin(driver, base)
    driver.get(base + "/admin#/campaigns?view=robots")
    visible(driver, "#robot-new").click()
    dialog = visible(driver, ".dialog")
    dialog.find_element(By.NAME, "name").send_keys("司法所钉钉群")
    dialog.find_element(By.NAME, "url").send_keys("ftp://example.cn/robot")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "http://" in text_appears(driver, ".dialog .form-error", "https://").text
    url = dialog.find_element(By.NAME, "url")
    url.clear()
    url.send_keys("https://oapi.dingtalk.com/robot/send?access_token=abc")
    dialog.find_element(By.NAME, "secret").send_keys("SEC-browser-secret")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    row = text_appears(driver, "#robot-table", "司法所钉钉群")
    assert "已设置" in row.text and "SEC-browser-secret" not in driver.page_source


def test_a_robot_nothing_relies_on_is_deleted_and_one_in_use_says_why_not(camp, driver):
    base = camp.base
    admin = admin_api(base)
    slug = "xianfa-qun"
    admin.call("PUT", f"/api/v1/content-admin/{slug}", {
        "title": "宪法进群", "summary": "国家宪法日。", "topics": ["宪法"], "audiences": ["resident"],
        "basis": ["《中华人民共和国宪法》序言"], "body": "## 宪法\n\n宪法具有最高的法律效力。"}, expect=201)
    spare = admin.call("POST", "/api/v1/robots", {"name": "建错的群", "kind": "wecom", "url": "https://qyapi.weixin.qq.com/x"}, expect=201)
    used = admin.call("POST", "/api/v1/robots", {"name": "镇普法群", "kind": "wecom", "url": "https://qyapi.weixin.qq.com/y"}, expect=201)
    segment = add_segment(camp, admin, "进群居民", [], 1)
    admin.call("POST", "/api/v1/campaigns", {"name": "十二月群推送", "contentSlug": slug, "segmentId": segment, "channels": ["robots"],
                                             "robotIds": [used["id"]], "schedule": "now", "message": "", "priority": 1,
                                             "ratePerMinute": 600}, expect=201)

    unit = admin.create_unit("锦城司法所")
    sign_in_admin(driver, base)
    driver.get(base + "/admin#/campaigns?view=robots")
    table = text_appears(driver, "#robot-table", "镇普法群")
    row = [r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "镇普法群" in r.text][0]
    assert "全部" in row.text, "no scope yet"
    # The escalation scope: the group of one unit.
    row.find_element(By.CSS_SELECTOR, "[data-action=edit]").click()
    dialog = visible(driver, ".dialog")
    Select(dialog.find_element(By.NAME, "unitId")).select_by_value(str(unit["id"]))
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".dialog"))
    table = text_appears(driver, "#robot-table", "锦城司法所")
    assert [r for r in admin.call("GET", "/api/v1/robots", expect=200)["items"] if r["id"] == used["id"]][0]["unitId"] == unit["id"]
    row = [r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "镇普法群" in r.text][0]
    row.find_element(By.CSS_SELECTOR, "[data-action=delete]").click()
    dialog = visible(driver, ".dialog")
    assert "镇普法群" in dialog.text
    assert driver.switch_to.active_element.text == "取消", "a destructive dialog starts on Cancel"
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "十二月群推送" in text_appears(driver, ".dialog .form-error", "十二月群推送").text
    dialog.find_element(By.CSS_SELECTOR, "button[type=button]").click()

    table = visible(driver, "#robot-table")
    row = [r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "建错的群" in r.text][0]
    row.find_element(By.CSS_SELECTOR, "[data-action=delete]").click()
    visible(driver, ".dialog").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The table is rebuilt after the delete: read its text in one script call, never through a stale element.
    table_text = "const t = document.getElementById('robot-table'); return t ? t.textContent : '';"
    wait(driver).until(lambda d: "镇普法群" in d.execute_script(table_text) and "建错的群" not in d.execute_script(table_text))
    assert "镇普法群" in driver.find_element(By.ID, "robot-table").text
    assert [r["name"] for r in admin.call("GET", "/api/v1/robots", expect=200)["items"]].count("建错的群") == 0
    assert spare["id"] not in [r["id"] for r in admin.call("GET", "/api/v1/robots", expect=200)["items"]]
