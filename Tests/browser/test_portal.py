"""The residents' portal (/), mostly read on phones inside WeChat."""
import json
import urllib.request

from selenium.webdriver.common.by import By

from pufa_browser import visible, wait, no_horizontal_overflow


def open_round(server):
    """The open round the shared test server has, if another test made one (the card then shows it instead)."""
    with urllib.request.urlopen(server + "/api/v1/quiz/rounds") as r:
        return next((x for x in json.load(r)["items"] if x["open"]), None)


def test_portal_fits_a_360px_phone_without_sideways_scrolling(phone, server):
    phone.get(server + "/")
    visible(phone, "#quiz")
    assert phone.execute_script("return window.innerWidth") == 360
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
    assert no_horizontal_overflow(phone) <= 360


def test_portal_says_honestly_that_no_quiz_is_running(phone, server):
    phone.get(server + "/")
    running = open_round(server)
    if running:
        wait(phone).until(lambda d: running["title"] in d.find_element(By.ID, "quiz").text)
    else:
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
    running = open_round(server)
    assert ("has not started" in phone.find_element(By.ID, "quiz").text) if not running else running["title"] in phone.find_element(By.ID, "quiz").text
    assert phone.execute_script("return localStorage.getItem('pufa.lang')") == "en"
    phone.get(server + "/")
    wait(phone).until(lambda d: "Prize quizzes" in d.find_element(By.ID, "quiz").text)
    assert no_horizontal_overflow(phone) <= 360
