"""The organizer's tools after an exam is published: 阅卷 (hand-marking case-analysis answers), 试题分析 (item analysis
as Moodle's quiz statistics computes it) and 延时 (extra time for some candidates) — on a desktop and a 360-px phone."""
from selenium.webdriver.common.by import By

from pufa_browser import Api, visible, wait, text_appears, no_horizontal_overflow
from test_exam_admin import (ORGANIZER_PASSWORD, organization, create_published_exam, take_exam_via_api, sign_in_organizer,
                             fill)
from test_exam_flow import exam_input, starter_questions


def published_exam_with_case(server, admin, unique, unit, organizer):
    """A published exam of one true/false and one case-analysis question (2 points each)."""
    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    exam = org.call("POST", "/api/v1/exams", exam_input(f"阅卷测试{unique}", starter_questions(admin, ["judge", "case"])), expect=201)
    org.call("PUT", f"/api/v1/exams/{exam['id']}/roster", {"unitIds": [unit["id"]], "usernames": []}, expect=200)
    org.call("POST", f"/api/v1/exams/{exam['id']}/publish", expect=200)
    return exam, org


def test_statistics_tab_shows_the_test_summary_and_a_row_per_question(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = create_published_exam(server, admin, unique, unit, organizer)
    take_exam_via_api(server, official, exam["id"])
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=report&id={exam['id']}")
    visible(driver, "#exam-tab-statistics").click()
    table = visible(driver, "#stats-questions")
    assert driver.find_element(By.CSS_SELECTOR, "#exam-tab-statistics").get_attribute("aria-current") == "page"
    summary = driver.find_element(By.ID, "stats-summary").text
    for label in ("参考人数", "平均分", "中位数", "标准差", "偏度", "峰度", "内部一致性系数 CIC", "误差比", "标准误"):
        assert label in summary
    assert driver.find_element(By.CSS_SELECTOR, "#stats-attempts dd").text == "1"
    # One attempt: no spread, so the spread-based figures are undefined and shown as —.
    assert driver.find_element(By.CSS_SELECTOR, "#stats-sd dd").text == "—"
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 2
    assert {int(r.get_attribute("data-question-id")) for r in rows} == {i["questionId"] for i in exam["paper"]["fixed"]}
    assert "%" in rows[0].find_element(By.CSS_SELECTOR, "td").text
    # The definitions note is there, and the page switches language in place.
    driver.find_element(By.CSS_SELECTOR, "#stats-definitions summary").click()
    assert "Moodle" in visible(driver, "#stats-definitions dl").text or "Moodle" in driver.find_element(By.ID, "stats-definitions").text


def test_overrides_tab_gives_a_candidate_ten_more_minutes(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = create_published_exam(server, admin, unique, unit, organizer)
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=overrides&id={exam['id']}")
    visible(driver, "#overrides-form")
    text_appears(driver, "#overrides-empty", "还没有考生延时")
    # Nothing to save without a username; the form says so.
    fill(driver, "overrides-usernames", "")
    driver.find_element(By.ID, "overrides-save").click()
    assert "用户名" in visible(driver, "#overrides-error").text
    # An unknown username is named.
    fill(driver, "overrides-usernames", f"nobody{unique}")
    driver.find_element(By.ID, "overrides-save").click()
    text_appears(driver, "#overrides-error", f"nobody{unique}")

    fill(driver, "overrides-usernames", official)
    fill(driver, "overrides-minutes", "10")
    driver.find_element(By.ID, "overrides-save").click()
    row = visible(driver, "#overrides-table tbody tr")
    assert official in row.text and "10 分钟" in row.text and "按原定时间" in row.text
    assert driver.find_element(By.ID, "overrides-error").get_attribute("hidden") is not None
    items = org.call("GET", f"/api/v1/exams/{exam['id']}/overrides", expect=200)["items"]
    assert [(i["username"], i["extraMinutes"]) for i in items] == [(official, 10)]

    # The list survives a reload.
    driver.refresh()
    assert official in visible(driver, "#overrides-table").text


def test_marking_tab_is_empty_for_an_exam_without_case_questions(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = create_published_exam(server, admin, unique, unit, organizer)
    take_exam_via_api(server, official, exam["id"])
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=marking&id={exam['id']}")
    text_appears(driver, "#marking-empty", "没有待阅卷的答案")


def test_a_case_answer_is_marked_to_completion(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = published_exam_with_case(server, admin, unique, unit, organizer)
    take_exam_via_api(server, official, exam["id"])
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=marking&id={exam['id']}")
    item = visible(driver, ".marking-item")
    assert len(driver.find_elements(By.CSS_SELECTOR, ".marking-item")) == 1
    assert "依法处理。" in item.find_element(By.CSS_SELECTOR, ".marking-answer").text
    assert "参考答案" in item.text
    mark = item.find_element(By.CSS_SELECTOR, "input.marking-mark")
    assert mark.get_attribute("step") == "0.5" and float(mark.get_attribute("max")) == 2
    form_error = item.find_element(By.CSS_SELECTOR, ".form-error")

    # Above the question's points: refused in the page, and nothing is sent.
    mark.send_keys("5")
    item.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: form_error.is_displayed() and "0 至 2" in form_error.text)

    mark.clear()
    mark.send_keys("1.5")
    item.find_element(By.CSS_SELECTOR, "textarea").send_keys("要点基本答到。")
    item.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # The attempt has no unmarked answer left, so it leaves the queue.
    text_appears(driver, "#marking-empty", "没有待阅卷的答案")
    text_appears(driver, "#status-region", "已保存")
    report = org.call("GET", f"/api/v1/exams/{exam['id']}/report", expect=200)
    candidate = next(c for c in report["candidates"] if c["username"] == official)
    assert candidate["score"] is not None and candidate["score"] >= 1.5


def test_exam_tool_pages_fit_a_phone(phone, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = published_exam_with_case(server, admin, unique, unit, organizer)
    take_exam_via_api(server, official, exam["id"])
    org.call("PUT", f"/api/v1/exams/{exam['id']}/overrides", {"usernames": [official], "unitIds": [], "extraMinutes": 15, "closesAt": None},
             expect=200)
    sign_in_organizer(phone, server, organizer)
    for view, ready in (("marking", ".marking-item"), ("statistics", "#stats-questions"), ("overrides", "#overrides-table")):
        phone.get(f"{server}/admin#/exams?view={view}&id={exam['id']}")
        visible(phone, ready)
        assert no_horizontal_overflow(phone) <= 360, view
