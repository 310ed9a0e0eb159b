"""The live knowledge contest (/live): a host signs in on the big screen, sets up a contest from the bank and reads
out the code; a phone joins with the code and a nickname, a second player joins through the API; the host starts,
the phone shows the question at once, both answer, the host reveals (the phone sees right or wrong with points and
rank, the big screen the ranking), the phone reloads mid-contest and comes back as the same player with its score,
and the host ends it (the phone sees its final rank). A wrong code is refused in plain words. Neither screen
scrolls sideways."""
import re
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from pufa_browser import Api, visible, text_appears, wait, no_horizontal_overflow

EDITOR_PASSWORD = "Editor-Pass-2024"


def bank(unique):
    return f"""bank: 现场竞赛{unique}
questions:
  - {{id: live-{unique}-1, type: judge, stem: 宪法是国家的根本法（{unique}）。, answer: true, explanation: 宪法具有最高的法律效力。, basis: 《中华人民共和国宪法》序言}}
  - {{id: live-{unique}-2, type: single, stem: 国家宪法日是哪一天（{unique}）？, options: [3月15日, 12月4日, 10月1日], answer: B, explanation: 2014年全国人大常委会决定设立。, basis: 全国人民代表大会常务委员会关于设立国家宪法日的决定}}
  - {{id: live-{unique}-3, type: judge, stem: 公民的合法的私有财产不受侵犯（{unique}）。, answer: true, explanation: 宪法第十三条。, basis: 《中华人民共和国宪法》第十三条}}
"""


def import_bank(admin, text):
    req = urllib.request.Request(admin.base + "/api/v1/questions/import?filename=b.yaml", data=text.encode(), method="POST")
    req.add_header("Content-Type", "application/octet-stream")
    req.add_header("Accept", "application/json")
    req.add_header("X-CSRF-Token", admin.csrf())
    with admin.opener.open(req, timeout=10) as r:
        assert r.status == 201


def shot(d, name):
    d.save_screenshot(f"/tmp/live-{name}.png")


def fits(d, width):
    assert no_horizontal_overflow(d) <= width, f"the page scrolls sideways ({no_horizontal_overflow(d)} > {width})"


def host_creates_contest(driver, server, admin, unique):
    """The editor signs in on /live#/host, ticks the three questions found by search and creates the contest."""
    editor = f"zhuchi{unique}"
    admin.create_user(editor, ["editor"], password=EDITOR_PASSWORD, display="主持人")
    import_bank(admin, bank(unique))
    driver.get(server + "/live#/host")
    visible(driver, "#login-username").send_keys(editor)
    driver.find_element(By.ID, "login-password").send_keys(EDITOR_PASSWORD)
    driver.find_element(By.ID, "login-submit").click()
    visible(driver, "#live-create-form")
    driver.find_element(By.ID, "live-title").clear()
    driver.find_element(By.ID, "live-title").send_keys(f"宪法知识竞赛{unique}")
    search = driver.find_element(By.ID, "live-pick-q")
    search.send_keys(unique)
    search.send_keys(Keys.ENTER)

    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#live-pick-results input[type=checkbox]")) == 3)
    # Ticked in the order asked: the two true/false questions around the single-choice one.
    stems = {el.text: el for el in driver.find_elements(By.CSS_SELECTOR, "#live-pick-results .live-pick-item")}
    for part in ("宪法是国家的根本法", "国家宪法日", "私有财产"):
        row = next(el for text, el in stems.items() if part in text)
        row.find_element(By.CSS_SELECTOR, "label").click()
    assert driver.find_element(By.ID, "live-ids-count").text == "已选 3 道题"
    seconds = driver.find_element(By.ID, "live-seconds")
    seconds.clear()
    seconds.send_keys("60")
    fits(driver, 1280)
    driver.find_element(By.ID, "live-create-submit").click()
    code = visible(driver, "#live-code").text
    assert re.fullmatch(r"\d{6}", code), code
    assert driver.find_element(By.ID, "live-address").text.endswith("/live")
    return code


def phone_joins(phone, server, code, nickname):
    phone.get(server + "/live")
    visible(phone, "#live-code-input").send_keys(code)
    phone.find_element(By.ID, "live-nickname").send_keys(nickname)
    phone.find_element(By.ID, "live-join-submit").click()
    text_appears(phone, "#live-lobby", "已加入，等待主持人开始")
    assert phone.find_element(By.ID, "live-me-name").text == nickname


def host_clicks(driver, button_id):
    button = driver.find_element(By.ID, button_id)
    wait(driver).until(lambda d: button.is_enabled())
    button.click()


def test_a_hall_plays_a_live_contest_from_the_big_screen_and_phones(driver, phone, server, admin, unique):
    code = host_creates_contest(driver, server, admin, unique)
    phone_joins(phone, server, code, "小王")
    fits(phone, 360)
    other = Api(server)
    player = other.call("POST", f"/api/v1/live/{code}/join", {"nickname": "老李"}, expect=201)
    text_appears(driver, "#live-stage-joined", "已有 2 人加入")
    assert "小王" in driver.find_element(By.ID, "live-joined-names").text
    fits(driver, 1280)
    shot(driver, "host-lobby")
    shot(phone, "phone-lobby")

    # 开始: the phone shows the first question within 2 s; it answers 正确 (right), the API player 错误 (wrong).
    host_clicks(driver, "live-next")
    visible(phone, "#live-question", timeout=2)
    assert "宪法是国家的根本法" in phone.find_element(By.ID, "live-stem").text
    assert re.fullmatch(r"\d+ 秒", phone.find_element(By.ID, "live-timer-value").text)
    fits(phone, 360)
    shot(phone, "phone-question")
    visible(driver, "#live-stage-question")
    assert "第 1 / 3 题" in driver.find_element(By.ID, "live-stage-progress").text
    phone.find_element(By.CSS_SELECTOR, ".live-answer[data-choice='0']").click()
    text_appears(phone, "#live-answer-status", "已提交，等待揭晓")
    assert not phone.find_element(By.CSS_SELECTOR, ".live-answer[data-choice='1']").is_enabled()
    other.call("PUT", f"/api/v1/live/{code}/answers/0", {"token": player["token"], "response": {"judge": False}}, expect=200)
    text_appears(driver, "#live-answered", "已作答 2 / 2")
    fits(driver, 1280)
    shot(driver, "host-question")

    # 揭晓 with the R key: the phone shows 回答正确 with points and rank 1; the big screen the key and the ranking.
    driver.find_element(By.TAG_NAME, "body").send_keys("r")
    text_appears(phone, "#live-verdict", "回答正确", timeout=3)
    points = int(re.sub(r"\D", "", phone.find_element(By.ID, "live-points").text))
    assert 500 <= points <= 1000
    assert phone.find_element(By.ID, "live-rank").text == "第 1 名"
    assert "宪法具有最高的法律效力" in phone.find_element(By.ID, "live-explanation").text
    assert "宪法" in phone.find_element(By.ID, "live-basis").text
    fits(phone, 360)
    shot(phone, "phone-reveal")
    ranking = visible(driver, "#live-stage-ranking").text
    assert "小王" in ranking and "老李" in ranking
    assert ranking.index("小王") < ranking.index("老李")
    key = driver.find_element(By.CSS_SELECTOR, "#live-stage-reveal .live-stage-option.is-key")
    assert "正确" in key.text and "1 人" in key.text
    fits(driver, 1280)
    shot(driver, "host-reveal")

    # The phone reloads during question 2 and is the same player: same nickname, score kept, still 2 players.
    host_clicks(driver, "live-next")
    visible(phone, "#live-question", timeout=2)
    phone.refresh()
    text_appears(phone, "#live-q-count", "第 2 / 3 题")
    assert phone.find_element(By.ID, "live-me-name").text == "小王"
    assert phone.find_element(By.ID, "live-me-score").text == f"{points:,} 分"
    assert "2 人参加" in driver.find_element(By.ID, "live-stage-players").text
    phone.find_element(By.CSS_SELECTOR, ".live-answer[data-choice='1']").click()
    text_appears(phone, "#live-answer-status", "已提交，等待揭晓")
    host_clicks(driver, "live-reveal")
    text_appears(phone, "#live-verdict", "回答正确", timeout=3)
    total = int(re.sub(r"\D", "", phone.find_element(By.ID, "live-score").text))
    assert total > points

    # 结束 with one question left asks first; then the phone shows the final rank and the big screen the podium.
    host_clicks(driver, "live-end")
    dialog = visible(driver, ".dialog")
    assert "还有 1 道题" in dialog.text
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(phone, "#live-final", "您的最终排名：第 1 名", timeout=3)
    assert f"{total:,} 分" in phone.find_element(By.ID, "live-final").text
    fits(phone, 360)
    shot(phone, "phone-ended")
    podium = visible(driver, "#live-podium").text
    assert "小王" in podium and "老李" in podium
    assert not driver.find_element(By.ID, "live-next").is_enabled()
    fits(driver, 1280)
    shot(driver, "host-ended")


def test_a_wrong_code_is_refused_in_plain_words(phone, server):
    phone.get(server + "/live")
    code = visible(phone, "#live-code-input")
    code.send_keys("12a3")
    assert code.get_attribute("value") == "123"
    phone.find_element(By.ID, "live-nickname").send_keys("小张")
    phone.find_element(By.ID, "live-join-submit").click()
    assert text_appears(phone, "#live-join-error", "请输入 6 位数字竞赛码").is_displayed()
    # The field is selected after the error, so typing starts the code afresh.
    code.send_keys("123999")
    phone.find_element(By.ID, "live-join-submit").click()
    # 123999 is not a contest on this server (codes are random; the odds of a clash are one in a million).
    text_appears(phone, "#live-join-error", "没有找到这场竞赛，请核对竞赛码")
    assert phone.find_element(By.ID, "live-code-input").get_attribute("aria-invalid") == "true"
    assert code.get_attribute("inputmode") == "numeric"
    fits(phone, 360)


def test_a_signed_out_host_is_offered_the_sign_in_and_the_console_link(driver, server):
    driver.get(server + "/live#/host")
    visible(driver, "#login-form")
    assert driver.find_element(By.ID, "live-admin-link").get_attribute("href").endswith("/admin")
    fits(driver, 1280)
