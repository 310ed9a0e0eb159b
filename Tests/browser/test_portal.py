"""The residents' portal (/), mostly read on phones inside WeChat."""
from selenium.webdriver.common.by import By

from pufa_browser import visible, wait, no_horizontal_overflow


def test_portal_fits_a_360px_phone_without_sideways_scrolling(phone, server):
    phone.get(server + "/")
    visible(phone, "#quiz")
    assert phone.execute_script("return window.innerWidth") == 360
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
    assert no_horizontal_overflow(phone) <= 360


def test_portal_says_honestly_that_no_quiz_is_running(phone, server):
    phone.get(server + "/")
    assert "本期竞答尚未开始" in visible(phone, "#quiz").text
    assert visible(phone, "#study").text.strip()
    assert phone.execute_script("return document.documentElement.lang") == "zh-CN"


def test_portal_links_to_the_exam_center_and_the_console(driver, server):
    driver.get(server + "/")
    assert visible(driver, "#link-exam").get_attribute("href").endswith("/exam")
    assert driver.find_element(By.ID, "link-admin").get_attribute("href").endswith("/admin")
    driver.find_element(By.ID, "link-exam").click()
    visible(driver, "#login-username")


def test_portal_switches_to_english_and_remembers_it(phone, server):
    phone.get(server + "/")
    visible(phone, "#lang-switch").click()
    wait(phone).until(lambda d: d.execute_script("return document.documentElement.lang") == "en")
    assert "has not started" in phone.find_element(By.ID, "quiz").text
    assert phone.execute_script("return localStorage.getItem('pufa.lang')") == "en"
    phone.get(server + "/")
    wait(phone).until(lambda d: "Prize quizzes" in d.find_element(By.ID, "quiz").text)
    assert no_horizontal_overflow(phone) <= 360
