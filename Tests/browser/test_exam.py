"""The exam center for officials (/exam)."""
from selenium.webdriver.common.by import By

from pufa_browser import Api, sign_in, text_appears, visible, no_horizontal_overflow

PASSWORD = "Official-Pass-2024"


def test_official_signs_in_and_sees_an_empty_exam_list(driver, server, admin, unique):
    username = f"wang{unique}"
    admin.create_user(username, ["official"], password=PASSWORD, display="王芳")
    sign_in(driver, server, "/exam", username, PASSWORD)
    empty = visible(driver, "#exam-empty")
    assert "暂无待参加的考试" in empty.text
    assert driver.find_element(By.CSS_SELECTOR, "#main h1").text == "我的考试"
    assert driver.find_element(By.ID, "current-user").text == "王芳"


def test_official_stays_signed_in_on_reload_and_can_sign_out(driver, server, admin, unique):
    username = f"chen{unique}"
    admin.create_user(username, ["official"], password=PASSWORD, display="陈静")
    sign_in(driver, server, "/exam", username, PASSWORD)
    visible(driver, "#exam-empty")
    driver.refresh()
    visible(driver, "#exam-empty")
    driver.find_element(By.ID, "logout-button").click()
    visible(driver, "#login-username")


def test_exam_center_fits_a_phone(phone, server, admin, unique):
    username = f"liu{unique}"
    admin.create_user(username, ["official"], password=PASSWORD, display="刘洋")
    sign_in(phone, server, "/exam", username, PASSWORD)
    visible(phone, "#exam-empty")
    assert no_horizontal_overflow(phone) <= 360


def test_official_changes_their_own_password(driver, server, admin, unique):
    username = f"he{unique}"
    admin.create_user(username, ["official"], password=PASSWORD, display="何平")
    sign_in(driver, server, "/exam", username, PASSWORD)
    visible(driver, "#exam-empty")
    driver.find_element(By.CSS_SELECTOR, ".user-slot button:not(#logout-button)").click()
    dialog = visible(driver, ".dialog")
    dialog.find_element(By.NAME, "currentPassword").send_keys(PASSWORD)
    dialog.find_element(By.NAME, "newPassword").send_keys("Changed-Pass-2025")
    dialog.find_element(By.NAME, "confirmPassword").send_keys("Changed-Pass-2026")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "不一致" in visible(driver, ".dialog .form-error").text
    confirm = dialog.find_element(By.NAME, "confirmPassword")
    confirm.clear()
    confirm.send_keys("Changed-Pass-2025")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    text_appears(driver, "#status-region", "密码已修改")
    Api(server).login(username, "Changed-Pass-2025")
