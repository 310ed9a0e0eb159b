"""Taking an exam (/exam), as an official does: the exam appears in 我的考试, the timer and progress show, every
answer is saved as it is given (per-question 已保存), an answer given while offline waits on the device and is
saved when the network is back, submitting shows a receipt with the server's digest; opening the attempt in a
second browser stops the first one with a blocking message; when the time runs out the page submits by itself.

The organizer sets the exam up through the API (the console's side has its own tests in test_exam_admin.py)."""
import datetime
import re
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pufa_browser import Api, sign_in, text_appears, visible, wait, no_horizontal_overflow, make_driver

OFFICIAL_PASSWORD = "Official-Pass-2024"
ORGANIZER_PASSWORD = "Organizer-Pass-2024"
PAPER_TYPES = ["single", "multiple", "judge", "blank"]


def iso(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def starter_questions(admin, types):
    """One active starter question of each type, as [{questionId, points}]."""
    items = []
    for kind in types:
        page = admin.call("GET", f"/api/v1/questions?type={kind}&status=active&pageSize=1", expect=200)
        assert page["items"], f"the starter bank has no active {kind} question"
        items.append({"questionId": page["items"][0]["id"], "points": 2})
    return items


def exam_input(title, paper, opens=None, closes=None, duration=30, **overrides):
    now = datetime.datetime.now(datetime.timezone.utc)
    body = {
        "title": title, "year": now.year,
        "opensAt": iso(opens or now - datetime.timedelta(minutes=5)),
        "closesAt": iso(closes or now + datetime.timedelta(hours=2)),
        "durationMinutes": duration, "passPercent": 60, "attemptsAllowed": 1, "counting": "highest",
        "shuffleQuestions": True, "shuffleOptions": True, "multipleScoring": "allOrNothing",
        "review": "answersImmediately", "paper": {"fixed": paper},
    }
    body.update(overrides)
    return body


def published_exam(server, admin, unique, types=PAPER_TYPES, **overrides):
    """A unit with one official and an organizer; the organizer creates, rosters and publishes an exam.
    Returns (exam, official username)."""
    unit = admin.create_unit(f"考试测试局{unique}")
    section = admin.create_unit(f"法制科{unique}", parent=unit["id"])
    official = f"kaosheng{unique}"
    admin.create_user(official, ["official"], password=OFFICIAL_PASSWORD, display=f"考生{unique}", unit=section["id"])
    organizer = f"zuzhi{unique}"
    admin.create_user(organizer, ["organizer"], password=ORGANIZER_PASSWORD, display="考试组织者", unit=unit["id"])
    org = Api(server)
    org.login(organizer, ORGANIZER_PASSWORD)
    exam = org.call("POST", "/api/v1/exams", exam_input(f"学法考试{unique}", starter_questions(admin, types), **overrides), expect=201)
    roster = org.call("PUT", f"/api/v1/exams/{exam['id']}/roster", {"unitIds": [unit["id"]], "usernames": []}, expect=200)
    assert [r["username"] for r in roster["items"]] == [official]
    org.call("POST", f"/api/v1/exams/{exam['id']}/publish", expect=200)
    return exam, official


def start_exam(driver, server, official, exam):
    sign_in(driver, server, "/exam", official, OFFICIAL_PASSWORD)
    card = visible(driver, f".exam-card[data-exam-id='{exam['id']}']")
    assert exam["title"] in card.text
    card.find_element(By.CSS_SELECTOR, "[data-action=start]").click()
    dialog = visible(driver, ".dialog")
    assert "30 分钟" in dialog.text
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    visible(driver, "#exam-question")


def answer_current(driver, text="十五日"):
    """Answers the question on screen the way its type asks; returns the type."""
    question = driver.find_element(By.ID, "exam-question")
    kind = question.get_attribute("data-type")
    options = question.find_elements(By.CSS_SELECTOR, ".exam-option")
    if kind in ("single", "judge"):
        options[0].click()
    elif kind == "multiple":
        options[0].click()
        options[1].click()
    elif kind == "blank":
        boxes = question.find_elements(By.CSS_SELECTOR, ".exam-blank-input")
        for box in boxes:
            box.send_keys(text)
        # Leaving the box sends it at once instead of after the typing pause.
        boxes[-1].send_keys(Keys.TAB)
    else:
        area = question.find_element(By.CSS_SELECTOR, "textarea")
        area.send_keys(text)
        area.send_keys(Keys.TAB)
    return kind


def touch_answer(driver):
    """One change to the question on screen (one click or one typed word): exactly one save."""
    question = driver.find_element(By.ID, "exam-question")
    options = question.find_elements(By.CSS_SELECTOR, ".exam-option")
    if options:
        options[-1].click()
    else:
        box = question.find_element(By.CSS_SELECTOR, ".exam-blank-input, textarea")
        box.send_keys("依法")
        box.send_keys(Keys.TAB)


def saved(driver, timeout=10):
    text_appears(driver, "#exam-save-status", "已保存", timeout)


def go_next(driver):
    number = driver.find_element(By.ID, "exam-q-title").text
    driver.find_element(By.ID, "exam-next").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "exam-q-title").text != number)


def set_offline(driver, offline):
    driver.set_network_conditions(offline=offline, latency=5, download_throughput=1024 * 1024, upload_throughput=1024 * 1024)


def attempt_of(server, official, exam_id):
    me = Api(server)
    me.login(official, OFFICIAL_PASSWORD)
    mine = me.call("GET", "/api/v1/my/exams", expect=200)["items"]
    exam = next(e for e in mine if e["id"] == exam_id)
    return me, exam["attempts"]


def test_official_takes_an_exam_offline_answers_are_saved_later_and_the_receipt_has_a_digest(driver, server, admin, unique):
    exam, official = published_exam(server, admin, unique)
    start_exam(driver, server, official, exam)
    total = len(PAPER_TYPES)
    assert re.match(r"^\d{2}:\d{2}$", visible(driver, "#exam-timer-value").text)
    assert driver.find_element(By.ID, "exam-progress-text").text == f"已答 0 / {total} 题"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#exam-map .exam-map-btn")) == total

    seen = []
    for i in range(total - 1):
        seen.append(answer_current(driver))
        saved(driver)
        assert driver.find_element(By.ID, "exam-progress-text").text == f"已答 {i + 1} / {total} 题"
        go_next(driver)
    assert driver.find_element(By.ID, "exam-save-status").text == "未作答"
    assert "已全部保存" in driver.find_element(By.ID, "exam-save-summary").text

    # The network drops: the last answer stays on the device, marked 未保存, with a banner.
    set_offline(driver, True)
    seen.append(answer_current(driver))
    text_appears(driver, "#exam-save-status", "未保存")
    banner = visible(driver, "#exam-connection")
    assert "网络连接中断" in banner.text
    assert "is-unsaved" in driver.find_element(By.CSS_SELECTOR, "#exam-map .exam-map-btn.is-current").get_attribute("class")
    journal = driver.execute_script(
        "for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
        " if (k.indexOf('pufa.exam.journal.') === 0 && k.indexOf('probe') < 0) return localStorage.getItem(k); } return null;")
    assert journal and '"entries":{"' in journal, journal
    assert sorted(seen) == sorted(PAPER_TYPES)

    # Back online: the journal is replayed and the answer is saved.
    set_offline(driver, False)
    saved(driver, timeout=40)
    text_appears(driver, "#exam-save-summary", "已全部保存", 10)
    assert driver.find_element(By.ID, "exam-progress-text").text == f"已答 {total} / {total} 题"

    # Flag one for review; the submit dialog lists it.
    driver.find_element(By.ID, "exam-flag").click()
    assert driver.find_element(By.ID, "exam-flag").get_attribute("aria-pressed") == "true"
    driver.find_element(By.ID, "exam-next").click()  # 交卷 on the last question
    dialog = visible(driver, ".dialog")
    assert f"您已作答 {total} 题，共 {total} 题" in dialog.text
    assert driver.find_elements(By.CSS_SELECTOR, "#exam-submit-flagged button")
    assert not driver.find_elements(By.CSS_SELECTOR, "#exam-submit-unanswered")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    receipt = visible(driver, "#exam-receipt")
    assert "交卷回执" in receipt.text
    assert driver.find_element(By.ID, "receipt-answered").text == f"{total} / {total} 题"
    digest = driver.find_element(By.ID, "receipt-digest").text
    assert re.match(r"^[0-9a-f]{32,}$", digest), digest
    assert driver.find_element(By.ID, "receipt-print").is_displayed()

    # The server holds every answer, and the receipt it gives matches the page's.
    me, attempts = attempt_of(server, official, exam["id"])
    assert [a["state"] for a in attempts] == ["submitted"]
    view = me.call("GET", f"/api/v1/attempts/{attempts[0]['id']}", expect=200)
    assert all(item["response"] for item in view["items"])
    assert view["receipt"]["digest"] == digest
    # answersImmediately: the review is on the receipt page.
    if view.get("review") and view["review"].get("items"):
        visible(driver, "#exam-review")

    # Back in 我的考试 the exam shows the finished attempt with its receipt.
    driver.find_element(By.CSS_SELECTOR, "#exam-receipt a[href='#/']").click()
    card = visible(driver, f".exam-card[data-exam-id='{exam['id']}']")
    assert card.find_elements(By.CSS_SELECTOR, ".exam-receipt-link")
    assert not card.find_elements(By.CSS_SELECTOR, "[data-action=start]")


def test_a_reload_resumes_the_attempt_with_its_answers(driver, server, admin, unique):
    exam, official = published_exam(server, admin, unique, types=["judge", "blank"])
    start_exam(driver, server, official, exam)
    kind = answer_current(driver, text="紧急止付")
    saved(driver)
    driver.refresh()
    visible(driver, "#exam-question")
    # The same question comes back, answered and saved, and the timer keeps the server's deadline.
    assert driver.find_element(By.ID, "exam-question").get_attribute("data-type") == kind
    assert driver.find_element(By.ID, "exam-save-status").text == "已保存"
    assert driver.find_element(By.ID, "exam-progress-text").text == "已答 1 / 2 题"
    minutes = int(visible(driver, "#exam-timer-value").text.split(":")[0])
    assert 28 <= minutes <= 30


def test_a_judgement_can_be_taken_back(driver, server, admin, unique):
    exam, official = published_exam(server, admin, unique, types=["judge"])
    start_exam(driver, server, official, exam)
    question = driver.find_element(By.ID, "exam-question")
    clear = question.find_element(By.CSS_SELECTOR, ".exam-clear")
    assert not clear.is_displayed(), "nothing to take back yet"
    answer_current(driver)
    saved(driver)
    assert driver.find_element(By.ID, "exam-progress-text").text == "已答 1 / 1 题"
    visible(driver, ".exam-clear").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "exam-progress-text").text == "已答 0 / 1 题")
    saved(driver)
    # The server holds no answer either: after a reload neither 正确 nor 错误 is chosen.
    driver.refresh()
    visible(driver, "#exam-question")
    assert not [i for i in driver.find_elements(By.CSS_SELECTOR, "#exam-question input[type=radio]") if i.is_selected()]
    assert driver.find_element(By.ID, "exam-progress-text").text == "已答 0 / 1 题"


def test_opening_the_attempt_in_a_second_browser_stops_the_first(driver, server, admin, unique):
    exam, official = published_exam(server, admin, unique)
    start_exam(driver, server, official, exam)
    answer_current(driver)
    saved(driver)

    second = make_driver(360, 740, phone=True)
    try:
        sign_in(second, server, "/exam", official, OFFICIAL_PASSWORD)
        card = visible(second, f".exam-card[data-exam-id='{exam['id']}']")
        card.find_element(By.CSS_SELECTOR, "[data-action=resume]").click()
        visible(second, "#exam-question")
        assert no_horizontal_overflow(second) <= 360
        # The phone took over: the answer given on the desktop is there.
        assert second.find_element(By.ID, "exam-progress-text").text.startswith("已答 1 /")

        # The desktop tab learns it at its next save and stops.
        go_next(driver)
        touch_answer(driver)
        notice = visible(driver, "#exam-taken-over")
        assert "本场考试已在其他页面或设备上继续作答" in notice.text
        assert driver.switch_to.active_element.get_attribute("id") == "exam-continue-here"

        # The phone carries on saving.
        answer_current(second)
        saved(second)
    finally:
        second.quit()


def test_the_page_submits_by_itself_when_the_time_is_up(driver, server, admin, unique):
    now = datetime.datetime.now(datetime.timezone.utc)
    # The window closes 25 seconds from now, so the server's deadline comes before the 30 minutes.
    exam, official = published_exam(server, admin, unique, types=["judge"], closes=now + datetime.timedelta(seconds=25))
    start_exam(driver, server, official, exam)
    answer_current(driver)
    saved(driver)
    assert int(driver.find_element(By.ID, "exam-timer-value").text.split(":")[0]) == 0
    receipt = visible(driver, "#exam-receipt", timeout=45)
    assert "交卷回执" in receipt.text
    assert driver.find_element(By.ID, "receipt-answered").text == "1 / 1 题"
