"""效果 on the campaign page: residents answered on the piece's knowledge point before a campaign, half were kept
unreached, the reached ones read it and answered 20 points better the next day. Staff see the gain with its interval
and sample sizes, the comparison with the hold-out, "样本不足" for retention (nobody answered 7 days on yet) and the
definitions in plain Chinese; the panel fits a 360-px phone. Set PUFA_SHOTS=<dir> to save screenshots."""
import os
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from selenium.webdriver.support.ui import Select

from pufa_browser import Server, admin_api, sign_in_admin, text_appears, visible, no_horizontal_overflow

BEIJING = timezone(timedelta(hours=8))
TAG = "效果测量居民"


@pytest.fixture(scope="module")
def world():
    try:
        srv = Server()
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)
    admin = admin_api(srv.base)
    admin.call("PUT", "/api/v1/content-admin/xianfa-xiaoguo", {
        "title": "宪法知识：国家宪法日", "summary": "每年 12 月 4 日是国家宪法日。", "topics": ["宪法"],
        "audiences": ["resident"], "basis": ["《中华人民共和国宪法》序言"], "body": "## 宪法\n\n宪法具有最高的法律效力。"}, expect=201)
    db = sqlite3.connect(str(Path(srv.data) / "pufa.sqlite"), timeout=10)
    today = datetime.now(BEIJING).date()
    day = lambda n: (today + timedelta(days=n)).isoformat()
    now = int(time.time() * 1000)
    try:
        for i in range(24):
            cur = db.execute("INSERT INTO profiles (phone, display_name, groups_mask, interests_json, created_at, updated_at) "
                             "VALUES (?, ?, 128, json_array(?), ?, ?)", ("136%08d" % (4200 + i), f"居民{i}", TAG, now, now))
            # Everyone answered 10 questions on 宪法 three days ago, 4 or 5 of them right.
            db.execute("INSERT INTO profile_topic_days VALUES (?, '宪法', ?, 10, ?)", (cur.lastrowid, day(-3), 4 + i % 2))
        db.commit()
        segment = admin.call("POST", "/api/v1/segments", {"name": "效果测量", "rule": {"field": "interest", "in": [TAG]},
                                                          "holdoutPercent": 50}, expect=201)
        admin.call("POST", f"/api/v1/segments/{segment['id']}/recompute", expect=200)
        campaign = admin.call("POST", "/api/v1/campaigns", {
            "name": "宪法日推送", "contentSlug": "xianfa-xiaoguo", "segmentId": segment["id"], "channels": ["inbox"],
            "robotIds": [], "schedule": "now", "message": "", "priority": 1, "ratePerMinute": 6000}, expect=201)
        admin.call("POST", f"/api/v1/campaigns/{campaign['id']}/start", {}, expect=200)
        run = db.execute("SELECT id FROM campaign_runs WHERE campaign_id = ?", (campaign["id"],)).fetchone()[0]
        content = db.execute("SELECT id FROM content WHERE slug = 'xianfa-xiaoguo'").fetchone()[0]
        reached = [r[0] for r in db.execute("SELECT profile_id FROM deliveries WHERE run_id = ? ORDER BY profile_id", (run,))]
        held = [r[0] for r in db.execute("SELECT profile_id FROM campaign_holdouts WHERE run_id = ? ORDER BY profile_id", (run,))]
        assert len(reached) >= 2 and len(held) >= 2
        read_at = int(time.time() * 1000) + 1000
        for p in reached:
            # Read (as the page reports it), then 2 more right of 10 the next day.
            db.execute("INSERT INTO profile_reads (profile_id, content_id, seconds, first_at, last_at, finished_at) VALUES (?, ?, 90, ?, ?, ?)",
                       (p, content, read_at, read_at, read_at))
            base = db.execute("SELECT correct FROM profile_topic_days WHERE profile_id = ?", (p,)).fetchone()[0]
            db.execute("INSERT INTO profile_topic_days VALUES (?, '宪法', ?, 10, ?)", (p, day(1), base + 2))
        for p in held:
            base = db.execute("SELECT correct FROM profile_topic_days WHERE profile_id = ?", (p,)).fetchone()[0]
            db.execute("INSERT INTO profile_topic_days VALUES (?, '宪法', ?, 10, ?)", (p, day(1), base))
        db.commit()
    finally:
        db.close()
    yield srv, campaign["id"], len(reached), len(held)
    srv.stop()


def shoot(driver, name):
    out = os.environ.get("PUFA_SHOTS")
    if out:
        from screenshots import shoot as save
        Path(out).mkdir(parents=True, exist_ok=True)
        save(driver, Path(out) / name)


def test_the_campaign_page_shows_the_measured_gain(world, driver):
    srv, campaign, reached, held = world
    sign_in_admin(driver, srv.base)
    driver.get(srv.base + f"/admin#/campaigns?view=campaign&id={campaign}")
    visible(driver, "#effect-title")
    readers = text_appears(driver, "#effect-readers", "+20.0")
    assert "95% 置信区间" in readers.text and f"{reached} 人" in readers.text and "阅读前" in readers.text
    holdout = visible(driver, "#effect-holdout")
    assert f"读者 {reached} 人，对照组 {held} 人" in holdout.text and "个百分点" in holdout.text
    assert visible(driver, "#effect-holdout .eff-band") is not None
    assert "样本不足" in visible(driver, "#effect-retention").text
    assert "宪法" in visible(driver, "#effect-points").text
    driver.find_element("css selector", ".eff-how summary").click()
    assert "界日" in visible(driver, ".eff-how p").text
    shoot(driver, "campaign-effect-1280.png")
    # Requiring 10 answers a window still counts everyone (each answered exactly 10) and reloads the figures.
    Select(driver.find_element("css selector", "#effect-minimum")).select_by_value("10")
    text_appears(driver, ".eff-how p", "至少答 10 题")
    assert "+20.0" in visible(driver, "#effect-readers").text
    # In English the figures, the reason and the definitions follow the language.
    driver.find_element("css selector", "#lang-switch").click()
    text_appears(driver, "#effect-retention", "Not enough data")
    assert "no reader has answered 7 or more days" in visible(driver, "#effect-retention").text
    assert "95% CI" in visible(driver, "#effect-readers").text
    assert "Accuracy is per person" in visible(driver, ".eff-how p").text
    shoot(driver, "campaign-effect-en-1280.png")
    driver.find_element("css selector", "#lang-switch").click()


def test_the_effect_panel_fits_a_phone(world, phone):
    srv, campaign, reached, held = world
    sign_in_admin(phone, srv.base)
    phone.get(srv.base + f"/admin#/campaigns?view=campaign&id={campaign}")
    text_appears(phone, "#effect-readers", "+20.0")
    assert no_horizontal_overflow(phone) <= 360
    shoot(phone, "campaign-effect-360.png")


def test_the_dashboard_shows_the_effect_of_a_chosen_piece(world, driver):
    srv, campaign, reached, held = world
    sign_in_admin(driver, srv.base)
    driver.get(srv.base + "/admin#/reach")
    # Nothing chosen: a hint on how to see an effect instead of an empty panel.
    assert "选一个推送" in visible(driver, "#reach-effect").text
    driver.find_element("css selector", "#reach-f-content").send_keys("xianfa-xiaoguo")
    driver.find_element("css selector", "#reach-apply").click()
    # The same readers, over the dashboard's date range; a piece alone has no hold-out to compare with.
    readers = text_appears(driver, "#reach-effect #effect-readers", "+20.0")
    assert f"{reached} 人" in readers.text
    assert "样本不足" in visible(driver, "#reach-effect #effect-holdout").text
    shoot(driver, "reach-effect-piece-1280.png")
