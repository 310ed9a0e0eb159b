"""The 竞答 section of the staff console, as publicity staff run a prize quiz: set up a round with questions picked
from the bank, prizes and the public random source, and publish it (the commitment appears); review flagged entries;
and run the verifiable draw — freeze the eligible list after the close, enter the lottery numbers, see the codes once,
hand a prize over against its code, reveal a winner's phone (admin, logged) — then check the published files with
`pufa draw verify`. On a desktop and on a 360-px phone.

The server's clock is real and a round with prizes must be published before it opens, so the draw's round is
published through the API a few seconds before it opens, played by residents through the API, and drawn after
its close (plus the 5 s the server keeps answers open)."""
import datetime
import os
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from pufa_browser import (REPO, Api, admin_api, sign_in, sign_in_admin, text_appears, visible, wait,
                          no_horizontal_overflow)
from test_exam_admin import beijing_input, set_value, fill

EDITOR_PASSWORD = "Editor-Pass-2024"
NUMBERS = "3 9 14 22 27 31 6"
GRACE = 5


def iso(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def beijing_day(dt):
    return (dt.astimezone(datetime.timezone.utc) + datetime.timedelta(hours=8)).strftime("%Y-%m-%d")


def objective_questions(admin, n):
    """n active starter questions of types every resident answer can be sent for (true/false, single choice)."""
    ids = []
    for kind in ("judge", "single"):
        page = admin.call("GET", f"/api/v1/questions?type={kind}&status=active&pageSize={n}", expect=200)
        ids += [q["id"] for q in page["items"]]
    assert len(ids) >= n
    return ids[:n]


def make_editor(admin, unique):
    name = f"bianji{unique}"
    admin.create_user(name, ["editor"], password=EDITOR_PASSWORD, display="宣传科编辑")
    return name


def sign_in_editor(driver, server, editor):
    sign_in(driver, server, "/admin", editor, EDITOR_PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-quizzes"))
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#current-user").text.strip())


def village(admin, unique):
    county = admin.create_region(f"法治县{unique}", "county")
    town = admin.create_region(f"新桥镇{unique}", "town", parent=county["id"])
    return admin.create_region(f"南村{unique}", "village", parent=town["id"])


def round_input(title, ids, opens, closes, per_entry, prizes=None, threshold=0):
    body = {"title": title, "topic": "宪法", "intro": "答题学宪法。", "opensAt": iso(opens), "closesAt": iso(closes),
            "questionIds": ids, "questionsPerEntry": per_entry, "entriesPerDay": 5, "entriesPerRound": 10,
            "drawThresholdPercent": threshold}
    if prizes:
        body["prizes"] = prizes
        body["publicSeed"] = {"name": "中国福利彩票 双色球", "issue": "2099001", "drawDate": beijing_day(closes),
                              "howRead": "6 个红球号码和 1 个蓝球号码，按开奖顺序"}
    return body


def play(server, round_id, answers, finish=None, pause=0.0):
    """A resident's entry through the API: the first `answers` questions answered, then finished (with contact)."""
    api = Api(server)
    entry = api.call("POST", f"/api/v1/quiz/rounds/{round_id}/entries", {"deviceId": uuid.uuid4().hex}, expect=201)
    for q in entry["questions"][:answers]:
        if pause:
            time.sleep(pause)
        response = {"judge": True} if q["type"] == "judge" else {"choice": [0]}
        api.call("PUT", f"/api/v1/quiz/entries/{entry['entryId']}/answers/{q['slot']}",
                 {"token": entry["token"], "response": response}, expect=200)
    if finish is not None:
        api.call("POST", f"/api/v1/quiz/entries/{entry['entryId']}/finish", dict(finish, token=entry["token"]), expect=200)
    return entry["entryId"]


@pytest.fixture(scope="module")
def drawn_round(server):
    """A round with two prizes that opens 2 s after publishing and closes 4 s later, with three residents' entries.
    The draw test waits for its close; the phone test reuses it in whatever state that test left."""
    admin = admin_api(server)
    u = uuid.uuid4().hex[:6]
    place = village(admin, u)
    ids = objective_questions(admin, 2)
    now = datetime.datetime.now(datetime.timezone.utc)
    opens, closes = now + datetime.timedelta(seconds=2), now + datetime.timedelta(seconds=6)
    rnd = admin.call("POST", "/api/v1/quiz-rounds", round_input(
        f"宪法宣传周有奖竞答{u}", ids, opens, closes, 2, prizes=[{"name": "普法读本", "count": 1}, {"name": "帆布袋", "count": 1}]), expect=201)
    rnd = admin.call("POST", f"/api/v1/quiz-rounds/{rnd['id']}/publish", expect=200)
    time.sleep(max(0.0, (opens - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) + 0.3)
    phones = [f"1380013{n:04d}" for n in (1001, 2002, 3003)]
    entries = [play(server, rnd["id"], 2, {"nickname": f"居民{i}", "phone": p, "regionId": place["id"]}) for i, p in enumerate(phones)]
    return {"round": rnd, "closes": closes, "entries": entries, "phones": phones, "admin": admin}


def test_editor_sets_up_and_publishes_a_round(driver, server, admin, unique):
    editor = make_editor(admin, unique)
    case = admin.call("GET", "/api/v1/questions?type=case&status=active&pageSize=1", expect=200)["items"][0]
    sign_in_editor(driver, server, editor)
    driver.find_element(By.ID, "nav-quizzes").click()
    visible(driver, "#quizzes-new").click()
    visible(driver, "#qa-form")
    fill(driver, "qa-f-title", f"民法典有奖竞答{unique}")
    set_value(driver, "qa-f-opens", beijing_input(datetime.timedelta(days=1)))
    set_value(driver, "qa-f-closes", beijing_input(datetime.timedelta(days=8)))

    # Saving without questions says what is missing, in the form.
    driver.find_element(By.ID, "qa-save").click()
    assert "还没有选题" in visible(driver, "#qa-form-error").text

    # The bank search lists objective questions; a case-analysis question cannot be added, and says why.
    text_appears(driver, "#paper-search-status", "找到")
    assert "案例分析题" in driver.find_element(By.ID, "qa-pool-hint").text
    fill(driver, "paper-search-q", case["stem"][:12])
    driver.find_element(By.ID, "paper-search-button").click()
    refused = wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, f"#paper-search-results [data-question-id='{case['id']}'] [data-action=add]"))
    assert not refused.is_enabled()
    assert "不能用于竞答" in driver.find_element(By.CSS_SELECTOR, f"#paper-search-results [data-question-id='{case['id']}']").text
    fill(driver, "paper-search-q", "")
    driver.find_element(By.ID, "paper-search-type").send_keys("判断")
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#paper-search-results [data-action=add]:not([disabled])")) >= 3)
    for _ in range(3):
        driver.find_element(By.CSS_SELECTOR, "#paper-search-results [data-action=add]:not([disabled])").click()
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#qa-pool-list .paper-row")) == 3)
    assert driver.find_element(By.ID, "qa-pool-count").text == "已选 3 道题"
    chosen = [int(r.get_attribute("data-question-id")) for r in driver.find_elements(By.CSS_SELECTOR, "#qa-pool-list .paper-row")]
    fill(driver, "qa-f-per-entry", "2")

    # A prize brings the public random source, which must be named and drawn after the close.
    assert not driver.find_element(By.ID, "qa-draw-settings").is_displayed()
    driver.find_element(By.ID, "qa-prize-add").click()
    fill(driver, "qa-prize-name-0", "普法读本")
    fill(driver, "qa-prize-count-0", "20")
    assert "任何人都能核对" in visible(driver, "#qa-seed-explain").text
    driver.find_element(By.ID, "qa-save").click()
    problems = visible(driver, "#qa-form-error").text
    assert "彩票名称" in problems and "期号" in problems and "开奖日期" in problems
    fill(driver, "qa-seed-name", "中国福利彩票 双色球")
    fill(driver, "qa-seed-issue", "2099123")
    set_value(driver, "qa-seed-date", beijing_input(datetime.timedelta(days=2))[:10])
    driver.find_element(By.ID, "qa-save").click()
    assert "不能早于本期结束的日期" in visible(driver, "#qa-form-error").text
    assert driver.find_element(By.ID, "qa-seed-date").get_attribute("aria-invalid") == "true"
    set_value(driver, "qa-seed-date", beijing_input(datetime.timedelta(days=9))[:10])
    driver.find_element(By.ID, "qa-save").click()

    # Saved as a draft: the round's own page, with 发布 in its header.
    text_appears(driver, "#qa-status", "草稿")
    round_id = int(driver.execute_script("return new URLSearchParams(location.hash.split('?')[1]).get('id')"))
    ed = Api(server)
    ed.login(editor, EDITOR_PASSWORD)
    saved = ed.call("GET", f"/api/v1/quiz-rounds/{round_id}", expect=200)
    assert saved["questionIds"] == chosen and saved["questionsPerEntry"] == 2
    assert saved["prizes"] == [{"name": "普法读本", "count": 20}]
    assert saved["publicSeed"]["issue"] == "2099123" and saved["drawThresholdPercent"] == 100

    # Publish, after a confirmation that the rules and their commitment become public for good.
    driver.find_element(By.ID, "qa-publish").click()
    dialog = visible(driver, ".dialog")
    assert "承诺值" in dialog.find_element(By.ID, "publish-warning").text and "不能再修改" in dialog.text
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#qa-status", "已发布")
    commitment = visible(driver, "#qa-commitment-value").text
    assert len(commitment) == 64 and all(c in "0123456789abcdef" for c in commitment)
    assert ed.call("GET", f"/api/v1/quiz-rounds/{round_id}", expect=200)["commitment"] == commitment
    assert not driver.find_element(By.ID, "qa-f-title").is_enabled()
    assert not driver.find_elements(By.ID, "qa-save")

    # The list shows it published, not yet open.
    driver.find_element(By.CSS_SELECTOR, ".qa-admin-head .back-link").click()
    row = visible(driver, f"#quizzes-table tr[data-id='{round_id}']")
    assert "已发布" in row.text and "未开始" in row.text and "普法读本 × 20" in row.text


def test_a_flagged_entry_shows_its_reason_and_is_cleared(driver, server, admin, unique):
    editor = make_editor(admin, unique)
    place = village(admin, unique)
    ids = objective_questions(admin, 3)
    now = datetime.datetime.now(datetime.timezone.utc)
    # Without prizes a round may open at once.
    rnd = admin.call("POST", "/api/v1/quiz-rounds", round_input(f"反诈竞答{unique}", ids, now - datetime.timedelta(minutes=1),
                                                                now + datetime.timedelta(hours=1), 3), expect=201)
    admin.call("POST", f"/api/v1/quiz-rounds/{rnd['id']}/publish", expect=200)
    fast = play(server, rnd["id"], 3, {"nickname": "快手", "phone": "13900139001", "regionId": place["id"]})
    calm = play(server, rnd["id"], 2, {"nickname": "慢慢答", "phone": "13900139002", "regionId": place["id"]})

    sign_in_editor(driver, server, editor)
    driver.get(f"{server}/admin#/quizzes?view=entries&id={rnd['id']}")
    row = visible(driver, f"#qa-entries-table tr[data-entry-id='{fast}']")
    flag = row.find_element(By.CSS_SELECTOR, "[data-flag=too_fast]")
    assert "答题过快" in flag.text and "秒" in flag.find_element(By.CSS_SELECTOR, ".qa-flag-reason").text
    assert "待核查" in row.text and "139****9001" in row.text
    assert driver.find_element(By.CSS_SELECTOR, "#qa-stat-pending dd").text == "1"
    assert "南村" in row.text

    # 只看被标记的 leaves the flagged one.
    driver.find_element(By.ID, "qa-entries-flagged").click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f"#qa-entries-table tr[data-entry-id='{calm}']"))
    assert "flagged=1" in driver.current_url

    driver.find_element(By.CSS_SELECTOR, f"#qa-entries-table tr[data-entry-id='{fast}'] [data-action=clear]").click()
    row = visible(driver, f"#qa-entries-table tr[data-entry-id='{fast}'] .qa-review-cleared")
    assert row.text == "核查通过"
    row = driver.find_element(By.CSS_SELECTOR, f"#qa-entries-table tr[data-entry-id='{fast}']")
    assert not row.find_element(By.CSS_SELECTOR, "[data-action=clear]").is_enabled()
    assert "是" in row.find_element(By.CSS_SELECTOR, "td[data-label='抽奖资格']").text
    assert driver.find_element(By.CSS_SELECTOR, "#qa-stat-pending dd").text == "0"
    items = {e["entryId"]: e for e in admin.call("GET", f"/api/v1/quiz-rounds/{rnd['id']}/entries", expect=200)["items"]}
    assert items[fast]["review"] == "cleared" and items[fast]["eligible"] is True
    # The score distribution is drawn with Chart.js.
    wait(driver).until(lambda d: d.execute_script("return !!(window.Chart && Chart.getChart && Chart.getChart('qa-score-chart'))"))

    # 数据: entries per day and place, the hardest question first, and who went on to read.
    driver.find_element(By.ID, "qa-tab-stats").click()
    assert visible(driver, "#qa-stats-entries dd").text == "2"
    assert driver.find_element(By.CSS_SELECTOR, "#qa-stats-read dd").text.startswith("0")
    assert "南村" in visible(driver, "#qa-places-table").text
    rows = driver.find_elements(By.CSS_SELECTOR, "#qa-hard-table tbody tr")
    assert len(rows) == 3
    wait(driver).until(lambda d: d.execute_script("return !!Chart.getChart('qa-days-chart')"))


def test_staff_freeze_draw_hand_over_and_check_the_draw(driver, server, drawn_round):
    rnd, admin = drawn_round["round"], drawn_round["admin"]
    sign_in_admin(driver, server)
    driver.get(f"{server}/admin#/quizzes?view=draw&id={rnd['id']}")
    assert visible(driver, "#draw-commitment-value").text == rnd["commitment"]
    freeze = visible(driver, "#qa-freeze")
    left = (drawn_round["closes"] - datetime.datetime.now(datetime.timezone.utc)).total_seconds() + GRACE + 1
    if left > 1:
        # Before the close (and the grace), freezing is not possible, and the page says why.
        assert not freeze.is_enabled()
        assert "结束后才能冻结" in driver.find_element(By.ID, "qa-freeze-why").text
    # The page enables the button itself once the round has closed.
    wait(driver, timeout=left + 10).until(lambda d: d.find_element(By.ID, "qa-freeze").is_enabled())
    driver.find_element(By.ID, "qa-freeze").click()
    visible(driver, ".dialog button[type=submit]").click()
    text_appears(driver, "#qa-eligible-count", "3")
    state = admin.call("GET", f"/api/v1/quiz/rounds/{rnd['id']}/draw", expect=200)
    assert driver.find_element(By.ID, "qa-eligible-digest").text == state["eligibleDigest"]
    assert "2099001" in driver.find_element(By.ID, "qa-step-3").text

    # The lottery's numbers, checked once more in the confirmation; then the codes, shown once.
    fill(driver, "qa-public-value", NUMBERS)
    driver.find_element(By.ID, "qa-run-draw").click()
    assert visible(driver, "#qa-public-echo").text == "numbers:" + NUMBERS
    driver.find_element(By.CSS_SELECTOR, ".dialog button[type=submit]").click()
    codes = visible(driver, "#qa-codes")
    assert "离开本页后不再显示" in codes.text
    shown = {r.get_attribute("data-entry-id"): r.find_element(By.CSS_SELECTOR, ".qa-code").text
             for r in codes.find_elements(By.CSS_SELECTOR, "tbody tr")}
    assert len(shown) == 2 and set(shown) <= set(drawn_round["entries"])

    # The codes download as CSV built in the page.
    driver.execute_script(
        "window.__csv = null; var make = URL.createObjectURL;"
        "URL.createObjectURL = function (blob) { blob.text().then(function (t) { window.__csv = t; }); return make.call(URL, blob); };")
    driver.find_element(By.ID, "qa-codes-csv").click()
    csv = wait(driver).until(lambda d: d.execute_script("return window.__csv"))
    assert all(code in csv for code in shown.values()) and "兑奖码" in csv

    # The exact command to check the files offline, with the numbers entered.
    command = driver.find_element(By.ID, "qa-verify-command").text
    assert command == f'pufa draw verify --rules rules.json --eligible eligible.txt --result result.json --public "numbers:{NUMBERS}"'

    # Hand one prize over against its code; the same code again is refused as already handed over.
    winner, code = next(iter(shown.items()))
    fill(driver, "qa-redeem-code", code.lower())
    driver.find_element(By.ID, "qa-redeem-submit").click()
    text_appears(driver, "#qa-redeem-result", "核销成功")
    assert driver.find_element(By.CSS_SELECTOR, f"#qa-winners tr[data-entry-id='{winner}']").get_attribute("data-redeemed") == "true"
    fill(driver, "qa-redeem-code", code)
    driver.find_element(By.ID, "qa-redeem-submit").click()
    text_appears(driver, "#qa-redeem-result", "之前已经核销过")
    fill(driver, "qa-redeem-code", "NOSUCHCODE")
    driver.find_element(By.ID, "qa-redeem-submit").click()
    text_appears(driver, "#qa-redeem-error", "没有这个兑奖码")

    # An admin may see a winner's whole phone number; the page says it is logged, and it is.
    assert "审计日志" in driver.find_element(By.ID, "qa-reveal-hint").text
    driver.find_element(By.CSS_SELECTOR, f"#qa-winners tr[data-entry-id='{winner}'] [data-action=reveal]").click()
    visible(driver, ".dialog button[type=submit]").click()
    phone = drawn_round["phones"][drawn_round["entries"].index(winner)]
    text_appears(driver, f"#qa-winners tr[data-entry-id='{winner}'] .qa-phone-cell", phone)
    audit = admin.call("GET", "/api/v1/audit?pageSize=20", expect=200)["items"]
    assert any(a.get("action") == "personal.reveal" and winner in str(a) for a in audit)

    # Leaving the page forgets the codes.
    driver.find_element(By.ID, "qa-tab-entries").click()
    visible(driver, "#qa-entries-table")
    driver.find_element(By.ID, "qa-tab-draw").click()
    visible(driver, "#qa-winners")
    assert not driver.find_elements(By.ID, "qa-codes")

    # Stored, public, and verifiable offline by the same binary.
    state = admin.call("GET", f"/api/v1/quiz/rounds/{rnd['id']}/draw", expect=200)
    assert state["drawn"] and state["publicValue"] == "numbers:" + NUMBERS and len(state["winners"]) == 2
    assert [w["redeemed"] for w in state["winners"] if w["entryId"] == winner] == [True]
    folder = Path(tempfile.mkdtemp(prefix="pufa-draw-"))
    for name in ("rules.json", "eligible.txt", "result.json"):
        with urllib.request.urlopen(f"{server}/api/v1/quiz/rounds/{rnd['id']}/draw/{name}", timeout=10) as r:
            assert r.status == 200
            (folder / name).write_bytes(r.read())
    binary = Path(os.environ.get("PUFA_BIN", ".build/debug/pufa"))
    binary = binary if binary.is_absolute() else REPO / binary
    checked = subprocess.run([str(binary), "draw", "verify", "--rules", "rules.json", "--eligible", "eligible.txt",
                              "--result", "result.json", "--public", "numbers:" + NUMBERS],
                             cwd=folder, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_quiz_pages_fit_a_phone(phone, server, drawn_round):
    rnd = drawn_round["round"]
    sign_in_admin(phone, server)
    for view, ready in (("", "#quizzes-table"), ("?view=new", "#qa-form"), (f"?view=edit&id={rnd['id']}", "#qa-readonly"),
                        (f"?view=entries&id={rnd['id']}", "#qa-entries-table"), (f"?view=stats&id={rnd['id']}", "#qa-hard-table"),
                        (f"?view=draw&id={rnd['id']}", "#qa-steps")):
        phone.get(f"{server}/admin#/quizzes{view}")
        visible(phone, ready)
        time.sleep(0.3)
        assert no_horizontal_overflow(phone) <= 360, view
