"""Required study (学习任务): staff assign a piece to a list of officials; the official sees the task and why the
feed offers it, reads until the minimum is met, and staff see the task complete."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pufa_browser import sign_in, text_appears, visible, wait, no_horizontal_overflow

PASSWORD = "Study-Pass-2024"


def setup(admin, unique):
    unit = admin.create_unit(f"学习县司法局{unique}")
    official = f"gw{unique}"
    editor = f"bj{unique}"
    admin.create_user(official, ["official"], password=PASSWORD, display="学习的干部", unit=unit["id"])
    admin.create_user(editor, ["editor"], password=PASSWORD, display="普法编辑")
    slug = f"xuexi-{unique}"
    admin.call("PUT", f"/api/v1/content-admin/{slug}", {
        "title": f"宪法宣誓制度{unique}", "summary": "国家工作人员就职时应当依照法律规定公开进行宪法宣誓。",
        "topics": ["宪法"], "audiences": ["civil_servant"], "basis": ["《中华人民共和国宪法》第二十七条"],
        "body": "## 宪法宣誓\n\n国家工作人员就职时应当依照法律规定公开进行宪法宣誓。"}, expect=201)
    return official, editor, slug


def staff_creates_task(driver, server, editor, slug, official, unique):
    sign_in(driver, server, "/admin", editor, PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-study-tasks"))
    driver.get(server + "/admin#/study-tasks?view=new")
    visible(driver, "#st-title").send_keys(f"宪法学习{unique}")
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, f"#st-content option[value='{slug}']")) == 1)
    Select(driver.find_element(By.ID, "st-content")).select_by_value(slug)
    driver.find_element(By.ID, "st-users").send_keys(official + "\n")
    minutes = driver.find_element(By.ID, "st-minutes")
    minutes.clear()
    minutes.send_keys("0.05")  # 3 seconds, so the test reads quickly
    driver.find_element(By.ID, "st-save").click()
    text_appears(driver, "#st-task-title", f"宪法学习{unique}")
    assert "0 / 1" in visible(driver, "#st-total").text


def test_an_official_reads_an_assigned_piece_to_completion(driver, phone, server, admin, unique):
    official, editor, slug = setup(admin, unique)
    staff_creates_task(driver, server, editor, slug, official, unique)
    task_url = driver.current_url

    # The official signs in on a phone and finds the task and the reason the feed offers it.
    sign_in(phone, server, "/exam", official, PASSWORD)
    wait(phone).until(lambda d: d.find_element(By.CSS_SELECTOR, "#current-user").text.strip())
    phone.get(server + "/")
    text_appears(phone, "#task-list", f"宪法学习{unique}")
    first = visible(phone, "#feed-list li")
    assert first.get_attribute("data-slug") == slug and first.get_attribute("data-reason") == "task_due"
    assert "学习任务" in first.find_element(By.CSS_SELECTOR, ".feed-reason").text
    assert no_horizontal_overflow(phone) <= 360

    first.find_element(By.CSS_SELECTOR, "a").click()
    visible(phone, "#reading-progress")
    phone.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    text_appears(phone, "#reading-progress", "已完成阅读", timeout=20)

    phone.get(server + "/")
    wait(phone).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#task-list .task-item.is-done"))

    driver.get(task_url)
    driver.refresh()
    text_appears(driver, "#st-total", "1 / 1（100%）")
    assert "已完成" in visible(driver, "#st-people").text


def test_the_study_task_pages_fit_a_phone(phone, server, admin, unique):
    official, editor, slug = setup(admin, unique)
    staff_creates_task(phone, server, editor, slug, official, unique)
    assert no_horizontal_overflow(phone) <= 360
    phone.get(server + "/admin#/study-tasks")
    visible(phone, "#st-table")
    assert no_horizontal_overflow(phone) <= 360
    phone.get(server + "/admin#/study-tasks?view=followups")
    visible(phone, "#fu-results .empty-state")
