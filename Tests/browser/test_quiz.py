"""The residents' prize quiz (/quiz), played on a phone inside WeChat without an account: the open round with its
prizes and published draw rules, one question at a time with the verdict, the explanation and the article of law
after each answer, a reload that resumes where it was, the draw form (nickname, phone, town/village) with its
errors, the shareable result card, the leaderboard by region, and the portal's card pointing at the open round.

Staff set the round up through the API. A round with prizes must be published before it opens and the server's
clock is real here, so the module's round opens a few seconds after it is published."""
import datetime
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from pufa_browser import Api, admin_api, text_appears, visible, wait, no_horizontal_overflow

# Stems the resident sees; the key per stem, as the page is asked to answer it.
BANK = """\
bank: 有奖竞答测试题库{u}
law: 中华人民共和国宪法
questions:
  - id: qz{u}-1
    type: judge
    stem: 宪法是国家的根本法，具有最高的法律效力。（{u}）
    answer: true
    explanation: 宪法规定国家的根本制度和根本任务，是国家的根本法，具有最高的法律效力。
    basis: 《中华人民共和国宪法》序言
    quote: 本宪法以法律的形式确认了中国各族人民奋斗的成果，规定了国家的根本制度和根本任务，是国家的根本法，具有最高的法律效力。
  - id: qz{u}-2
    type: single
    stem: 国家宪法日是每年的哪一天？（{u}）
    options: [3月15日, 12月4日, 10月1日]
    answer: B
    explanation: 2014年全国人大常委会决定将12月4日设立为国家宪法日。
    basis: 全国人民代表大会常务委员会关于设立国家宪法日的决定
    quote: 将12月4日设立为国家宪法日。国家通过多种形式开展宪法宣传教育活动。
  - id: qz{u}-3
    type: multiple
    stem: 下列哪些属于公民的基本权利？（{u}）
    options: [选举权和被选举权, 言论自由, 受教育的权利]
    answer: ABC
    explanation: 三项都是宪法第二章规定的公民基本权利。
    basis: 《中华人民共和国宪法》第三十四条、第三十五条、第四十六条
    quote: 中华人民共和国公民有言论、出版、集会、结社、游行、示威的自由。
  - id: qz{u}-4
    type: blank
    stem: 中华人民共和国的一切权力属于____。（{u}）
    answer: [[人民]]
    explanation: 宪法第二条规定，中华人民共和国的一切权力属于人民。
    basis: 《中华人民共和国宪法》第二条
    quote: 中华人民共和国的一切权力属于人民。
"""
RIGHT = {"judge": "right", "single": 1, "multiple": [0, 1, 2], "blank": "人民"}


def iso(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def import_bank(admin, u):
    """Imports the four-question bank; returns the question ids in bank order."""
    req = admin.call("GET", "/api/v1/session")  # keeps the csrf cookie fresh
    assert req is not None
    data = BANK.format(u=u).encode()
    import urllib.request
    r = urllib.request.Request(admin.base + "/api/v1/questions/import?filename=b.yaml", data=data, method="POST")
    r.add_header("Content-Type", "application/octet-stream")
    r.add_header("X-CSRF-Token", admin.csrf())
    with admin.opener.open(r, timeout=10) as resp:
        import json
        report = json.loads(resp.read())
    ids = [item["questionId"] for item in report["items"]]
    assert len(ids) == 4 and all(ids), report
    return ids


def create_round(admin, ids, title, prizes=True, opens_in=2.5, seconds=None, threshold=100):
    """Creates and publishes a round; a round with prizes opens `opens_in` seconds after publishing."""
    now = datetime.datetime.now(datetime.timezone.utc)
    opens = now + datetime.timedelta(seconds=opens_in) if prizes else now - datetime.timedelta(minutes=1)
    body = {
        "title": title, "topic": "宪法", "intro": "学习宪法知识，答题赢取普法读本。每题答完即可看到解析和法律依据。",
        "opensAt": iso(opens), "closesAt": iso(now + datetime.timedelta(hours=3)),
        "questionIds": ids, "questionsPerEntry": len(ids), "entriesPerDay": 5, "entriesPerRound": 20,
        "drawThresholdPercent": threshold, "readMoreTitle": "宪法全文", "readMoreURL": "/",
    }
    if seconds:
        body["secondsPerQuestion"] = seconds
    if prizes:
        body["prizes"] = [{"name": "普法读本", "count": 10}, {"name": "定制帆布袋", "count": 20}]
        body["publicSeed"] = {"name": "中国福利彩票 双色球", "issue": "2099001",
                              "drawDate": (now + datetime.timedelta(days=2)).strftime("%Y-%m-%d"),
                              "howRead": "6 个红球号码和 1 个蓝球号码，按开奖顺序排列"}
    rnd = admin.call("POST", "/api/v1/quiz-rounds", body, expect=201)
    admin.call("POST", f"/api/v1/quiz-rounds/{rnd['id']}/publish", expect=200)
    rnd["opens"] = opens
    return rnd


def wait_open(rnd):
    left = (rnd["opens"] - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    if left > 0:
        time.sleep(left + 0.3)


def make_regions(admin, u):
    county = admin.create_region(f"平安县{u}", "county")
    town = admin.create_region(f"城关镇{u}", "town", parent=county["id"])
    village = admin.create_region(f"东村{u}", "village", parent=town["id"])
    admin.create_region(f"西村{u}", "village", parent=town["id"])
    other = admin.create_region(f"河口乡{u}", "town", parent=county["id"])
    return {"county": county, "town": town, "village": village, "other": other}


@pytest.fixture(scope="module")
def quiz(server):
    """One open round with prizes (4 questions: judge, single, multiple, blank) and a county > town > village tree."""
    admin = admin_api(server)
    u = uuid.uuid4().hex[:4]
    ids = import_bank(admin, u)
    regions = make_regions(admin, u)
    rnd = create_round(admin, ids, f"宪法宣传周有奖竞答{u}")
    wait_open(rnd)
    return {"admin": admin, "round": rnd, "ids": ids, "regions": regions, "u": u}


def api_entry(server, rnd, finish=None, pause=0):
    """Plays a whole entry through the API (another resident); finish = dict of nickname/phone/regionId."""
    api = Api(server)
    entry = api.call("POST", f"/api/v1/quiz/rounds/{rnd['id']}/entries", {"deviceId": uuid.uuid4().hex}, expect=201)
    for q in entry["questions"]:
        key = RIGHT[q["type"]]
        response = ({"judge": True} if q["type"] == "judge" else {"blanks": [key]} if q["type"] == "blank"
                    else {"choice": key if isinstance(key, list) else [key]})
        if pause:
            time.sleep(pause)
        api.call("PUT", f"/api/v1/quiz/entries/{entry['entryId']}/answers/{q['slot']}",
                 {"token": entry["token"], "response": response}, expect=200)
    if finish is not None:
        body = dict(finish, token=entry["token"])
        return api.call("POST", f"/api/v1/quiz/entries/{entry['entryId']}/finish", body)
    return entry
