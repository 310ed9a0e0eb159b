"""The 考试 section of the staff console, as an exam organizer uses it: create an exam with a fixed paper picked
from the question bank, edit it, choose the roster by unit, publish, and read the report (participation and
pass rates per unit, charts, candidates, CSV) — on a desktop and on a 360-px phone."""
import datetime

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from pufa_browser import Api, sign_in, text_appears, visible, wait, no_horizontal_overflow
from test_exam_flow import OFFICIAL_PASSWORD, exam_input, starter_questions

ORGANIZER_PASSWORD = "Organizer-Pass-2024"


def organization(admin, unique, organizer_roles=("organizer",)):
    """A bureau with a section holding one official, and an organizer in the bureau."""
    unit = admin.create_unit(f"司法局{unique}")
    section = admin.create_unit(f"普法科{unique}", parent=unit["id"])
    official = f"gy{unique}"
    admin.create_user(official, ["official"], password=OFFICIAL_PASSWORD, display=f"公务员{unique}", unit=section["id"])
    organizer = f"org{unique}"
    admin.create_user(organizer, list(organizer_roles), password=ORGANIZER_PASSWORD, display="考试组织者", unit=unit["id"])
    return unit, section, official, organizer


def sign_in_organizer(driver, server, organizer):
    sign_in(driver, server, "/admin", organizer, ORGANIZER_PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-exams"))
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#current-user").text.strip())


def beijing_input(delta):
    """A datetime-local value (Beijing time) delta from now."""
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8) + delta
    return t.strftime("%Y-%m-%dT%H:%M")


def set_value(driver, element_id, value):
    # datetime-local inputs take typed keys in a locale-dependent order; set the value as a picker would.
    driver.execute_script(
        "var el = document.getElementById(arguments[0]); el.value = arguments[1];"
        "el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
        element_id, value)


def fill(driver, element_id, text):
    el = driver.find_element(By.ID, element_id)
    el.clear()
    el.send_keys(text)


def paper_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#paper-fixed-list .paper-row")


def create_published_exam(server, admin, unique, unit, organizer, review="answersImmediately"):
    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    exam = org.call("POST", "/api/v1/exams", exam_input(f"报告测试{unique}", starter_questions(admin, ["judge", "single"]), review=review), expect=201)
    org.call("PUT", f"/api/v1/exams/{exam['id']}/roster", {"unitIds": [unit["id"]], "usernames": []}, expect=200)
    org.call("POST", f"/api/v1/exams/{exam['id']}/publish", expect=200)
    return exam, org


def take_exam_via_api(server, official, exam_id):
    me = Api(server)
    me.login(official, OFFICIAL_PASSWORD)
    view = me.call("POST", f"/api/v1/exams/{exam_id}/attempts", {"clientId": "api-test"}, expect=201)
    for seq, item in enumerate(view["items"], start=1):
        kind = item["type"]
        response = ({"judge": True} if kind == "judge" else {"blanks": ["十五日"] * (item.get("blanks") or 1)} if kind == "blank"
                    else {"text": "依法处理。"} if kind == "case" else {"choice": [0]})
        me.call("PUT", f"/api/v1/attempts/{view['id']}/responses/{item['slot']}",
                {"seq": seq, "clientId": "api-test", "response": response}, expect=200)
    return me.call("POST", f"/api/v1/attempts/{view['id']}/submit", {"clientId": "api-test"}, expect=200)


def test_organizer_creates_edits_rosters_and_publishes_an_exam(driver, server, admin, unique):
    # Picking questions needs the question search, which the server grants with questions.manage; this
    # organizer also edits the bank (see the test below for an organizer who does not).
    unit, section, official, organizer = organization(admin, unique)
    sign_in_organizer(driver, server, organizer)
    driver.find_element(By.ID, "nav-exams").click()
    visible(driver, "#exams-new").click()

    visible(driver, "#exam-form")
    fill(driver, "exam-f-title", f"年度学法考试{unique}")
    set_value(driver, "exam-f-opens", beijing_input(datetime.timedelta(minutes=-10)))
    set_value(driver, "exam-f-closes", beijing_input(datetime.timedelta(days=3)))
    fill(driver, "exam-f-duration", "45")

    # Saving without questions says what is missing and where.
    driver.find_element(By.ID, "exam-save").click()
    assert "试卷还没有题目" in visible(driver, "#exam-form-error").text

    # The picker lists the bank at once; a search narrows it. Pick three; the second is worth 4 points.
    everything = text_appears(driver, "#paper-search-status", "找到").text
    fill(driver, "paper-search-q", "电信网络诈骗")
    driver.find_element(By.ID, "paper-search-button").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "paper-search-status").text not in (everything, "加载中…"))
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#paper-search-results [data-action=add]")) >= 3)
    for _ in range(3):
        driver.find_element(By.CSS_SELECTOR, "#paper-search-results [data-action=add]:not([disabled])").click()
    wait(driver).until(lambda d: len(paper_rows(d)) == 3)
    assert driver.find_element(By.ID, "paper-total").text == "共 3 题，总分 6 分"
    points = paper_rows(driver)[1].find_element(By.CSS_SELECTOR, "input.paper-points")
    points.clear()
    points.send_keys("4")
    assert driver.find_element(By.ID, "paper-total").text == "共 3 题，总分 8 分"
    # The first moves down; the remove button takes one out and the bank offers it again.
    paper_rows(driver)[2].find_element(By.CSS_SELECTOR, "[data-action=remove]").click()
    wait(driver).until(lambda d: len(paper_rows(d)) == 2)
    driver.find_element(By.CSS_SELECTOR, "#paper-search-results [data-action=add]:not([disabled])").click()
    wait(driver).until(lambda d: len(paper_rows(d)) == 3)
    chosen = [int(r.get_attribute("data-question-id")) for r in paper_rows(driver)]

    driver.find_element(By.ID, "exam-save").click()
    # A new exam goes straight on to its roster.
    visible(driver, "#roster-form")
    assert "草稿" in driver.find_element(By.ID, "exam-status").text
    exam_id = int(driver.execute_script("return new URLSearchParams(location.hash.split('?')[1]).get('id')"))

    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    exam = org.call("GET", f"/api/v1/exams/{exam_id}", expect=200)
    assert exam["title"] == f"年度学法考试{unique}"
    assert exam["durationMinutes"] == 45
    assert [i["questionId"] for i in exam["paper"]["fixed"]] == chosen
    assert [i["points"] for i in exam["paper"]["fixed"]] == [2, 4, 2]
    opens = datetime.datetime.fromisoformat(exam["opensAt"].replace("Z", "+00:00"))
    assert abs((opens - datetime.datetime.now(datetime.timezone.utc)).total_seconds() + 600) < 120

    # Edit: a better title.
    driver.find_element(By.ID, "exam-tab-edit").click()
    visible(driver, "#exam-form")
    wait(driver).until(lambda d: d.find_element(By.ID, "exam-f-title").get_attribute("value"))
    fill(driver, "exam-f-title", f"2025 年度学法考试{unique}")
    driver.find_element(By.ID, "exam-save").click()
    text_appears(driver, "#exam-admin-title", f"2025 年度学法考试{unique}")

    # Roster: ticking the bureau brings its section (locked) and the official in it.
    driver.find_element(By.ID, "exam-tab-roster").click()
    visible(driver, f"#roster-unit-{unit['id']}").click()
    sub = driver.find_element(By.ID, f"roster-unit-{section['id']}")
    assert sub.is_selected() and not sub.is_enabled()
    driver.find_element(By.ID, "roster-save").click()
    text_appears(driver, "#roster-total", "共 1 人")
    assert official in driver.find_element(By.ID, "roster-table").text

    # Someone from outside the bureau joins by username; saving again keeps them listed.
    outsider = f"wai{unique}"
    other = admin.create_unit(f"外单位{unique}")
    admin.create_user(outsider, ["official"], password=OFFICIAL_PASSWORD, display="外单位考生", unit=other["id"])
    fill(driver, "roster-usernames", outsider)
    driver.find_element(By.ID, "roster-save").click()
    text_appears(driver, "#roster-total", "共 2 人")
    driver.find_element(By.ID, "exam-tab-edit").click()
    visible(driver, "#exam-form")
    driver.find_element(By.ID, "exam-tab-roster").click()
    assert visible(driver, "#roster-usernames").get_attribute("value") == outsider
    assert driver.find_element(By.ID, f"roster-unit-{unit['id']}").is_selected()
    driver.find_element(By.ID, f"roster-unit-{unit['id']}").click()  # untick the bureau
    driver.find_element(By.ID, "roster-save").click()
    assert official in visible(driver, "#roster-removed").text or "公务员" in driver.find_element(By.ID, "roster-removed").text
    text_appears(driver, "#roster-total", "共 1 人")
    driver.find_element(By.ID, f"roster-unit-{unit['id']}").click()
    driver.find_element(By.ID, "roster-save").click()
    text_appears(driver, "#roster-total", "共 2 人")

    # An unknown username is refused and named.
    fill(driver, "roster-usernames", f"{outsider}\nnobody{unique}")
    driver.find_element(By.ID, "roster-save").click()
    assert f"nobody{unique}" in visible(driver, "#roster-error").text
    fill(driver, "roster-usernames", outsider)

    # Publish, after a confirmation that names the roster size.
    driver.find_element(By.ID, "exam-publish").click()
    dialog = visible(driver, ".dialog")
    assert dialog.find_element(By.ID, "publish-roster-count").text == "2"
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#exam-status", "已发布")
    assert not driver.find_elements(By.ID, "exam-publish")
    assert org.call("GET", f"/api/v1/exams/{exam_id}", expect=200)["status"] == "published"

    # Published: the settings are read-only.
    driver.find_element(By.ID, "exam-tab-edit").click()
    visible(driver, "#exam-readonly")
    assert not driver.find_elements(By.ID, "exam-save")
    assert not driver.find_element(By.ID, "exam-f-title").is_enabled()

    # The report: one unit row per level, totals, and the charts.
    driver.find_element(By.ID, "exam-tab-report").click()
    table = visible(driver, "#report-units")
    assert f"司法局{unique}" in table.text and f"普法科{unique}" in table.text
    assert driver.find_element(By.CSS_SELECTOR, "#report-stat-roster dd").text == "2"
    visible(driver, "#report-unit-chart")
    visible(driver, "#report-score-chart")

    # The list shows the exam with its roster.
    driver.find_element(By.CSS_SELECTOR, ".exam-admin-head .back-link").click()
    row = visible(driver, f"#exams-table tr[data-id='{exam_id}']")
    assert "已发布" in row.text


def test_a_pure_organizer_can_search_the_bank_for_a_paper(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=new")
    text_appears(driver, "#paper-search-status", "找到")
    assert driver.find_elements(By.CSS_SELECTOR, "#paper-search-results [data-action=add]")


def test_report_shows_participation_pass_rates_and_exports_csv(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = create_published_exam(server, admin, unique, unit, organizer)
    receipt = take_exam_via_api(server, official, exam["id"])
    assert receipt["digest"]

    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=report&id={exam['id']}")
    visible(driver, "#report-units")
    assert driver.find_element(By.CSS_SELECTOR, "#report-stat-took dd").text == "1"
    assert driver.find_element(By.CSS_SELECTOR, "#report-stat-participation dd").text == "100.0%"
    unit_row = driver.find_element(By.CSS_SELECTOR, f"#report-units tr[data-unit-id='{unit['id']}']")
    assert "100.0%" in unit_row.text
    section_row = driver.find_element(By.CSS_SELECTOR, f"#report-units tr[data-unit-id='{section['id']}']")
    assert int(section_row.get_attribute("data-depth")) > int(unit_row.get_attribute("data-depth"))
    candidate = driver.find_element(By.CSS_SELECTOR, "#report-candidates tbody tr")
    assert official in candidate.text and "已交卷" in candidate.text
    # Chart.js drew both charts.
    wait(driver).until(lambda d: d.execute_script(
        "return !!(window.Chart && Chart.getChart && Chart.getChart('report-unit-chart') && Chart.getChart('report-score-chart'))"))

    # CSV is built in the page from the same numbers: UTF-8 with a BOM, a header and one row per unit.
    driver.execute_script(
        "window.__csv = null; var make = URL.createObjectURL;"
        "URL.createObjectURL = function (blob) { blob.arrayBuffer().then(function (b) {"
        "  var bytes = new Uint8Array(b); window.__bom = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;"
        "  window.__csv = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes); }); return make.call(URL, blob); };")
    driver.find_element(By.ID, "report-csv-units").click()
    csv = wait(driver).until(lambda d: d.execute_script("return window.__csv"))
    assert driver.execute_script("return window.__bom") is True
    assert csv.startswith("\ufeff单位,")
    assert f"司法局{unique}" in csv and "100.0%" in csv
    driver.execute_script("window.__csv = null")
    driver.find_element(By.ID, "report-csv-candidates").click()
    csv = wait(driver).until(lambda d: d.execute_script("return window.__csv"))
    assert official in csv and "已交卷" in csv

    # The Excel workbook comes from the server with the organizer's session: a real .xlsx (a zip) named after the exam.
    link = driver.find_element(By.ID, "report-xlsx")
    assert "Excel" in link.text
    got = driver.execute_async_script(
        "var done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
        "  return r.arrayBuffer().then(function (b) { var u = new Uint8Array(b);"
        "    done([r.status, r.headers.get('Content-Disposition'), u[0], u[1], u.length]); }); });", link.get_attribute("href"))
    assert got[0] == 200 and "attachment" in got[1] and got[2:4] == [0x50, 0x4B] and got[4] > 1000, got[:2]

    # Refresh reloads the figures in place.
    driver.find_element(By.ID, "report-refresh").click()
    text_appears(driver, "#status-region", "数据已刷新")


def test_exam_pages_fit_a_phone(phone, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    exam, org = create_published_exam(server, admin, unique, unit, organizer)
    take_exam_via_api(server, official, exam["id"])
    sign_in_organizer(phone, server, organizer)
    for view, ready in (("", "#exams-table"), ("?view=new", "#exam-form"), (f"?view=edit&id={exam['id']}", "#exam-readonly"),
                        (f"?view=roster&id={exam['id']}", "#roster-table"), (f"?view=report&id={exam['id']}", "#report-units")):
        phone.get(f"{server}/admin#/exams{view}")
        visible(phone, ready)
        assert no_horizontal_overflow(phone) <= 360, view
    visible(phone, "#report-unit-chart")


def test_organizer_builds_a_paper_drawn_by_rules(driver, server, admin, unique):
    unit, section, official, organizer = organization(admin, unique)
    law = admin.call("GET", "/api/v1/question-categories", expect=200)["items"][0].split("/")[0]
    sign_in_organizer(driver, server, organizer)
    driver.get(f"{server}/admin#/exams?view=new")
    visible(driver, "#exam-form")
    fill(driver, "exam-f-title", f"抽题考试{unique}")
    driver.find_element(By.ID, "paper-mode-blueprint").click()
    category = visible(driver, "#rule-0-category")
    assert category.get_attribute("list") == "paper-category-list"
    category.send_keys(law)
    category.send_keys(Keys.TAB)
    fill(driver, "rule-0-count", "3")
    fill(driver, "rule-0-points", "5")
    text_appears(driver, "#rule-0-available", "符合条件的已启用题目")
    assert "不够" not in driver.find_element(By.ID, "rule-0-available").text
    assert driver.find_element(By.ID, "paper-total").text == "共 3 题，总分 15 分"
    # A second rule that asks for more than the bank holds says so before publishing would fail.
    driver.find_element(By.ID, "paper-add-rule").click()
    second = visible(driver, "#rule-1-category")
    second.send_keys(law)
    Select(driver.find_element(By.ID, "rule-1-type")).select_by_value("case")
    fill(driver, "rule-1-count", "500")
    text_appears(driver, "#rule-1-available", "不够")
    driver.find_element(By.CSS_SELECTOR, "[data-rule='1'] .paper-rule-head button").click()
    wait(driver).until(lambda d: not d.find_elements(By.ID, "rule-1-category"))
    driver.find_element(By.ID, "exam-save").click()
    visible(driver, "#roster-form")
    exam_id = int(driver.execute_script("return new URLSearchParams(location.hash.split('?')[1]).get('id')"))
    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    paper = org.call("GET", f"/api/v1/exams/{exam_id}", expect=200)["paper"]
    rules = paper["blueprint"]
    assert len(rules) == 1 and rules[0].get("difficulty") is None
    assert {k: rules[0][k] for k in ("category", "type", "count", "points")} == {"category": law, "type": "single", "count": 3, "points": 5}
