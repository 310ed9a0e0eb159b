"""考生名单 → 从表格导入考生: an organizer checks a sheet of officials, imports it, hands out the initial
passwords shown once, and sees every bad row named when a sheet is wrong — on a desktop and a 360-px phone."""
import os
import tempfile

from selenium.webdriver.common.by import By

from pufa_browser import Api, visible, wait, text_appears, no_horizontal_overflow
from test_exam_admin import ORGANIZER_PASSWORD, organization, sign_in_organizer
from test_exam_flow import exam_input, starter_questions


def draft_exam(server, admin, unique, organizer):
    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    return org.call("POST", "/api/v1/exams", exam_input(f"名单导入{unique}", starter_questions(admin, ["judge"])), expect=201), org


def sheet(text, suffix=".csv"):
    f = tempfile.NamedTemporaryFile("wb", suffix=suffix, delete=False)
    f.write(text.encode("gb18030"))  # as Excel on Chinese Windows saves "CSV (逗号分隔)"
    f.close()
    return f.name


def open_roster(driver, server, organizer, exam):
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=roster&id={exam['id']}")
    return visible(driver, "#roster-import-card")


def test_organizer_checks_then_imports_a_sheet_and_the_new_passwords_work(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = draft_exam(server, admin, unique, organizer)
    open_roster(driver, server, organizer, exam)
    path = sheet(f"姓名,登录名,单位,人员类别,手机号码\n"
                 f"甲{unique},ja{unique},司法局{unique}/普法科{unique},领导干部,138 0013 8000\n"
                 f"乙{unique},yi{unique},司法局{unique},行政执法人员,\n")
    try:
        # Nothing chosen yet: the page says so.
        driver.find_element(By.ID, "roster-check").click()
        assert "选择" in visible(driver, "#roster-import-error").text
        assert not driver.find_element(By.ID, "roster-import").is_enabled()
        driver.find_element(By.ID, "roster-file").send_keys(path)
        driver.find_element(By.ID, "roster-check").click()
        text_appears(driver, "#roster-import-report h3", "检查通过")
        counts = {e.get_attribute("data-stat"): e.find_element(By.TAG_NAME, "dd").text
                  for e in driver.find_elements(By.CSS_SELECTOR, "#roster-import-counts .q-stat")}
        assert counts == {"rows": "2", "created": "2", "updated": "0", "added": "2"}
        assert org.call("GET", f"/api/v1/exams/{exam['id']}/roster")["total"] == 0, "checking changes nothing"

        visible(driver, "#roster-import").click()
        text_appears(driver, "#roster-import-report h3", "已导入")
        text_appears(driver, "#roster-total", "2")
        driver.save_screenshot("/tmp/roster-import-1280.png")
        rows = driver.find_elements(By.CSS_SELECTOR, "#roster-credentials-table tbody tr")
        assert len(rows) == 2
        creds = {r.find_elements(By.TAG_NAME, "td")[0].text: r.find_elements(By.TAG_NAME, "td")[2].text for r in rows}
        assert "只显示这一次" in driver.find_element(By.ID, "roster-credentials").text
        # The imported people outside the ticked units are listed by username, so saving the form keeps them.
        assert f"ja{unique}" in driver.find_element(By.ID, "roster-usernames").get_attribute("value")
        driver.find_element(By.ID, "roster-save").click()
        text_appears(driver, "#roster-total", "2")

        who = Api(server)
        who.login(f"ja{unique}", creds[f"ja{unique}"])
        me = who.call("GET", "/api/v1/me")["user"]
        assert me["rank"] == "leader" and me["phone"] == "138****8000"
    finally:
        os.unlink(path)


def test_a_sheet_with_bad_rows_is_refused_with_every_row_named(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = draft_exam(server, admin, unique, organizer)
    open_roster(driver, server, organizer, exam)
    path = sheet(f"姓名,登录名,单位,人员类别,手机号码\n"
                 f"甲,ja{unique},司法局{unique},领导干部,12345\n"
                 f"乙,yi{unique},没有这个单位{unique},处长,\n")
    try:
        driver.find_element(By.ID, "roster-file").send_keys(path)
        driver.find_element(By.ID, "roster-check").click()
        text_appears(driver, "#roster-import-problems h3", "名单和账号都未改变")
        locations = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#roster-problems-table tbody tr td:first-child")]
        assert any(l.endswith(":2") for l in locations) and any(l.endswith(":3") for l in locations), locations
        assert not driver.find_element(By.ID, "roster-import").is_enabled()
        assert org.call("GET", f"/api/v1/exams/{exam['id']}/roster")["total"] == 0
    finally:
        os.unlink(path)


def test_the_import_card_fits_a_phone(phone, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = draft_exam(server, admin, unique, organizer)
    open_roster(phone, server, organizer, exam)
    path = sheet(f"姓名,登录名,单位,人员类别\n丙{unique},bing{unique},司法局{unique},公务员\n")
    try:
        phone.find_element(By.ID, "roster-file").send_keys(path)
        phone.find_element(By.ID, "roster-check").click()
        text_appears(phone, "#roster-import-report h3", "检查通过")
        visible(phone, "#roster-import").click()  # at the bottom of the screen, under the sign-in toast
        visible(phone, "#roster-credentials-table")
        phone.save_screenshot("/tmp/roster-import-360.png")
        assert no_horizontal_overflow(phone) <= 360
    finally:
        os.unlink(path)
