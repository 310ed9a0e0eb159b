"""The question bank (题库) in the staff console, as a publicity-staff editor uses it: finding questions,
writing and editing them with a live preview, importing and exporting banks. The server starts with the
starter bank from Questions/ (465 questions)."""
import json
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from pufa_browser import sign_in, text_appears, visible, wait, no_horizontal_overflow

EDITOR_PASSWORD = "Editor-Pass-2024"


def sign_in_editor(driver, server, admin, unique):
    """Creates an editor (普法编辑) and signs in as them; the console shows 题库 in their menu."""
    username = f"editor{unique}"
    admin.create_user(username, ["editor"], password=EDITOR_PASSWORD, display="普法编辑小陈")
    sign_in(driver, server, "/admin", username, EDITOR_PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-questions"))
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#current-user").text.strip())
    return username


def first_bank(admin):
    return admin.call("GET", "/api/v1/question-banks", expect=200)["items"][0]


def api_total(admin, **params):
    return admin.call("GET", "/api/v1/questions?" + urllib.parse.urlencode(params), expect=200)["total"]


def rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#questions-table tbody tr")


def create_question(admin, unique, stem=None):
    bank = first_bank(admin)
    return admin.call("POST", "/api/v1/questions", {
        "bankId": bank["id"], "status": "active", "type": "single",
        "stem": stem or f"编辑测试{unique}：行政处罚的种类不包括下列哪一项？",
        "options": ["警告、通报批评", "罚款", "记过"], "answer": "C",
        "explanation": "记过是处分的种类，不是行政处罚。", "basis": "《中华人民共和国行政处罚法》第九条",
        "difficulty": 2, "audiences": ["civil_servant"],
    }, expect=201)


def native_yaml(unique, broken=False):
    explanation = "" if broken else "\n    explanation: 记过是处分，不是行政处罚。"
    answer = "E" if broken else "C"
    return f"""bank: 浏览器测试题库{unique}
law: 中华人民共和国行政处罚法
description: 浏览器测试用的小题库
questions:
  - id: bt{unique}-001
    type: single
    category: 行政处罚法/浏览器测试
    stem: 浏览器测试{unique}：下列哪一项不是行政处罚？
    options:
      - 警告
      - 罚款
      - 记过
    answer: {answer}{explanation}
    basis: 《中华人民共和国行政处罚法》第九条
    topics: [行政处罚种类]
    difficulty: 2
    audiences: [civil_servant]

  - id: bt{unique}-002
    type: judge
    category: 行政处罚法/浏览器测试
    stem: 浏览器测试{unique}：没收违法所得属于行政处罚。
    answer: true
    explanation: 行政处罚法第九条把没收违法所得列为行政处罚的一种。
    basis: 《中华人民共和国行政处罚法》第九条
    topics: [行政处罚种类]
    difficulty: 1
    audiences: [resident]
"""


def test_an_editor_finds_questions_by_a_two_character_word_and_by_filters(driver, server, admin, unique):
    sign_in_editor(driver, server, admin, unique)
    driver.find_element(By.ID, "nav-questions").click()
    visible(driver, "#questions-table")
    text_appears(driver, "#questions-count", f"共 {api_total(admin)} 道题")

    # A single character is too short; the box says so and nothing is searched.
    box = visible(driver, "#qf-q")
    box.send_keys("婚", Keys.ENTER)
    assert visible(driver, "#qf-q-error").text.strip()
    assert box.get_attribute("aria-invalid") == "true"
    assert "q=" not in driver.current_url

    box.clear()
    box.send_keys("离婚", Keys.ENTER)
    expected = api_total(admin, q="离婚")
    assert expected > 0
    text_appears(driver, "#questions-count", f"找到 {expected} 道题")
    assert "q=离婚" in urllib.parse.unquote(driver.current_url)
    assert 0 < len(rows(driver)) <= 20

    # Narrow to true/false questions of one bank: every row is a 判断题 and the count is the server's.
    bank = first_bank(admin)
    Select(driver.find_element(By.ID, "qf-bankId")).select_by_value(str(bank["id"]))
    Select(driver.find_element(By.ID, "qf-type")).select_by_value("judge")
    driver.find_element(By.ID, "qf-q").clear()
    driver.find_element(By.ID, "questions-search-button").click()
    expected = api_total(admin, bankId=bank["id"], type="judge")
    text_appears(driver, "#questions-count", f"找到 {expected} 道题")
    types = [r.find_element(By.CSS_SELECTOR, ".chip-type").text for r in rows(driver)]
    assert types and set(types) == {"判断题"}
    assert all(bank["name"] in r.text for r in rows(driver))
    # The filters survive a reload (they live in the address).
    driver.refresh()
    text_appears(driver, "#questions-count", f"找到 {expected} 道题")
    assert Select(driver.find_element(By.ID, "qf-type")).first_selected_option.text == "判断题"


def test_an_editor_creates_a_single_choice_question_and_watches_the_preview(driver, server, admin, unique):
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions")
    visible(driver, "#questions-new").click()
    form = visible(driver, "#question-form")
    bank = first_bank(admin)
    Select(form.find_element(By.ID, "q-bank")).select_by_visible_text(bank["name"])
    assert Select(form.find_element(By.ID, "q-type")).first_selected_option.text == "单选题"

    stem = f"新建测试{unique}：下列哪一项属于行政处罚？"
    form.find_element(By.ID, "q-stem").send_keys(stem)
    text_appears(driver, "#q-preview-question .qv-stem", stem)
    for i, option in enumerate(["记过", "罚款", "降级", "撤职"]):
        form.find_element(By.ID, f"q-option-{i}").send_keys(option)
    options = driver.find_elements(By.CSS_SELECTOR, "#q-preview-question .qv-option")
    assert [o.text.replace("\n", " ") for o in options] == ["A 记过", "B 罚款", "C 降级", "D 撤职"]
    # The preview shows no key until one is chosen, and the question part never shows it.
    assert "尚未设置" in driver.find_element(By.CSS_SELECTOR, "#q-preview-feedback .qv-key").text
    form.find_element(By.CSS_SELECTOR, "label[for=q-key-key-1]").click()
    text_appears(driver, "#q-preview-feedback .qv-key", "B")
    assert not driver.find_elements(By.CSS_SELECTOR, "#q-preview-question input:checked")

    # Removing option D leaves three, and the preview follows.
    form.find_element(By.CSS_SELECTOR, "#q-options .q-option-row:nth-of-type(4) .q-option-remove").click()
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#q-preview-question .qv-option")) == 3)

    form.find_element(By.ID, "q-explanation").send_keys("罚款是行政处罚法第九条列举的行政处罚；记过、降级、撤职是处分。")
    form.find_element(By.ID, "q-basis").send_keys("《中华人民共和国行政处罚法》第九条")
    text_appears(driver, "#q-preview-feedback .qv-basis", "第九条")
    text_appears(driver, "#q-preview-feedback .qv-explanation", "罚款是行政处罚法")
    form.find_element(By.CSS_SELECTOR, "label[for=q-audience-enforcer]").click()
    driver.find_element(By.ID, "question-save").click()

    text_appears(driver, "#question-version", "当前为第 1 版")
    assert "view=edit" in driver.current_url
    qid = int(urllib.parse.parse_qs(driver.current_url.split("?", 1)[1])["id"][0])
    saved = admin.call("GET", f"/api/v1/questions/{qid}", expect=200)
    assert saved["stem"] == stem and saved["answer"] == "B" and saved["options"] == ["记过", "罚款", "降级"]
    assert saved["audiences"] == ["enforcer"] and saved["status"] == "draft" and saved["bankId"] == bank["id"]


def test_missing_fields_are_listed_and_each_leads_to_its_field(driver, server, admin, unique):
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions?view=new")
    visible(driver, "#question-form")
    Select(driver.find_element(By.ID, "q-type")).select_by_value("blank")
    driver.find_element(By.ID, "q-stem").send_keys("行政机关应当在")
    driver.find_element(By.ID, "q-insert-blank").click()
    driver.find_element(By.ID, "q-stem").send_keys("内作出决定。")
    visible(driver, "#q-blank-0")
    assert driver.find_elements(By.CSS_SELECTOR, "#q-preview-question input.qv-blank")
    driver.find_element(By.ID, "question-save").click()
    error = visible(driver, "#question-error")
    assert driver.switch_to.active_element.get_attribute("id") == "question-error"
    for words in ("请选择题库", "第 1 空", "请填写解析", "请填写法条依据"):
        assert words in error.text
    error.find_element(By.CSS_SELECTOR, "[data-field=q-basis]").click()
    assert driver.switch_to.active_element.get_attribute("id") == "q-basis"
    assert driver.find_element(By.ID, "q-basis").get_attribute("aria-invalid") == "true"


def test_an_editor_edits_a_question_and_sees_version_2_in_the_history(driver, server, admin, unique):
    question = create_question(admin, unique)
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions?q=编辑测试{unique}")
    visible(driver, "#questions-table tbody tr [data-action=edit]").click()
    text_appears(driver, "#question-version", "当前为第 1 版")
    # Saving without a change adds no identical version.
    driver.find_element(By.ID, "question-save").click()
    text_appears(driver, "#status-region", "内容没有变化")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#question-history-table tbody tr")) == 1

    stem = driver.find_element(By.ID, "q-stem")
    stem.clear()
    stem.send_keys(f"编辑测试{unique}：下列哪一项不属于行政处罚的种类？")
    text_appears(driver, "#q-preview-question .qv-stem", "不属于")
    driver.find_element(By.ID, "q-note").send_keys("题干表述更准确")
    driver.find_element(By.ID, "question-save").click()

    text_appears(driver, "#status-region", "第 2 版")
    text_appears(driver, "#question-version", "当前为第 2 版")
    history = driver.find_elements(By.CSS_SELECTOR, "#question-history-table tbody tr")
    assert len(history) == 2
    assert "第 2 版" in history[0].text and "题干表述更准确" in history[0].text
    assert f"editor{unique}" in history[0].text
    stamp = history[0].find_element(By.CSS_SELECTOR, "time").text
    assert len(stamp) == 19 and stamp[4] == "-" and stamp[13] == ":"
    assert "第 1 版" in history[1].text
    assert admin.call("GET", f"/api/v1/questions/{question['id']}", expect=200)["version"] == 2


def test_saving_over_a_newer_version_offers_to_reload_it(driver, server, admin, unique):
    question = create_question(admin, unique)
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions?view=edit&id={question['id']}")
    text_appears(driver, "#question-version", "当前为第 1 版")
    # Meanwhile someone else saves version 2.
    other = dict(question, stem=f"编辑测试{unique}：他人修改后的题干？", expectedVersion=1, note="他人修改")
    admin.call("PUT", f"/api/v1/questions/{question['id']}", other, expect=200)

    driver.find_element(By.ID, "q-explanation").send_keys("（补充）")
    driver.find_element(By.ID, "question-save").click()
    error = visible(driver, "#question-error")
    assert "更新版本" in error.text
    assert driver.switch_to.active_element.get_attribute("id") == "question-reload"
    driver.switch_to.active_element.click()
    text_appears(driver, "#question-version", "当前为第 2 版")
    assert "他人修改后的题干" in driver.find_element(By.ID, "q-stem").get_attribute("value")


def upload(driver, path, dry_run=True):
    driver.find_element(By.ID, "import-file").send_keys(str(path))
    box = driver.find_element(By.ID, "import-dry-run")
    if box.is_selected() != dry_run:
        box.click()
    driver.find_element(By.ID, "import-submit").click()


def test_an_editor_imports_a_small_yaml_file_after_a_dry_run(driver, server, admin, unique, tmp_path):
    path = tmp_path / f"bank{unique}.yaml"
    path.write_text(native_yaml(unique), encoding="utf-8")
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions")
    visible(driver, "#questions-import-link").click()
    visible(driver, "#import-form")
    assert driver.find_element(By.ID, "import-dry-run").is_selected()  # a dry run unless told otherwise
    assert driver.find_element(By.ID, "import-file").get_attribute("accept") == ".yaml,.yml,.txt,.xml,.csv,.xlsx"
    # Record what the progress bar shows while the upload runs.
    driver.execute_script("""
        window.__progress = [];
        const bar = document.getElementById('import-progress');
        new MutationObserver(function () {
          if (!document.getElementById('import-progress-box').hidden) window.__progress.push(bar.value);
        }).observe(document.getElementById('import-progress-box'), {attributes: true, subtree: true});
    """)
    upload(driver, path)

    report = visible(driver, "#import-report")
    assert "预检完成" in report.text and "尚未写入" in report.text
    assert driver.find_element(By.ID, "import-progress-box").is_displayed()
    assert driver.find_element(By.ID, "import-progress").get_attribute("value") == "100"
    assert driver.execute_script("return window.__progress.length") > 0
    counts = {e.get_attribute("data-stat"): e.find_element(By.TAG_NAME, "dd").text
              for e in driver.find_elements(By.CSS_SELECTOR, "#import-counts .q-stat")}
    assert counts == {"added": "2", "changed": "0", "unchanged": "0", "duplicates": "0"}
    assert len(driver.find_elements(By.CSS_SELECTOR, "#import-items tbody tr")) == 2
    assert api_total(admin, q=f"浏览器测试{unique}") == 0  # nothing written yet

    driver.find_element(By.ID, "import-confirm").click()
    text_appears(driver, "#import-report", "导入完成")
    counts = {e.get_attribute("data-stat"): e.find_element(By.TAG_NAME, "dd").text
              for e in driver.find_elements(By.CSS_SELECTOR, "#import-counts .q-stat")}
    assert counts["added"] == "2"
    assert api_total(admin, q=f"浏览器测试{unique}") == 2
    visible(driver, "#import-view-bank").click()
    text_appears(driver, "#questions-count", "找到 2 道题")
    assert f"浏览器测试{unique}" in driver.find_element(By.ID, "questions-table").text


def test_a_broken_file_shows_located_problems_and_a_downloadable_report(driver, server, admin, unique, tmp_path):
    path = tmp_path / f"broken{unique}.yaml"
    path.write_text(native_yaml(unique, broken=True), encoding="utf-8")
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions?view=import")
    visible(driver, "#import-form")
    upload(driver, path, dry_run=False)

    box = visible(driver, "#import-problems-box")
    assert "未导入任何题目" in box.text
    problems = driver.find_elements(By.CSS_SELECTOR, "#import-problems tbody tr")
    assert len(problems) >= 2
    for row in problems:
        location, reason = [c.text for c in row.find_elements(By.CSS_SELECTOR, "td .cell")]
        assert location.startswith(f"broken{unique}.yaml:") and location.split(":")[-1].isdigit()
        assert reason.strip()
    link = driver.find_element(By.ID, "import-report-link")
    assert link.get_attribute("href").startswith("blob:")
    assert link.get_attribute("download").endswith(".csv")
    # Click it as a user would, and read what the browser saved.
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    link.click()
    wait(driver).until(lambda d: [f for f in downloads.iterdir() if f.suffix == ".csv"])
    saved = [f for f in downloads.iterdir() if f.suffix == ".csv"][0]
    assert saved.name == f"导入错误报告-broken{unique}.csv"
    raw = saved.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a UTF-8 BOM, so Excel reads the Chinese correctly
    lines = raw[3:].decode("utf-8").splitlines()
    assert lines[0] == "位置,原因"
    assert len(lines) == 1 + len(problems) and lines[1].startswith(f"broken{unique}.yaml:")
    assert api_total(admin, q=f"浏览器测试{unique}") == 0  # all or nothing


def test_export_links_to_the_chosen_bank_and_format(driver, server, admin, unique):
    bank = first_bank(admin)
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/questions")
    visible(driver, "#questions-export-link").click()
    select = Select(visible(driver, "#export-bank"))
    select.select_by_value(str(bank["id"]))
    driver.find_element(By.CSS_SELECTOR, "label[for=export-format-csv]").click()
    link = driver.find_element(By.ID, "export-link")
    href = urllib.parse.urlparse(link.get_attribute("href"))
    assert href.path == "/api/v1/questions/export"
    assert urllib.parse.parse_qs(href.query) == {"format": ["csv"], "bankId": [str(bank["id"])]}
    assert link.text == f"下载 {bank['name']}.csv"
    answer = json.loads(driver.execute_script("""
        return fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
          return r.text().then(function (body) {
            return JSON.stringify({status: r.status, disposition: r.headers.get('Content-Disposition'), body: body});
          });
        });""", link.get_attribute("href")))
    assert answer["status"] == 200 and answer["disposition"].startswith("attachment")
    assert bank["name"] in answer["body"] or answer["body"].count("\n") >= bank["questionCount"]


def test_the_question_bank_fits_a_phone(phone, server, admin, unique):
    sign_in_editor(phone, server, admin, unique)
    phone.get(f"{server}/admin#/questions")
    visible(phone, "#questions-table")
    assert no_horizontal_overflow(phone) <= 360
    filters = phone.find_element(By.ID, "questions-filters")
    assert filters.get_attribute("open") is None  # folded away on a phone
    filters.find_element(By.TAG_NAME, "summary").click()
    visible(phone, "#qf-type")
    assert no_horizontal_overflow(phone) <= 360

    phone.get(f"{server}/admin#/questions?view=new")
    form = visible(phone, "#question-form")
    preview = phone.find_element(By.ID, "q-preview")
    assert preview.location["y"] >= form.location["y"] + form.size["height"]  # stacked under the form
    phone.find_element(By.ID, "q-stem").send_keys("手机上的题干")
    text_appears(phone, "#q-preview-question .qv-stem", "手机上的题干")
    assert no_horizontal_overflow(phone) <= 360

    qid = rows_first_id(admin)
    phone.get(f"{server}/admin#/questions?view=edit&id={qid}")
    visible(phone, "#question-history-table")
    assert no_horizontal_overflow(phone) <= 360
    for view, ready in (("import", "#import-form"), ("export", "#export-link")):
        phone.get(f"{server}/admin#/questions?view={view}")
        visible(phone, ready)
        assert no_horizontal_overflow(phone) <= 360


def rows_first_id(admin):
    return admin.call("GET", "/api/v1/questions?pageSize=1", expect=200)["items"][0]["id"]
