"""The residents' prize quiz (/quiz), played on a phone inside WeChat without an account: the open round with its
prizes and published draw rules, one question at a time with the verdict, the explanation and the article of law
after each answer, a reload that resumes where it was, the draw form (nickname, phone, town/village) with its
errors, the shareable result card, the leaderboard by region, and the portal's card pointing at the open round.

Staff set the round up through the API. A round with prizes must be published before it opens and the server's
clock is real here, so the module's round opens a few seconds after it is published."""
import datetime
import json
import time
import urllib.request
import uuid

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from pufa_browser import Api, admin_api, text_appears, visible, no_horizontal_overflow

# Stems the resident sees; the key per stem, as the page is asked to answer it.
BANK = """\
bank: 有奖竞答测试题库{u}
law: 中华人民共和国宪法
questions:
  - id: qz{u}-1
    type: judge
    stem: 宪法是国家的根本法，具有最高的法律效力。（{u}）
    answer: true
    explanation: 宪法规定国家的根本制度和根本任务，是国家的根本法，具有最高的法律效力。
    basis: 《中华人民共和国宪法》序言
    quote: 本宪法以法律的形式确认了中国各族人民奋斗的成果，规定了国家的根本制度和根本任务，是国家的根本法，具有最高的法律效力。
  - id: qz{u}-2
    type: single
    stem: 国家宪法日是每年的哪一天？（{u}）
    options: [3月15日, 12月4日, 10月1日]
    answer: B
    explanation: 2014年全国人大常委会决定将12月4日设立为国家宪法日。
    basis: 全国人民代表大会常务委员会关于设立国家宪法日的决定
    quote: 将12月4日设立为国家宪法日。国家通过多种形式开展宪法宣传教育活动。
  - id: qz{u}-3
    type: multiple
    stem: 下列哪些属于公民的基本权利？（{u}）
    options: [选举权和被选举权, 言论自由, 受教育的权利]
    answer: ABC
    explanation: 三项都是宪法第二章规定的公民基本权利。
    basis: 《中华人民共和国宪法》第三十四条、第三十五条、第四十六条
    quote: 中华人民共和国公民有言论、出版、集会、结社、游行、示威的自由。
  - id: qz{u}-4
    type: blank
    stem: 中华人民共和国的一切权力属于____。（{u}）
    answer: [[人民]]
    explanation: 宪法第二条规定，中华人民共和国的一切权力属于人民。
    basis: 《中华人民共和国宪法》第二条
    quote: 中华人民共和国的一切权力属于人民。
"""
RIGHT = {"judge": "right", "single": 1, "multiple": [0, 1, 2], "blank": "人民"}


def iso(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def import_bank(admin, u):
    """Imports the four-question bank (raw YAML, as the console uploads it); returns the ids in bank order."""
    req = urllib.request.Request(admin.base + "/api/v1/questions/import?filename=b.yaml",
                                 data=BANK.format(u=u).encode(), method="POST")
    req.add_header("Content-Type", "application/octet-stream")
    req.add_header("X-CSRF-Token", admin.csrf())
    with admin.opener.open(req, timeout=10) as resp:
        report = json.loads(resp.read())
    listed = admin.call("GET", f"/api/v1/questions?bankId={report['bankId']}&pageSize=20", expect=200)["items"]
    by_external = {q["externalId"]: q["id"] for q in listed}
    ids = [by_external[f"qz{u}-{n}"] for n in range(1, 5)]
    return ids


def create_round(admin, ids, title, prizes=True, opens_in=2.5, seconds=None, threshold=100):
    """Creates and publishes a round; a round with prizes opens `opens_in` seconds after publishing."""
    now = datetime.datetime.now(datetime.timezone.utc)
    opens = now + datetime.timedelta(seconds=opens_in) if prizes else now - datetime.timedelta(minutes=1)
    body = {
        "title": title, "topic": "宪法", "intro": "学习宪法知识，答题赢取普法读本。每题答完即可看到解析和法律依据。",
        "opensAt": iso(opens), "closesAt": iso(now + datetime.timedelta(hours=3)),
        "questionIds": ids, "questionsPerEntry": len(ids), "entriesPerDay": 5, "entriesPerRound": 20,
        "drawThresholdPercent": threshold, "readMoreTitle": "宪法全文", "readMoreURL": "/",
    }
    if seconds:
        body["secondsPerQuestion"] = seconds
    if prizes:
        body["prizes"] = [{"name": "普法读本", "count": 10}, {"name": "定制帆布袋", "count": 20}]
        body["publicSeed"] = {"name": "中国福利彩票 双色球", "issue": "2099001",
                              "drawDate": (now + datetime.timedelta(days=2)).strftime("%Y-%m-%d"),
                              "howRead": "6 个红球号码和 1 个蓝球号码，按开奖顺序排列"}
    draft = admin.call("POST", "/api/v1/quiz-rounds", body, expect=201)
    rnd = admin.call("POST", f"/api/v1/quiz-rounds/{draft['id']}/publish", expect=200)
    rnd["opens"] = opens
    return rnd


def wait_open(rnd):
    left = (rnd["opens"] - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    if left > 0:
        time.sleep(left + 0.3)


def make_regions(admin, u):
    county = admin.create_region(f"平安县{u}", "county")
    town = admin.create_region(f"城关镇{u}", "town", parent=county["id"])
    village = admin.create_region(f"东村{u}", "village", parent=town["id"])
    admin.create_region(f"西村{u}", "village", parent=town["id"])
    other = admin.create_region(f"河口乡{u}", "town", parent=county["id"])
    return {"county": county, "town": town, "village": village, "other": other}


@pytest.fixture(scope="module")
def quiz(server):
    """One open round with prizes (4 questions: judge, single, multiple, blank) and a county > town > village tree."""
    admin = admin_api(server)
    u = uuid.uuid4().hex[:4]
    ids = import_bank(admin, u)
    regions = make_regions(admin, u)
    rnd = create_round(admin, ids, f"宪法宣传周有奖竞答{u}")
    wait_open(rnd)
    return {"admin": admin, "round": rnd, "ids": ids, "regions": regions, "u": u}


def api_entry(server, rnd, finish=None, pause=0):
    """Plays a whole entry through the API (another resident); finish = dict of nickname/phone/regionId."""
    api = Api(server)
    entry = api.call("POST", f"/api/v1/quiz/rounds/{rnd['id']}/entries", {"deviceId": uuid.uuid4().hex}, expect=201)
    for q in entry["questions"]:
        key = RIGHT[q["type"]]
        response = ({"judge": True} if q["type"] == "judge" else {"blanks": [key]} if q["type"] == "blank"
                    else {"choice": key if isinstance(key, list) else [key]})
        if pause:
            time.sleep(pause)
        api.call("PUT", f"/api/v1/quiz/entries/{entry['entryId']}/answers/{q['slot']}",
                 {"token": entry["token"], "response": response}, expect=200)
    if finish is not None:
        body = dict(finish, token=entry["token"])
        return api.call("POST", f"/api/v1/quiz/entries/{entry['entryId']}/finish", body)
    return entry


def random_phone():
    return "139" + str(uuid.uuid4().int)[:8]


def answer(driver, right=True):
    """Answers the question on screen (rightly, or with a wrong choice) and submits it; returns its type."""
    q = visible(driver, "#quiz-question")
    kind = q.get_attribute("data-type")
    if kind == "blank":
        q.find_element(By.CSS_SELECTOR, ".quiz-blank-input").send_keys("人民" if right else "政府")
    else:
        options = q.find_elements(By.CSS_SELECTOR, ".quiz-option")
        picks = {"judge": [0], "single": [1], "multiple": [0, 1, 2]}[kind] if right else [0 if kind == "single" else 1]
        for i in picks:
            options[i].click()
    driver.find_element(By.ID, "quiz-submit").click()
    return kind


def question_number(driver):
    # The title is replaced when the page moves on: a read that races the replacement is read again.
    return WebDriverWait(driver, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: visible(d, "#quiz-q-title").text)


def staff_entry(quiz, entry_id):
    rows = quiz["admin"].call("GET", f"/api/v1/quiz-rounds/{quiz['round']['id']}/entries", expect=200)["items"]
    return next(r for r in rows if r["entryId"] == entry_id)


def entry_id_of(driver):
    return driver.current_url.rsplit("/", 1)[-1]


def fits(driver):
    assert no_horizontal_overflow(driver) <= 360


def test_a_resident_plays_on_a_phone_learns_after_each_answer_and_enters_the_draw(phone, server, quiz):
    rnd, village = quiz["round"], quiz["regions"]["village"]
    phone.get(server + "/quiz")
    card = visible(phone, f"#quiz-round-{rnd['id']}")
    assert rnd["title"] in card.text and "普法读本" in card.text and "每次 4 道题" in card.text
    assert "中国福利彩票 双色球第 2099001 期" in card.text
    assert rnd["commitment"][:8] in phone.find_element(By.ID, f"round-{rnd['id']}-commitment").text
    fits(phone)
    phone.find_element(By.ID, f"quiz-start-{rnd['id']}").click()

    seen = set()
    for n in range(1, 5):
        assert visible(phone, "#quiz-progress-text").text == f"第 {n} / 4 题"
        # Slower than a bot: entries answered faster than anyone can read are held back from the draw.
        time.sleep(1.05)
        seen.add(answer(phone))
        verdict = visible(phone, "#quiz-feedback")
        assert "回答正确" in verdict.text and "正确答案" in verdict.text
        assert "解析" in phone.find_element(By.ID, "quiz-explanation").text
        assert "法律依据" in phone.find_element(By.ID, "quiz-basis").text
        if n == 1:
            phone.find_element(By.CSS_SELECTOR, "#quiz-quote summary").click()
            assert "根本法" in visible(phone, "#quiz-quote blockquote").text
            fits(phone)
        assert phone.find_element(By.ID, "quiz-readmore").text.endswith("宪法全文")
        phone.find_element(By.ID, "quiz-next" if n < 4 else "quiz-to-finish").click()
    assert seen == {"judge", "single", "multiple", "blank"}

    assert "答对 4 / 4 题" in visible(phone, "#quiz-finish").text
    form = visible(phone, "#quiz-draw-form")
    assert "手机号仅用于抽奖联系，公布时会隐藏中间四位" in form.text
    fits(phone)
    number = random_phone()
    phone.find_element(By.ID, "quiz-nickname").send_keys("老王")
    phone.find_element(By.ID, "quiz-phone").send_keys(number)
    Select(phone.find_element(By.ID, "quiz-town")).select_by_visible_text(quiz["regions"]["town"]["name"])
    Select(phone.find_element(By.ID, "quiz-village")).select_by_visible_text(village["name"])
    phone.find_element(By.ID, "quiz-draw-submit").click()

    result = visible(phone, "#quiz-result-card")
    assert "老王" in result.text and "答对 4 / 4 题" in result.text and "100" in result.text
    assert "已进入本期抽奖名单" in phone.find_element(By.ID, "quiz-draw-note").text
    assert number not in phone.find_element(By.TAG_NAME, "body").text
    fits(phone)
    stored = staff_entry(quiz, entry_id_of(phone))
    assert stored["phone"] == "139****" + number[-4:]
    assert stored["eligible"] is True and stored["regionId"] == village["id"] and stored["nickname"] == "老王"


def test_a_reload_resumes_at_the_next_question_and_a_lost_answer_is_sent_again(phone, server, quiz):
    rnd = quiz["round"]
    phone.get(server + f"/quiz#/play/{rnd['id']}")
    visible(phone, f"#quiz-start-{rnd['id']}").click()
    for _ in range(2):
        answer(phone)
        visible(phone, "#quiz-feedback")
        phone.find_element(By.ID, "quiz-next").click()
    assert question_number(phone) == "第 3 题"
    phone.refresh()
    assert question_number(phone) == "第 3 题", "a reload resumes at the next unanswered question"
    assert len(phone.find_elements(By.CSS_SELECTOR, ".quiz-dots .is-right")) == 2

    # The connection drops as the third answer is sent: it waits on the phone, and goes after a reload.
    phone.execute_cdp_cmd("Network.enable", {})
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/answers/*"]})
    answer(phone)
    error = visible(phone, "#quiz-answer-error")
    assert "答案已保存在这台手机上" in error.text
    assert visible(phone, "#quiz-resend")
    assert '"pending":{"' in phone.execute_script("return localStorage.getItem('pufa.quiz.entries')")
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    phone.refresh()
    assert "回答正确" in visible(phone, "#quiz-feedback").text
    assert question_number(phone) == "第 3 题"
    phone.find_element(By.ID, "quiz-next").click()
    assert question_number(phone) == "第 4 题"
    phone.refresh()
    assert question_number(phone) == "第 4 题"
    assert len(phone.find_elements(By.CSS_SELECTOR, ".quiz-dots .is-right")) == 3

    # Once more without a reload: 重新提交 sends the waiting answer when the connection is back.
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/answers/*"]})
    answer(phone)
    visible(phone, "#quiz-resend").click()
    text_appears(phone, "#quiz-answer-error", "网络不通")
    phone.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    phone.find_element(By.ID, "quiz-resend").click()
    assert "回答正确" in visible(phone, "#quiz-feedback").text
    fits(phone)
    assert staff_entry(quiz, phone.execute_script("return document.getElementById('quiz-play').dataset.entry"))["percent"] == 100


def play_to_the_draw_form(driver, server, rnd):
    driver.get(server + f"/quiz#/play/{rnd['id']}")
    visible(driver, f"#quiz-start-{rnd['id']}").click()
    for n in range(4):
        answer(driver)
        visible(driver, "#quiz-feedback")
        driver.find_element(By.ID, "quiz-next" if n < 3 else "quiz-to-finish").click()
    return visible(driver, "#quiz-draw-form")


def test_a_bad_phone_is_caught_beside_the_field_and_a_phone_enters_a_round_once(phone, server, quiz):
    rnd, village = quiz["round"], quiz["regions"]["village"]
    taken = random_phone()
    api_entry(server, rnd, finish={"nickname": "先来的", "phone": taken, "regionId": village["id"]})

    play_to_the_draw_form(phone, server, rnd)
    entry = entry_id_of(phone)
    phone.find_element(By.ID, "quiz-nickname").send_keys("小李")
    phone.find_element(By.ID, "quiz-phone").send_keys("1380013")
    Select(phone.find_element(By.ID, "quiz-town")).select_by_visible_text(quiz["regions"]["town"]["name"])
    phone.find_element(By.ID, "quiz-draw-submit").click()
    assert "11 位" in visible(phone, "#quiz-phone-error").text
    assert phone.find_element(By.ID, "quiz-phone").get_attribute("aria-invalid") == "true"
    assert phone.switch_to.active_element.get_attribute("id") == "quiz-phone"
    stored = staff_entry(quiz, entry)
    assert not stored.get("finishedAt") and not stored.get("phone"), "nothing was sent"
    fits(phone)

    box = phone.find_element(By.ID, "quiz-phone")
    box.clear()
    box.send_keys(taken)
    phone.find_element(By.ID, "quiz-draw-submit").click()
    assert "已经参加过本期抽奖" in text_appears(phone, "#quiz-draw-error", "已经参加过本期抽奖").text
    assert "本期已经登记过" in phone.find_element(By.ID, "quiz-phone-error").text
    assert staff_entry(quiz, entry).get("finishedAt") is None

    phone.find_element(By.ID, "quiz-draw-skip").click()
    card = visible(phone, "#quiz-result-card")
    assert "一位答题者" in card.text
    assert "不参加抽奖" in phone.find_element(By.ID, "quiz-draw-note").text
    assert staff_entry(quiz, entry)["finishedAt"]


def test_the_leaderboard_ranks_the_village(phone, server, quiz):
    rnd, village = quiz["round"], quiz["regions"]["village"]
    # At a reader's pace: an entry answered faster than anyone reads waits for staff review before it is ranked.
    api_entry(server, rnd, finish={"nickname": "村口老张", "phone": random_phone(), "regionId": village["id"]}, pause=1.05)
    phone.get(server + "/quiz")
    visible(phone, "#quiz-leaderboard-link").click()
    visible(phone, "#quiz-board")
    Select(phone.find_element(By.ID, "quiz-board-round")).select_by_visible_text(rnd["title"])
    villages = text_appears(phone, "#quiz-board-villages", village["name"])
    assert "人次" in villages.text and "平均答对" in villages.text
    assert quiz["regions"]["town"]["name"] in phone.find_element(By.ID, "quiz-board-towns").text
    assert "村口老张" in phone.find_element(By.ID, "quiz-board-top").text
    assert phone.current_url.endswith(f"#/leaderboard/{rnd['id']}")
    fits(phone)


def test_the_portal_card_leads_to_the_open_round(driver, server, quiz):
    rnd = quiz["round"]
    driver.get(server + "/")
    go = visible(driver, f"#quiz-go-{rnd['id']}")
    assert rnd["title"] in driver.find_element(By.ID, "quiz").text
    assert go.get_attribute("href").endswith(f"/quiz#/play/{rnd['id']}")
    go.click()
    visible(driver, "#quiz-play-start")
    visible(driver, f"#quiz-start-{rnd['id']}").click()
    assert question_number(driver) == "第 1 题"


def test_a_timed_round_without_prizes_shows_the_countdown_a_wrong_answer_and_the_card_in_english(phone, server, quiz):
    rnd = create_round(quiz["admin"], quiz["ids"][:2], f"不设奖练习{quiz['u']}", prizes=False, seconds=30)
    phone.get(server + f"/quiz#/play/{rnd['id']}")
    assert "不设奖" in visible(phone, "#quiz-play-start").text
    phone.find_element(By.ID, f"quiz-start-{rnd['id']}").click()
    timer = visible(phone, "#quiz-timer")
    assert "本题剩余" in timer.text and "秒" in timer.text
    answer(phone, right=False)
    verdict = visible(phone, "#quiz-feedback")
    assert "回答错误" in verdict.text and "正确答案" in verdict.text
    # The first question is the true/false one: the wrong choice is crossed, the key ticked.
    assert "错误" in phone.find_element(By.CSS_SELECTOR, ".quiz-option.is-wrong").text
    assert "正确" in phone.find_element(By.CSS_SELECTOR, ".quiz-option.is-key").text
    assert "下一题从现在开始计时" in phone.find_element(By.ID, "quiz-feedback-box").text
    phone.find_element(By.ID, "quiz-next").click()
    answer(phone)
    visible(phone, "#quiz-feedback")
    phone.find_element(By.ID, "quiz-to-finish").click()
    assert "答对 1 / 2 题" in visible(phone, "#quiz-finish").text
    assert not phone.find_elements(By.ID, "quiz-draw-form"), "no prizes, no draw form"
    fits(phone)
    phone.find_element(By.ID, "quiz-see-result").click()
    visible(phone, "#quiz-result-card")
    phone.find_element(By.ID, "lang-switch").click()
    text_appears(phone, "#quiz-card-correct", "1 of 2 right")
    fits(phone)
