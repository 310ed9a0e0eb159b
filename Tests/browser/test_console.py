"""The staff console (/admin), as an administrator uses it."""
import json
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from pufa_browser import (ADMIN_USER, ADMIN_PASSWORD, Api, sign_in, sign_in_admin, text_appears, visible, wait,
                          no_horizontal_overflow)

SECTIONS_ZH = ["概览", "题库", "竞答", "内容", "对象", "分群", "推送", "学习任务", "成效", "考试", "用户管理", "单位", "地区", "审计日志"]
SECTIONS_EN = ["Overview", "Question bank", "Prize quizzes", "Content", "Profiles", "Segments", "Campaigns", "Study tasks", "Reach & effect", "Exams", "Users", "Units",
               "Regions", "Audit log"]


def nav_labels(driver):
    return [a.get_attribute("textContent").strip()
            for a in driver.find_elements(By.CSS_SELECTOR, "#console-nav-list a")]


def open_section(driver, base, section, ready):
    driver.get(f"{base}/admin#/{section}")
    return visible(driver, ready)


def fill(dialog, name, value):
    field = dialog.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def test_admin_signs_in_and_sees_the_console(driver, server):
    sign_in_admin(driver, server)
    assert nav_labels(driver) == SECTIONS_ZH
    assert driver.find_element(By.CSS_SELECTOR, "#nav-overview").get_attribute("aria-current") == "page"
    facts = visible(driver, "#account-facts")
    assert ADMIN_USER in facts.text
    assert "管理员" in facts.text
    # The role counts come from the real user list.
    visible(driver, "#role-counts")


def test_admin_switches_to_english_and_back_in_place(driver, server):
    sign_in_admin(driver, server)
    visible(driver, "#account-facts")
    driver.find_element(By.ID, "lang-switch").click()
    wait(driver).until(lambda d: d.execute_script("return document.documentElement.lang") == "en")
    assert nav_labels(driver) == SECTIONS_EN
    assert driver.find_element(By.CSS_SELECTOR, "#main h1").text == "Overview"
    assert driver.find_element(By.ID, "logout-button").text == "Sign out"
    assert driver.title == "Staff console"

    driver.refresh()  # the choice is remembered
    wait(driver).until(lambda d: nav_labels(d) == SECTIONS_EN)
    assert driver.execute_script("return document.documentElement.lang") == "en"

    driver.find_element(By.ID, "lang-switch").click()
    wait(driver).until(lambda d: d.execute_script("return document.documentElement.lang") == "zh-CN")
    assert nav_labels(driver) == SECTIONS_ZH
    assert driver.find_element(By.CSS_SELECTOR, "#main h1").text == "概览"


def test_admin_creates_a_user_and_finds_it_in_the_list(driver, server, admin, unique):
    admin.create_unit(f"测试单位{unique}")
    username = f"li{unique}"
    sign_in_admin(driver, server)
    open_section(driver, server, "users", "#users-table")
    driver.find_element(By.ID, "create-user").click()
    dialog = visible(driver, ".dialog")
    fill(dialog, "username", username)
    fill(dialog, "displayName", "李明")
    fill(dialog, "password", "Li-Ming-Pass-2024")
    dialog.find_element(By.CSS_SELECTOR, "input[value=organizer]").click()
    Select(dialog.find_element(By.NAME, "unitId")).select_by_visible_text(f"测试单位{unique}")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    text_appears(driver, "#status-region", "已创建用户")
    row = text_appears(driver, "#users-table tbody", username)
    assert "李明" in row.text and "考试组织者" in row.text and f"测试单位{unique}" in row.text

    # Searching from an empty box finds it again.
    open_section(driver, server, "users", "#users-table")
    box = driver.find_element(By.ID, "user-q")
    box.clear()
    box.send_keys(username, Keys.ENTER)
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr")) == 1)
    assert username in driver.find_element(By.CSS_SELECTOR, "#users-table tbody").text


def test_creating_a_user_with_a_taken_username_shows_the_servers_reason(driver, server):
    sign_in_admin(driver, server)
    open_section(driver, server, "users", "#users-table")
    driver.find_element(By.ID, "create-user").click()
    dialog = visible(driver, ".dialog")
    fill(dialog, "username", ADMIN_USER)
    fill(dialog, "displayName", "重复")
    fill(dialog, "password", "Another-Pass-2024")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = visible(driver, ".dialog .form-error")
    assert error.text.strip()
    assert driver.find_elements(By.CSS_SELECTOR, ".dialog")  # stays open to fix the input


def test_admin_disables_and_enables_a_user(driver, server, admin, unique):
    username = f"zhou{unique}"
    admin.create_user(username, ["official"], display="周强")
    sign_in_admin(driver, server)
    driver.get(f"{server}/admin#/users?q={username}")
    row = visible(driver, "#users-table tbody tr")
    row.find_element(By.CSS_SELECTOR, "[data-action=disable]").click()
    visible(driver, ".dialog").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#users-table tbody", "已停用")
    driver.find_element(By.CSS_SELECTOR, "#users-table [data-action=enable]").click()
    text_appears(driver, "#users-table tbody", "正常")


def test_admin_adds_a_unit_and_a_unit_under_it(driver, server, unique):
    sign_in_admin(driver, server)
    open_section(driver, server, "units", "#units-tree-box:not([aria-busy])")
    driver.find_element(By.ID, "add-unit").click()
    dialog = visible(driver, ".dialog")
    fill(dialog, "name", f"县司法局{unique}")
    fill(dialog, "code", f"SFJ{unique}")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#units-tree", f"县司法局{unique}")

    parent = driver.find_element(By.XPATH, f"//li[div/span[text()='县司法局{unique}']]")
    parent.find_element(By.CSS_SELECTOR, ".tree-add").click()
    dialog = visible(driver, ".dialog")
    assert Select(dialog.find_element(By.NAME, "parentId")).first_selected_option.text.strip() == f"县司法局{unique}"
    fill(dialog, "name", f"普法股{unique}")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#units-tree", f"普法股{unique}")
    parent = driver.find_element(By.XPATH, f"//li[div/span[text()='县司法局{unique}']]")
    assert f"普法股{unique}" in parent.find_element(By.CSS_SELECTOR, "ul").text


def test_admin_adds_a_county_town_and_village(driver, server, unique):
    sign_in_admin(driver, server)
    open_section(driver, server, "regions", "#regions-tree-box:not([aria-busy])")
    driver.find_element(By.ID, "add-region").click()
    dialog = visible(driver, ".dialog")
    fill(dialog, "name", f"青山县{unique}")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#regions-tree", f"青山县{unique}")
    for parent, child, level in ((f"青山县{unique}", f"河口镇{unique}", "乡镇（街道）"),
                                 (f"河口镇{unique}", f"柳村{unique}", "村（社区）")):
        row = driver.find_element(By.XPATH, f"//li[div/span[text()='{parent}']]")
        row.find_element(By.CSS_SELECTOR, ".tree-add").click()
        dialog = visible(driver, ".dialog")
        assert level in dialog.find_element(By.CSS_SELECTOR, ".level-note").text
        fill(dialog, "name", child)
        dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        text_appears(driver, "#regions-tree", child)
    village = driver.find_element(By.XPATH, f"//li[div/span[text()='柳村{unique}']]")
    assert "村（社区）" in village.text
    assert not village.find_elements(By.CSS_SELECTOR, ".tree-add")  # villages have no children


def test_audit_log_shows_who_created_what(driver, server, admin, unique):
    admin.create_unit(f"审计单位{unique}")
    admin.create_user(f"audit{unique}", ["resident"])
    sign_in_admin(driver, server)
    open_section(driver, server, "audit", "#audit-table")
    table = driver.find_element(By.ID, "audit-table")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert headers == ["时间", "操作人", "操作", "对象", "变更内容"]
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    texts = []
    for row in rows[:10]:
        for summary in row.find_elements(By.CSS_SELECTOR, "details summary"):
            summary.click()
        texts.append(row.text)
    unit_rows = [t for t in texts if f"审计单位{unique}" in t]
    user_rows = [t for t in texts if f"audit{unique}" in t]
    assert unit_rows and user_rows, texts
    assert ADMIN_USER in unit_rows[0]
    # Times are shown as Beijing time, "YYYY-MM-DD HH:MM:SS".
    stamp = rows[0].find_element(By.CSS_SELECTOR, "time")
    assert len(stamp.text) == 19 and stamp.text[4] == "-" and stamp.text[13] == ":"


def test_wrong_password_shows_the_error_message(driver, server, admin, unique):
    username = f"wrong{unique}"
    admin.create_user(username, ["official"])
    sign_in(driver, server, "/admin", username, "not-the-password")
    error = visible(driver, "#login-error")
    assert error.get_attribute("role") == "alert"
    assert "用户名或密码错误" in error.text
    assert driver.switch_to.active_element.get_attribute("id") == "login-password"


def test_keyboard_alone_signs_in(driver, server):
    driver.get(server + "/admin")
    visible(driver, "#login-username")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("class") == "skip-link"
    for _ in range(10):
        if driver.switch_to.active_element.get_attribute("id") == "login-username":
            break
        driver.switch_to.active_element.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("id") == "login-username"
    driver.switch_to.active_element.send_keys(ADMIN_USER, Keys.TAB)
    driver.switch_to.active_element.send_keys(ADMIN_PASSWORD, Keys.ENTER)
    visible(driver, "#account-facts")
    assert driver.find_element(By.ID, "current-user").text.strip()


def test_skip_link_jumps_to_the_content_without_leaving_the_section(driver, server):
    sign_in_admin(driver, server)
    open_section(driver, server, "users", "#users-table")
    driver.refresh()  # a fresh page load: focus starts at the top
    visible(driver, "#users-table")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.get_attribute("class") == "skip-link" and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "main"
    assert driver.current_url.endswith("#/users")


def test_escape_closes_a_dialog_and_focus_returns(driver, server):
    sign_in_admin(driver, server)
    open_section(driver, server, "users", "#users-table")
    opener = driver.find_element(By.ID, "create-user")
    opener.send_keys(Keys.ENTER)
    visible(driver, ".dialog")
    assert driver.switch_to.active_element.get_attribute("name") == "username"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".dialog"))
    assert driver.switch_to.active_element.get_attribute("id") == "create-user"


def test_console_on_a_phone_uses_a_menu_and_fits_the_screen(phone, server):
    sign_in_admin(phone, server)
    visible(phone, "#account-facts")
    toggle = phone.find_element(By.ID, "nav-toggle")
    assert not phone.find_element(By.ID, "console-nav-list").is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    visible(phone, "#nav-users").click()
    visible(phone, "#users-table")
    assert not phone.find_element(By.ID, "console-nav-list").is_displayed()
    assert no_horizontal_overflow(phone) <= 360
    phone.get(server + "/admin#/audit")
    visible(phone, "#audit-table")
    assert no_horizontal_overflow(phone) <= 360


def test_the_welcome_toast_on_a_phone_lets_a_tap_through_to_what_lies_under_it(phone, server):
    sign_in_admin(phone, server)
    toast = visible(phone, "#status-region")
    assert "欢迎" in toast.text
    # What a tap at the toast's middle reaches: the page under it, not the toast (which holds words, never a control).
    under = phone.execute_script("""
        const r = arguments[0].getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit ? (hit.id || hit.tagName) : null;""", toast)
    assert under not in (None, "status-region")


def test_signing_out_returns_to_the_sign_in_form(driver, server):
    sign_in_admin(driver, server)
    driver.find_element(By.ID, "logout-button").click()
    visible(driver, "#login-username")
    assert not driver.find_element(By.ID, "console-nav").is_displayed()
    session = driver.execute_script(
        "return fetch('/api/v1/session', {credentials: 'same-origin'}).then(r => r.json())")
    assert session.get("user") is None, json.dumps(session)


def test_admin_edits_a_user_and_resets_the_password(driver, server, admin, unique):
    username = f"sun{unique}"
    admin.create_user(username, ["official"], display="孙丽")
    sign_in_admin(driver, server)
    driver.get(f"{server}/admin#/users?q={username}")
    visible(driver, "#users-table tbody tr [data-action=edit]").click()
    dialog = visible(driver, ".dialog")
    fill(dialog, "displayName", "孙丽华")
    dialog.find_element(By.CSS_SELECTOR, "input[value=editor]").click()
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    row = text_appears(driver, "#users-table tbody", "孙丽华")
    assert "普法编辑" in row.text and "公职人员" in row.text

    driver.find_element(By.CSS_SELECTOR, "#users-table [data-action=reset]").click()
    dialog = visible(driver, ".dialog")
    dialog.find_element(By.CSS_SELECTOR, ".input-row button").click()  # generate a random password
    new_password = dialog.find_element(By.NAME, "password").get_attribute("value")
    assert len(new_password) >= 12
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#status-region", "已重置")
    Api(server).login(username, new_password)


def test_an_ended_session_asks_to_sign_in_again(driver, server):
    sign_in_admin(driver, server)
    visible(driver, "#account-facts")
    driver.delete_all_cookies()
    driver.find_element(By.ID, "nav-users").click()
    notice = visible(driver, ".login-card .notice")
    assert "重新登录" in notice.text
    assert not driver.find_element(By.ID, "console-nav").is_displayed()


def test_a_mistyped_address_says_there_is_no_such_page_and_a_forbidden_one_says_so(driver, server, admin, unique):
    sign_in_admin(driver, server)
    driver.get(server + "/admin#/quiz-rounds/7")
    missing = visible(driver, "#section-missing")
    assert "没有这个页面" in missing.text and "权限" not in missing.text
    missing.find_element(By.LINK_TEXT, "返回概览").click()
    visible(driver, "#section-overview")

    # An editor may not manage users: that section exists, and the page says it is not theirs to see.
    editor = f"editor{unique}"
    admin.create_user(editor, ["editor"], password="Editor-Pass-2024", display="普法编辑")
    driver.find_element(By.ID, "logout-button").click()
    sign_in(driver, server, "/admin", editor, "Editor-Pass-2024")
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-questions"))
    driver.get(server + "/admin#/users")
    assert "您没有查看此栏目的权限" in visible(driver, "#section-missing").text


def test_the_overview_shows_the_sign_in_before_this_one(driver, server, admin, unique):
    name = f"clerk{unique}"
    admin.create_user(name, ["editor"], password="Editor-Pass-2024", display="普法干事")
    sign_in(driver, server, "/admin", name, "Editor-Pass-2024")
    assert "这是首次登录" in visible(driver, "#account-facts").text
    driver.find_element(By.ID, "logout-button").click()
    sign_in(driver, server, "/admin", name, "Editor-Pass-2024")
    facts = text_appears(driver, "#account-facts", "上次登录")
    assert "这是首次登录" not in facts.text
    assert re.search(r"上次登录\s*\d{4}-\d\d-\d\d \d\d:\d\d", facts.text), facts.text
