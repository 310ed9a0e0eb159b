"""对象 and 分群 in the staff console, as a publicity editor uses them: building a segment from two conditions while the
count follows live, saving it, recomputing it and seeing the "as of" time and its members; finding a profile and
setting its groups; and the same pages on a 360-px phone."""
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pufa_browser import admin_api, sign_in, text_appears, visible, wait, no_horizontal_overflow

EDITOR_PASSWORD = "Editor-Pass-2024"


@pytest.fixture(scope="module")
def town(server):
    """One county with two towns for the whole file (the shared server's region tree stays small): three officials
    in the first town, one in the second. Returns (county, east, west, suffix)."""
    unique = uuid.uuid4().hex[:6]
    return seed(admin_api(server), unique) + (unique,)


def seed(admin, unique):
    county = admin.create_region(f"平安县{unique}", "county")
    east = admin.create_region(f"东镇{unique}", "town", parent=county["id"])
    west = admin.create_region(f"西镇{unique}", "town", parent=county["id"])
    for i, town in enumerate([east, east, east, west]):
        admin.create_user(f"off{unique}{i}", ["official"], display=f"干部{unique}{i}", region=town["id"])
    return county, east, west


def sign_in_editor(driver, server, admin, unique):
    username = f"seged{unique}"
    admin.create_user(username, ["editor"], password=EDITOR_PASSWORD, display="普法编辑小李")
    sign_in(driver, server, "/admin", username, EDITOR_PASSWORD)
    wait(driver).until(lambda d: d.find_elements(By.ID, "nav-segments"))


def add_condition(driver, block, field):
    Select(visible(driver, f"#seg-pick-{block}")).select_by_value(field)
    driver.find_element(By.ID, f"seg-add-{block}").click()
    return wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#seg-block-{block} .seg-cond[data-field={field}]"))[-1]


def test_staff_build_a_segment_watch_the_count_save_recompute_and_see_members(driver, server, admin, town):
    county, east, _, unique = town
    sign_in_editor(driver, server, admin, unique + "a")
    driver.find_element(By.ID, "nav-segments").click()
    visible(driver, "#segment-new").click()
    visible(driver, "#seg-form input[name=name]").send_keys(f"东镇干部{unique}")
    text_appears(driver, "#seg-count", "添加条件")

    region = add_condition(driver, "all", "region")
    # Focus moves into the new condition, so the keyboard can go on from there.
    assert driver.switch_to.active_element == region.find_element(By.CSS_SELECTOR, "select")
    Select(region.find_element(By.CSS_SELECTOR, "select")).select_by_value(str(east["id"]))
    add_condition(driver, "all", "account")
    text_appears(driver, "#seg-count .seg-count-n", "3")
    text_appears(driver, "#seg-region-list", f"平安县{unique}")
    assert "3" in driver.find_element(By.ID, "seg-region-list").text

    driver.find_element(By.ID, "seg-save").click()
    status = text_appears(driver, "#seg-status", "尚未计算")
    assert "?id=" in driver.current_url
    text_appears(driver, "#seg-members", "还没有计算过成员")
    driver.find_element(By.ID, "seg-recompute").click()
    text_appears(driver, "#seg-status", "截至")
    assert driver.find_element(By.ID, "seg-member-count").text == "3", status.text
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#seg-members-table tbody tr")) == 3)
    assert f"干部{unique}0" in driver.find_element(By.ID, "seg-members-table").text

    # The list shows the segment with its member count and when it was computed.
    driver.find_element(By.CSS_SELECTOR, "a.back-link").click()
    row = text_appears(driver, "#segments-table", f"东镇干部{unique}")
    assert "截至" in row.text

    # An unfinished condition is named and marked before anything is asked of the server.
    driver.find_element(By.ID, "segment-new").click()
    add_condition(driver, "any", "accuracy")
    text_appears(driver, "#seg-rule-error", "请填写知识点")
    assert driver.find_elements(By.CSS_SELECTOR, "#seg-block-any .seg-cond.is-incomplete")


def test_a_profile_is_found_by_region_and_given_a_group(driver, server, admin, town):
    _, east, _, unique = town
    sign_in_editor(driver, server, admin, unique + "b")
    driver.find_element(By.ID, "nav-profiles").click()
    visible(driver, "#profile-search")
    Select(driver.find_element(By.CSS_SELECTOR, "#profile-search select[name=regionId]")).select_by_value(str(east["id"]))
    driver.find_element(By.CSS_SELECTOR, "#profile-search button[type=submit]").click()
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#profiles-table tbody tr")) == 3)
    driver.find_element(By.LINK_TEXT, f"干部{unique}1").click()
    visible(driver, "#profile-edit").click()
    driver.find_element(By.ID, "pg-village_expert").click()
    driver.find_element(By.CSS_SELECTOR, ".dialog button[type=submit]").click()
    text_appears(driver, "#profile-facts", "村居法律明白人")


def test_the_segment_builder_fits_a_phone(phone, server, admin, town):
    _, east, _, unique = town
    sign_in_editor(phone, server, admin, unique + "c")
    phone.get(server + "/admin#/segments?id=new")
    visible(phone, "#seg-form")
    region = add_condition(phone, "all", "region")
    Select(region.find_element(By.CSS_SELECTOR, "select")).select_by_value(str(east["id"]))
    group = add_condition(phone, "none", "group")
    group.find_element(By.CSS_SELECTOR, "input[value=leader]").click()
    text_appears(phone, "#seg-count .seg-count-n", "3")
    assert no_horizontal_overflow(phone) <= 360
