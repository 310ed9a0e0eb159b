"""Teaching material (内容) in the staff console, as a publicity editor uses it: finding pieces, writing one with a
live preview, editing it into a new version, being told every problem, not overwriting someone else's save, and
importing a Content/ file after a check. The server starts with the 60 pieces of Content/."""
import re
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from pufa_browser import REPO, sign_in, text_appears, visible, wait, no_horizontal_overflow

EDITOR_PASSWORD = "Editor-Pass-2024"
SAMPLE = REPO / "Content" / "jicheng-fading-jichengren.md"

BODY = """## 以案释法

老李的邻居在楼上养花，花盆掉下来砸坏了老李的车。

| 情形 | 谁来赔 |
|---|---|
| 能确定花盆主人 | 花盆主人 |

<script>alert('x')</script>

## 法条原文

> **《中华人民共和国民法典》第一千二百五十四条**　禁止从建筑物中抛掷物品。"""


def sign_in_editor(driver, server, admin, unique):
    """Creates an editor (普法编辑) and signs in as them; 内容 is in their menu."""
    username = f"editor{unique}"
    admin.create_user(username, ["editor"], password=EDITOR_PASSWORD, display="普法编辑小王")
    sign_in(driver, server, "/admin", username, EDITOR_PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-content"))
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#current-user").text.strip())
    return username


def piece(unique, **changes):
    body = dict(title=f"花盆掉落砸坏汽车谁来赔{unique}", summary="从建筑物中坠落的物品造成损害，由谁承担责任。",
                topics=["民法典·侵权责任编", "高空抛物"], audiences=["resident"],
                basis=["《中华人民共和国民法典》第一千二百五十四条"], body=BODY, status="published")
    body.update(changes)
    return body


def fill(driver, field_id, text):
    el = driver.find_element(By.ID, field_id)
    el.clear()
    el.send_keys(text)


def set_value(driver, field_id, text):
    """Sets a long text at once (send_keys types it key by key) and tells the page, as typing would."""
    driver.execute_script("""
        const el = document.getElementById(arguments[0]);
        el.value = arguments[1];
        el.dispatchEvent(new Event('input', {bubbles: true}));""", field_id, text)


def test_the_list_shows_every_piece_and_filters_by_status_audience_and_words(driver, server, admin, unique):
    slug = f"bt-draft-{unique}"
    admin.call("PUT", f"/api/v1/content-admin/{slug}", piece(unique, status="draft", audiences=["enterprise"]), expect=201)
    total = len(admin.call("GET", "/api/v1/content-admin", expect=200)["items"])
    sign_in_editor(driver, server, admin, unique)
    driver.find_element(By.ID, "nav-content").click()
    visible(driver, "#content-table")
    text_appears(driver, "#content-count", f"共 {total} 篇")
    row = driver.find_element(By.CSS_SELECTOR, f"#content-table tbody tr[data-id='{slug}']")
    assert "草稿" in row.text and "企业" in row.text and "第 1 版" in row.text

    Select(driver.find_element(By.ID, "cf-status")).select_by_value("draft")
    wait(driver).until(lambda d: "找到" in d.find_element(By.ID, "content-count").text)
    rows = driver.find_elements(By.CSS_SELECTOR, "#content-table tbody tr")
    assert rows and all("草稿" in r.find_element(By.CSS_SELECTOR, ".c-cell-status").text for r in rows)
    Select(driver.find_element(By.ID, "cf-status")).select_by_value("")
    Select(driver.find_element(By.ID, "cf-audience")).select_by_value("enterprise")
    driver.find_element(By.ID, "cf-q").send_keys("花盆")
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#content-table tbody tr")) == 1)
    # The filters are in the address, so a reload keeps them.
    assert "audience=enterprise" in driver.current_url
    driver.refresh()
    text_appears(driver, "#content-count", "找到 1 篇")
    assert driver.find_element(By.ID, "cf-q").get_attribute("value") == "花盆"


def test_an_editor_writes_a_piece_watching_the_preview_then_edits_it_into_version_2(driver, server, admin, unique):
    username = sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/content")
    visible(driver, "#content-new").click()
    visible(driver, "#content-form")
    slug = f"bt-new-{unique}"
    fill(driver, "c-slug", slug)
    text_appears(driver, "#c-slug-address", f"/read#/{slug}")
    fill(driver, "c-title", f"花盆掉落砸坏汽车谁来赔{unique}")
    text_appears(driver, "#c-preview-title", "花盆掉落")
    fill(driver, "c-summary", "从建筑物中坠落的物品造成损害，由谁承担责任。")
    text_appears(driver, "#c-summary-count", "22 / 120")

    # Typing the body: the preview follows once typing pauses, with the server's rendering.
    driver.find_element(By.ID, "c-body").send_keys("## 以案释法\n\n老李的车被砸坏了。")
    text_appears(driver, "#c-preview-body h2", "以案释法")
    set_value(driver, "c-body", BODY)
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#c-preview-body table"))
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "#c-preview-body table th")]
    assert cells == ["情形", "谁来赔"]
    assert driver.find_elements(By.CSS_SELECTOR, "#c-preview-body blockquote strong")
    assert not driver.find_elements(By.CSS_SELECTOR, "#c-preview-body script")
    assert "alert" not in driver.find_element(By.ID, "c-preview-body").get_attribute("innerHTML")
    text_appears(driver, "#c-preview-state", "已是最新")

    fill(driver, "c-basis", "《中华人民共和国民法典》第一千二百五十四条")
    fill(driver, "c-topics", "民法典·侵权责任编、高空抛物")
    driver.find_element(By.CSS_SELECTOR, "label[for=c-audience-resident]").click()
    driver.find_element(By.CSS_SELECTOR, "label[for=c-audience-village_expert]").click()
    Select(driver.find_element(By.ID, "c-status")).select_by_value("published")
    driver.find_element(By.ID, "content-save").click()

    text_appears(driver, "#content-version", "当前为第 1 版")
    assert f"slug={slug}" in driver.current_url and "view=edit" in driver.current_url
    saved = admin.call("GET", f"/api/v1/content-admin/{slug}", expect=200)
    assert saved["status"] == "published" and saved["audiences"] == ["resident", "village_expert"]
    assert saved["topics"] == ["民法典·侵权责任编", "高空抛物"] and saved["body"] == BODY
    link = visible(driver, "#content-public-link")
    assert link.get_attribute("href").endswith(f"/read#/{slug}")

    # Saving unchanged makes no version.
    driver.find_element(By.ID, "content-save").click()
    text_appears(driver, "#status-region", "内容没有变化")
    fill(driver, "c-title", f"楼上花盆掉落砸坏汽车，谁来赔？{unique}")
    driver.find_element(By.ID, "c-note").send_keys("标题改成问句")
    driver.find_element(By.ID, "content-save").click()
    text_appears(driver, "#content-version", "当前为第 2 版")
    history = driver.find_elements(By.CSS_SELECTOR, "#content-history-table tbody tr")
    assert len(history) == 2
    assert "第 2 版" in history[0].text and "标题改成问句" in history[0].text and username in history[0].text
    assert "第 1 版" in history[1].text
    assert admin.call("GET", f"/api/v1/content-admin/{slug}", expect=200)["version"] == 2


def test_every_problem_is_listed_by_the_form_and_nothing_is_saved(driver, server, admin, unique):
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/content?view=new")
    visible(driver, "#content-form")
    slug = f"bt-bad-{unique}"
    fill(driver, "c-slug", slug)
    fill(driver, "c-title", "没有对象的内容")
    fill(driver, "c-summary", "一句话摘要。")
    set_value(driver, "c-body", BODY)
    fill(driver, "c-basis", "民法典第一千二百五十四条")  # no 《》
    driver.find_element(By.ID, "content-save").click()

    error = visible(driver, "#content-error")
    assert error.get_attribute("role") == "alert"
    problems = error.find_elements(By.CSS_SELECTOR, "li")
    assert len(problems) == 3, error.text
    for words in ("知识点", "至少选择一个对象", "《法律名称》"):
        assert words in error.text
    assert driver.switch_to.active_element.get_attribute("id") == "content-error"
    assert "is-invalid" in driver.find_element(By.ID, "c-audiences").get_attribute("class")
    to_basis = error.find_element(By.CSS_SELECTOR, "[data-field=basis]")
    to_basis.click()
    assert driver.switch_to.active_element.get_attribute("id") == "c-basis"
    assert driver.find_element(By.ID, "c-basis").get_attribute("aria-invalid") == "true"
    assert admin.call("GET", f"/api/v1/content-admin/{slug}", expect=404)

    # A bad address is caught before anything is sent; a taken one is named, with a way to it.
    fill(driver, "c-slug", "Bad Address")
    driver.find_element(By.ID, "content-save").click()
    text_appears(driver, "#content-error", "小写字母")
    fill(driver, "c-slug", "jicheng-fading-jichengren")
    fill(driver, "c-topics", "高空抛物")
    fill(driver, "c-basis", "《中华人民共和国民法典》第一千二百五十四条")
    driver.find_element(By.CSS_SELECTOR, "label[for=c-audience-resident]").click()
    driver.find_element(By.ID, "content-save").click()
    text_appears(driver, "#content-error", "已被另一篇内容使用")
    assert visible(driver, "#content-open-taken").get_attribute("href").endswith("slug=jicheng-fading-jichengren")
    assert admin.call("GET", "/api/v1/content-admin/jicheng-fading-jichengren", expect=200)["title"] != "没有对象的内容"


def test_saving_over_someone_elses_newer_version_offers_to_reload_it(driver, server, admin, unique):
    slug = f"bt-stale-{unique}"
    admin.call("PUT", f"/api/v1/content-admin/{slug}", piece(unique), expect=201)
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/content?view=edit&slug={slug}")
    text_appears(driver, "#content-version", "当前为第 1 版")
    # Meanwhile a colleague saves version 2.
    admin.call("PUT", f"/api/v1/content-admin/{slug}", piece(unique, title=f"同事改过的标题{unique}", expectedVersion=1,
                                                               note="同事修改"), expect=200)
    driver.find_element(By.ID, "c-summary").send_keys("补充一句。")
    driver.find_element(By.ID, "content-save").click()
    error = visible(driver, "#content-error")
    assert "其他人已保存" in error.text and "修改将丢失" in error.text
    assert driver.switch_to.active_element.get_attribute("id") == "content-reload"
    assert admin.call("GET", f"/api/v1/content-admin/{slug}", expect=200)["summary"] == piece(unique)["summary"]
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    text_appears(driver, "#content-version", "当前为第 2 版")
    assert driver.find_element(By.ID, "c-title").get_attribute("value") == f"同事改过的标题{unique}"
    assert "同事修改" in driver.find_element(By.ID, "content-history-table").text


def sample_file(tmp_path, slug, breaks=()):
    """A real Content/ file under a new id (and so a new file name), with (old, new) replacements."""
    text = re.sub(r"^id: .*$", f"id: {slug}", SAMPLE.read_text(encoding="utf-8"), count=1, flags=re.M)
    for old, new in breaks:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / f"{slug}.md"
    path.write_text(text, encoding="utf-8")
    return path


def choose(driver, path):
    driver.find_element(By.ID, "content-file").send_keys(str(path))
    text_appears(driver, "#content-file-info", Path(path).name)


def test_an_editor_checks_then_imports_a_file_and_a_broken_one_shows_its_lines(driver, server, admin, unique, tmp_path):
    slug = f"bt-import-{unique}"
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/content")
    visible(driver, "#content-import-link").click()
    visible(driver, "#content-import-form")
    choose(driver, sample_file(tmp_path, slug))
    driver.find_element(By.ID, "content-check").click()
    report = visible(driver, "#content-import-report")
    assert "检查通过" in report.text and "尚未写入" in report.text
    assert driver.find_element(By.ID, "content-progress").get_attribute("value") == "100"
    assert driver.find_element(By.CSS_SELECTOR, f"#content-import-items tr[data-id='{slug}'] .badge").text == "将新增"
    assert driver.switch_to.active_element.get_attribute("id") == "content-report-title"
    admin.call("GET", f"/api/v1/content-admin/{slug}", expect=404)  # a check writes nothing

    driver.find_element(By.ID, "content-import-confirm").click()
    text_appears(driver, "#content-import-report", "导入完成")
    assert driver.find_element(By.CSS_SELECTOR, f"#content-import-items tr[data-id='{slug}'] .badge").text == "已新增"
    imported = admin.call("GET", f"/api/v1/content-admin/{slug}", expect=200)
    assert imported["title"] == "没有遗嘱时，遗产由谁继承？" and imported["version"] == 1

    # The same file again changes nothing, and there is nothing to confirm.
    driver.find_element(By.ID, "content-check").click()
    text_appears(driver, "#content-import-report", "无需导入")
    assert not driver.find_elements(By.ID, "content-import-confirm")

    # A file with a basis lacking 《》 (line 9) and no audience (line 6): each problem with its line, nothing stored.
    bad = f"bt-broken-{unique}"
    choose(driver, sample_file(tmp_path, bad, breaks=[("audiences: [resident, village_expert]", "audiences: []"),
                                                     ("  - 《中华人民共和国民法典》第一千一百二十七条", "  - 民法典第一千一百二十七条")]))
    driver.find_element(By.ID, "content-check").click()
    box = visible(driver, "#content-problems-box")
    assert "未导入任何内容" in box.text
    rows = {r.find_elements(By.CSS_SELECTOR, "td .cell")[0].text: r.find_elements(By.CSS_SELECTOR, "td .cell")[1].text
            for r in driver.find_elements(By.CSS_SELECTOR, "#content-problems tbody tr")}
    assert "至少选择一个对象" in rows.get("第 6 行", ""), rows
    assert "audiences: []" in rows["第 6 行"]  # the line itself, from the chosen file
    assert "《法律名称》" in rows.get("第 9 行", ""), rows
    admin.call("GET", f"/api/v1/content-admin/{bad}", expect=404)


def test_the_content_section_fits_a_phone(phone, server, admin, unique):
    sign_in_editor(phone, server, admin, unique)
    phone.get(f"{server}/admin#/content")
    visible(phone, "#content-table")
    assert no_horizontal_overflow(phone) <= 360

    phone.get(f"{server}/admin#/content?view=new")
    form = visible(phone, "#content-form")
    preview = phone.find_element(By.ID, "c-preview")
    assert preview.location["y"] >= form.location["y"] + form.size["height"]  # under the form
    set_value(phone, "c-body", BODY)
    wait(phone).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#c-preview-body table"))
    assert no_horizontal_overflow(phone) <= 360
    phone.find_element(By.ID, "c-jump-preview").click()
    assert phone.switch_to.active_element.get_attribute("id") == "c-preview"

    phone.get(f"{server}/admin#/content?view=edit&slug=jicheng-fading-jichengren")
    visible(phone, "#content-history-table")
    wait(phone).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#c-preview-body table"))
    assert no_horizontal_overflow(phone) <= 360
    phone.get(f"{server}/admin#/content?view=import")
    visible(phone, "#content-import-form")
    assert no_horizontal_overflow(phone) <= 360


def test_an_editor_inserts_an_uploaded_image_and_a_non_image_is_refused(driver, server, admin, unique, tmp_path):
    sign_in_editor(driver, server, admin, unique)
    driver.get(f"{server}/admin#/content")
    visible(driver, "#content-new").click()
    visible(driver, "#content-form")
    set_value(driver, "c-body", "## 示意图\n\n下面是一张图。")
    # A 1×1 PNG written for the test (its bytes, not its name, make it an image).
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c"
                        "63f8cfc0f01f0005000201a5f1c1e40000000049454e44ae426082")
    (tmp_path / "diagram.png").write_bytes(png)
    (tmp_path / "notes.png").write_bytes(b"<svg><script>alert(1)</script></svg>")
    picker = driver.find_element(By.ID, "c-image-file")
    driver.execute_script("arguments[0].hidden = false", picker)
    picker.send_keys(str(tmp_path / "diagram.png"))
    text_appears(driver, "#c-image-status", "已插入图片（1×1）")
    assert re.search(r"!\[diagram\]\(/media/[0-9a-f]{64}\.png\)", driver.find_element(By.ID, "c-body").get_attribute("value"))
    img = wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#c-preview-body img.read-img"))[0]
    assert re.match(r".*/media/[0-9a-f]{64}\.png$", img.get_attribute("src"))
    # Served by its digest as an image.
    assert driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img) == 1

    picker.send_keys(str(tmp_path / "notes.png"))
    wait(driver).until(lambda d: "PNG、JPEG、GIF 或 WebP" in d.find_element(By.ID, "c-image-status").text)
    assert driver.find_element(By.ID, "c-body").get_attribute("value").count("/media/") == 1
