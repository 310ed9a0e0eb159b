"""重新评分: a key was wrong, an editor corrects it in the question bank (a new version), and the organizer regrades
the submitted attempts from the console — preview, then apply after a confirmation — on a desktop and a 360-px phone.

The exam uses two true/false questions made for the test, so changing a key does not disturb the starter bank
other tests draw from. The candidate answers 对 to both (take_exam_via_api): 4 / 4, passed. After the first key
becomes 错 the regrade gives 2 / 4, failed (the pass mark is 60 %)."""
import base64
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pufa_browser import Api, visible, wait, text_appears, no_horizontal_overflow
from test_exam_admin import ORGANIZER_PASSWORD, organization, take_exam_via_api, sign_in_organizer
from test_exam_flow import exam_input


def judge_question(admin, unique, label):
    bank = admin.call("GET", "/api/v1/question-banks", expect=200)["items"][0]["id"]
    return admin.call("POST", "/api/v1/questions", {
        "bankId": bank, "status": "active", "type": "judge", "answer": True,
        "stem": f"重新评分测试题{label}{unique}：行政机关作出罚款决定前应当告知当事人陈述、申辩的权利。",
        "explanation": "行政处罚法规定的告知义务。", "basis": "《中华人民共和国行政处罚法》第四十四条"}, expect=201)


def submitted_exam(server, admin, unique):
    """A published exam of two fresh true/false questions (2 points each) that one official has submitted (4 / 4)."""
    unit, section, official, organizer = organization(admin, unique)
    first, second = judge_question(admin, unique, "甲"), judge_question(admin, unique, "乙")
    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    paper = [{"questionId": first["id"], "points": 2}, {"questionId": second["id"], "points": 2}]
    exam = org.call("POST", "/api/v1/exams", exam_input(f"重新评分考试{unique}", paper), expect=201)
    org.call("PUT", f"/api/v1/exams/{exam['id']}/roster", {"unitIds": [unit["id"]], "usernames": []}, expect=200)
    org.call("POST", f"/api/v1/exams/{exam['id']}/publish", expect=200)
    receipt = take_exam_via_api(server, official, exam["id"])
    assert (receipt["score"], receipt["passed"]) == (4, True)
    return exam, first, official, organizer, org


def correct_key(admin, question):
    """The editor's fix: the statement is false after all. Saving makes version 2."""
    q = admin.call("GET", f"/api/v1/questions/{question['id']}", expect=200)
    saved = admin.call("PUT", f"/api/v1/questions/{question['id']}", {
        "type": q["type"], "stem": q["stem"], "answer": False, "explanation": q["explanation"], "basis": q["basis"],
        "status": q["status"], "expectedVersion": q["version"], "note": "更正答案"}, expect=200)
    assert saved["version"] == q["version"] + 1
    return saved


def candidate_result(org, exam, official):
    report = org.call("GET", f"/api/v1/exams/{exam['id']}/report", expect=200)
    c = next(c for c in report["candidates"] if c["username"] == official)
    return c["score"], c["passed"]


def press(driver, css):
    """Clicks a button once it shows (the sign-in toast may be over it: taps go through)."""
    visible(driver, css).click()


def shoot(driver, name):
    """A full-page PNG into /tmp/regrade-<name>-<width>.png, for a person to look at."""
    time.sleep(0.3)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = driver.execute_script("return window.innerWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": size["height"], "scale": 1}})
    with open(f"/tmp/regrade-{name}-{width}.png", "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def test_organizer_previews_and_applies_a_regrade_after_a_key_correction(driver, server, admin, unique):
    exam, first, official, organizer, org = submitted_exam(server, admin, unique)
    correct_key(admin, first)
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=report&id={exam['id']}")
    visible(driver, "#exam-tab-regrade").click()
    visible(driver, "#regrade-form")
    assert driver.find_element(By.ID, "exam-tab-regrade").get_attribute("aria-current") == "page"
    assert "新版本" in driver.find_element(By.ID, "regrade-intro").text

    # The select lists the paper's questions with their current version; the corrected one is offered first.
    select = Select(driver.find_element(By.ID, "regrade-question"))
    assert len(select.options) == 2
    wait(driver).until(lambda d: "第 2 版，" in select.first_selected_option.text)
    assert select.first_selected_option.get_attribute("value") == str(first["id"])
    assert "重新评分测试题甲" in select.first_selected_option.text
    shoot(driver, "form")

    # 预览 changes nothing and shows the one result that would change.
    driver.find_element(By.ID, "regrade-preview").click()
    report = visible(driver, "#regrade-report")
    assert report.get_attribute("data-applied") == "false"
    assert "尚未保存" in driver.find_element(By.ID, "regrade-report-title").text
    assert driver.find_element(By.ID, "regrade-fact-checked").text == "1 份"
    assert driver.find_element(By.ID, "regrade-fact-version").text == "题库中的第 2 版"
    rows = driver.find_elements(By.CSS_SELECTOR, "#regrade-changes tbody tr")
    assert len(rows) == 1
    assert official in rows[0].text and "4 → 2" in rows[0].text and "合格 → 不合格" in rows[0].text
    assert candidate_result(org, exam, official) == (4, True)
    shoot(driver, "preview")

    # 应用 asks first, naming how many results change; cancelling keeps everything as it was.
    driver.find_element(By.ID, "regrade-apply").click()
    dialog = visible(driver, ".dialog")
    assert "1 个成绩会改变" in dialog.text and "1 人的合格结果会变化" in dialog.text
    shoot(driver, "confirm")
    dialog.find_element(By.CSS_SELECTOR, ".dialog-actions .btn:not(.btn-primary)").click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".dialog"))
    assert candidate_result(org, exam, official) == (4, True)

    driver.find_element(By.ID, "regrade-apply").click()
    visible(driver, ".dialog button[type=submit]").click()
    text_appears(driver, "#status-region", "重新评分已应用")
    text_appears(driver, "#regrade-report-title", "已应用")
    assert driver.find_element(By.ID, "regrade-report").get_attribute("data-applied") == "true"
    assert "4 → 2" in driver.find_element(By.ID, "regrade-changes").text
    assert not driver.find_elements(By.ID, "regrade-apply")
    assert candidate_result(org, exam, official) == (2, False)
    shoot(driver, "applied")

    # Done once: a second preview finds the attempts already graded against version 2.
    driver.find_element(By.ID, "regrade-preview").click()
    text_appears(driver, "#regrade-no-change", "没有成绩会改变")
    audit = admin.call("GET", "/api/v1/audit?pageSize=20", expect=200)["items"]
    assert any(e["action"] == "exam.regrade" and e["objectId"] == str(exam["id"]) for e in audit)

    # The page switches to English in place.
    driver.find_element(By.ID, "lang-switch").click()
    text_appears(driver, "#regrade-form-title", "Regrade with a corrected key")
    assert "Preview" in driver.find_element(By.ID, "regrade-report-title").text
    assert "version 2" in Select(driver.find_element(By.ID, "regrade-question")).first_selected_option.text
    shoot(driver, "en")


def test_regrade_errors_are_shown_next_to_the_form(driver, server, admin, unique):
    exam, first, official, organizer, org = submitted_exam(server, admin, unique)
    other = judge_question(admin, unique, "丙")
    sign_in_organizer(driver, server, organizer)
    # A paper drawn by rules takes a question number; the same page as a fixed paper's select otherwise.
    law = admin.call("GET", "/api/v1/question-categories", expect=200)["items"][0].split("/")[0]
    body = exam_input(f"抽题重评{unique}", [])
    body["paper"] = {"blueprint": [{"category": law, "type": "judge", "count": 1, "points": 2}]}
    blueprint = org.call("POST", "/api/v1/exams", body, expect=201)
    driver.get(f"{server}/admin#/exams?view=regrade&id={blueprint['id']}")
    number = visible(driver, "input#regrade-question")
    assert "草稿" in driver.find_element(By.ID, "regrade-wait").text
    assert "id=" in driver.find_element(By.ID, "regrade-question-hint").text
    driver.find_element(By.ID, "regrade-preview").click()
    error = visible(driver, "#regrade-error")
    assert error.get_attribute("role") == "alert" and "正整数" in error.text
    assert number.get_attribute("aria-invalid") == "true"
    assert driver.switch_to.active_element == number

    number.send_keys("99999999")
    driver.find_element(By.ID, "regrade-preview").click()
    text_appears(driver, "#regrade-error", "题库中没有第 99999999 号题目")
    # A draft has no results yet.
    number.clear()
    number.send_keys(str(other["id"]))
    driver.find_element(By.ID, "regrade-preview").click()
    text_appears(driver, "#regrade-error", "还没有发布")
    assert not driver.find_elements(By.ID, "regrade-report")
    shoot(driver, "error")

    # A question that is not on this exam's fixed paper: the server refuses it and says why.
    driver.get(f"{server}/admin#/exams?view=regrade&id={exam['id']}")
    visible(driver, "select#regrade-question")
    assert not driver.find_elements(By.ID, "regrade-wait")
    driver.execute_script("var s = document.getElementById('regrade-question');"
                          "s.add(new Option('x', arguments[0])); s.value = arguments[0];", str(other["id"]))
    driver.find_element(By.ID, "regrade-preview").click()
    text_appears(driver, "#regrade-error", f"题目 {other['id']} 不在本场考试的试卷中")


def test_regrade_page_fits_a_phone(phone, server, admin, unique):
    exam, first, official, organizer, org = submitted_exam(server, admin, unique)
    correct_key(admin, first)
    sign_in_organizer(phone, server, organizer)
    phone.get(f"{server}/admin#/exams?view=regrade&id={exam['id']}")
    visible(phone, "#regrade-form")
    wait(phone).until(lambda d: "第 2 版" in Select(d.find_element(By.ID, "regrade-question")).first_selected_option.text)
    assert no_horizontal_overflow(phone) <= 360
    shoot(phone, "form")
    press(phone, "#regrade-preview")
    visible(phone, "#regrade-changes")
    assert no_horizontal_overflow(phone) <= 360
    shoot(phone, "preview")
    press(phone, "#regrade-apply")
    visible(phone, ".dialog")
    assert no_horizontal_overflow(phone) <= 360
    shoot(phone, "confirm")
    press(phone, ".dialog button[type=submit]")
    text_appears(phone, "#regrade-report-title", "已应用")
    assert no_horizontal_overflow(phone) <= 360
    shoot(phone, "applied")
    assert candidate_result(org, exam, official) == (2, False)
