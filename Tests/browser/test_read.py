"""The residents' reading pages (/read), read on phones inside WeChat: "我是…" chips remembered on the phone, a search
that reads the bodies too, an article with its legal basis, a wide table that scrolls inside its own box and the
quoted articles of law set apart, a plain "not found" for a piece that is not published yet, the portal's card of
recent pieces, and a body whose raw HTML never reaches the page.

Staff put the pieces in through the API. The shared server also holds the starter material from Content/, so every
piece here carries a unique word and the assertions look for these pieces, not for counts of everything."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pufa_browser import no_horizontal_overflow, text_appears, visible, wait

BASIS = "《中华人民共和国民法典》第一千一百二十七条"
QUOTE = f"> **{BASIS}**　遗产按照下列顺序继承：\n>\n> （一）第一顺序：配偶、子女、父母；\n>\n> （二）第二顺序：兄弟姐妹、祖父母、外祖父母。\n"
WIDE_TABLE = """| 顺序 | 继承人 | 什么时候继承 | 份额 | 要注意的地方 |
|---|---|---|---|---|
| 第一顺序 | 配偶、子女、父母 | 继承开始后首先继承 | 一般均等 | 尽了主要扶养义务的可以多分 |
| 第二顺序 | 兄弟姐妹、祖父母、外祖父母 | 没有第一顺序继承人时 | 一般均等 | 代位继承只限直系晚辈血亲 |
"""


def beijing_today():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()


def put_piece(admin, slug, title, audiences, body, publish=None, topics=None, summary=None):
    """Saves a published piece through the console's API, shown from today (Beijing) unless publish says otherwise."""
    return admin.call("PUT", f"/api/v1/content-admin/{slug}", {
        "title": title, "summary": summary or f"{title}：一句话说清楚要点。", "topics": topics or ["民法典·继承编", "法定继承"],
        "audiences": audiences, "basis": [BASIS], "body": body, "publish": publish or beijing_today()}, expect=201)


def slugs_listed(driver):
    return [li.get_attribute("data-slug") for li in driver.find_elements(By.CSS_SELECTOR, "#read-list > li")]


def wait_listed(driver, present=(), absent=()):
    """Waits until the list shows every slug of present and none of absent."""
    def ok(d):
        shown = set(slugs_listed(d))
        return all(s in shown for s in present) and not any(s in shown for s in absent)
    wait(driver).until(ok)


def test_a_resident_filters_searches_and_reads_a_piece_on_a_phone(phone, server, admin, unique):
    u = unique
    inherit, neighbour, hiring = f"yichan-{u}", f"linli-{u}", f"yonggong-{u}"
    put_piece(admin, inherit, f"遗产怎么分{u}", ["resident", "village_expert"],
              f"## 以案释法\n\n老李的父亲去世，没有留遗嘱，院里种着桂花{u}。\n\n## 一张表看清\n\n{WIDE_TABLE}\n"
              f"同一顺序继承人继承遗产的份额，**一般应当均等**。\n\n## 法条原文\n\n{QUOTE}")
    put_piece(admin, neighbour, f"邻里纠纷怎么办{u}", ["resident"], "## 以案释法\n\n邻居家的树挡了光，可以先找人民调解委员会。")
    put_piece(admin, hiring, f"企业招工要签合同{u}", ["enterprise"], "## 要点\n\n用工之日起一个月内订立书面劳动合同。",
              topics=["劳动合同法·劳动合同的订立", "书面劳动合同"])

    phone.get(server + "/read")
    wait_listed(phone, present=[inherit, neighbour, hiring])
    assert "普法学习" in visible(phone, "#read-home-title").text
    assert no_horizontal_overflow(phone) <= 360

    # 我是企业 — by keyboard: the chips are buttons.
    phone.find_element(By.ID, "read-aud-enterprise").send_keys(Keys.ENTER)
    wait_listed(phone, present=[hiring], absent=[inherit, neighbour])
    assert phone.find_element(By.ID, "read-aud-enterprise").get_attribute("aria-pressed") == "true"
    card = phone.find_element(By.CSS_SELECTOR, f'#read-list > li[data-slug="{hiring}"]')
    assert f"企业招工要签合同{u}" in card.text and "《中华人民共和国民法典》第一千一百二十七条" in card.text

    # The choice is remembered on this phone.
    phone.refresh()
    wait_listed(phone, present=[hiring], absent=[inherit])
    assert visible(phone, "#read-aud-enterprise").get_attribute("aria-pressed") == "true"

    phone.find_element(By.ID, "read-aud-resident").click()
    wait_listed(phone, present=[inherit, neighbour], absent=[hiring])

    # A word that only the body of one piece holds.
    box = phone.find_element(By.ID, "read-q")
    box.send_keys(f"桂花{u}")
    phone.find_element(By.ID, "read-search-go").click()
    text_appears(phone, "#read-count", "找到 1 篇")
    assert slugs_listed(phone) == [inherit]

    phone.find_element(By.ID, f"read-link-{inherit}").click()
    assert visible(phone, "#read-title").text == f"遗产怎么分{u}"
    assert phone.current_url.endswith(f"/read#/{inherit}")
    body = phone.find_element(By.ID, "read-body")
    assert f"桂花{u}" in body.text and body.find_element(By.TAG_NAME, "h2").text == "以案释法"
    assert BASIS in phone.find_element(By.ID, "read-basis").text
    quote = body.find_element(By.CSS_SELECTOR, "blockquote")
    assert quote.find_element(By.CSS_SELECTOR, "strong").text == BASIS
    # The wide table scrolls inside its own box; the page itself never scrolls sideways.
    table = body.find_element(By.CSS_SELECTOR, ".read-table-scroll > table")
    scroller = table.find_element(By.XPATH, "..")
    assert phone.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", scroller)
    assert visible(phone, ".read-table-hint").text
    assert no_horizontal_overflow(phone) <= 360
    assert phone.execute_script("return getComputedStyle(arguments[0]).fontSize", body) in ("18px", "21px")

    # The citation at the top jumps to its quoted text at the end.
    phone.find_element(By.CSS_SELECTOR, "#read-basis .read-basis-link").click()
    wait(phone).until(lambda d: d.execute_script("return document.activeElement === arguments[0]", quote))

    phone.find_element(By.ID, "read-back").click()
    wait_listed(phone, present=[inherit])
    assert phone.find_element(By.ID, "read-q").get_attribute("value") == f"桂花{u}"
    assert phone.current_url.endswith("/read#/") or phone.current_url.endswith("/read")


def test_a_piece_not_yet_published_is_not_listed_and_its_address_says_so(phone, server, admin, unique):
    slug = f"weilai-{unique}"
    put_piece(admin, slug, f"明年才发布的文章{unique}", ["resident"], f"## 要点\n\n尚未公布的内容{unique}。", publish="2099-01-01")

    phone.get(server + "/read")
    visible(phone, "#read-q").send_keys(f"明年才发布的文章{unique}" + Keys.ENTER)
    text_appears(phone, "#read-none", "没有找到相关文章")
    assert slug not in slugs_listed(phone)

    phone.get(server + f"/read#/{slug}")
    missing = visible(phone, "#read-not-found")
    assert "没有找到这篇文章" in missing.text and "还没到发布时间" in missing.text
    assert f"尚未公布的内容{unique}" not in phone.find_element(By.TAG_NAME, "body").text
    # 查看全部文章 leaves the search behind.
    phone.find_element(By.ID, "read-missing-list").click()
    visible(phone, "#read-list")
    assert phone.find_element(By.ID, "read-q").get_attribute("value") == ""


def test_the_portal_card_lists_recent_pieces_and_opens_one(driver, server, admin, unique):
    slug = f"zuixin-{unique}"
    put_piece(admin, slug, f"新上线的普法文章{unique}", ["resident"], "## 要点\n\n有困难可以申请法律援助。")

    driver.get(server + "/")
    link = visible(driver, f'#study-list li[data-slug="{slug}"] a')
    assert link.text == f"新上线的普法文章{unique}"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#study-list li")) <= 4
    assert driver.find_element(By.ID, "study-go").get_attribute("href").endswith("/read")
    link.click()
    text_appears(driver, "#read-title", f"新上线的普法文章{unique}")


def test_raw_html_in_a_body_never_runs_and_never_reaches_the_page(phone, server, admin, unique):
    slug = f"html-{unique}"
    put_piece(admin, slug, f"正文里的原始HTML{unique}", ["resident"],
              "## 要点\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror=\"window.__pwned = 2\">\n\n"
              "<div onclick=\"window.__pwned = 3\">点我</div> [链接](javascript:window.__pwned=4)\n\n正常的段落。")

    phone.get(server + f"/read#/{slug}")
    body = visible(phone, "#read-body")
    assert "正常的段落" in body.text
    assert phone.execute_script("return window.__pwned") is None
    found = phone.execute_script(
        "return document.querySelectorAll('#read-body script, #read-body img, #read-body div, #read-body [onerror], "
        "#read-body [onclick], #read-body a[href^=\"javascript\"]').length")
    assert found == 0
    assert "onerror" not in body.get_attribute("innerHTML")

    # The page's own wall, had the server let something through: parsed inert, rebuilt from a short list.
    rebuilt = phone.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/assets/js/read/article-html.js').then(function (m) {
          const box = document.createElement('div');
          box.appendChild(m.safeBody('<p onclick="x()">a<script>window.__pwned=5<\\/script></p>' +
            '<img src=x onerror="window.__pwned=6"><a href="javascript:alert(1)">b</a><iframe src="/"></iframe>' +
            '<table><tr><td align="right">c</td></tr></table>'));
          setTimeout(function () { done(box.innerHTML); }, 300);
        });""")
    assert "script" not in rebuilt and "onerror" not in rebuilt and "onclick" not in rebuilt
    assert "javascript" not in rebuilt and "iframe" not in rebuilt and "<img" not in rebuilt
    assert 'class="read-table-scroll"' in rebuilt and "text-align: right" in rebuilt
    assert phone.execute_script("return window.__pwned") is None
    # Chrome reports the handlers it met while parsing as blocked by the page's CSP (script-src 'self'): a third
    # wall, and the only thing this test may leave in the console.
    logged = [e["message"] for e in phone.get_log("browser") if e["level"] == "SEVERE"]
    assert all("inline event handler" in m and "has been blocked" in m for m in logged), logged


def test_the_article_reads_in_english_chrome_and_keeps_large_text(phone, server, admin, unique):
    slug = f"yingwen-{unique}"
    put_piece(admin, slug, f"切换语言的文章{unique}", ["resident"], f"## 要点\n\n正文仍是中文。\n\n## 法条原文\n\n{QUOTE}")
    phone.get(server + f"/read#/{slug}")
    visible(phone, "#read-body")
    phone.find_element(By.ID, "read-size-large").click()
    assert phone.execute_script("return getComputedStyle(document.getElementById('read-body')).fontSize") == "21px"
    phone.find_element(By.ID, "lang-switch").click()
    text_appears(phone, "#read-basis", "Legal basis")
    assert "正文仍是中文" in phone.find_element(By.ID, "read-body").text
    assert phone.find_element(By.ID, "read-back").text.endswith("Back to the articles")
    phone.refresh()
    visible(phone, "#read-body")
    assert phone.find_element(By.ID, "read-size-large").get_attribute("aria-pressed") == "true"
    assert no_horizontal_overflow(phone) <= 360


def test_reading_is_counted_for_an_anonymous_reader_without_keeping_their_address(phone, server, admin, unique):
    """Opening, reading and sharing a piece are reach events: the page sends them (every 10 s and as it hides) and
    staff see them counted for that piece — the anonymous reader by a random device id, never by address."""
    slug = f"bt-reach-{unique}"
    put_piece(admin, slug, f"遗产怎么分{unique}", ["resident"], "## 要点\n\n" + "法定继承按顺序进行。" * 12 + "\n\n" + QUOTE)
    phone.get(f"{server}/read?via=share#/{slug}")
    visible(phone, "#read-title")
    phone.execute_script("document.getElementById('read-body').scrollIntoView({block: 'end'}); window.scrollTo(0, document.body.scrollHeight)")
    phone.find_element(By.CSS_SELECTOR, ".read-share button").click()
    # Leaving the page sends what is queued.
    phone.get(f"{server}/read#/")
    visible(phone, "#read-list")
    day = beijing_today()

    def counted(_):
        figures = admin.call("GET", f"/api/v1/reach/ingestion?from={day}&to={day}&content={slug}")
        return figures["counted"] if {"opened", "shared"} <= set(figures["counted"]) else None
    c = wait(phone, 15).until(counted)
    assert c["opened"] == {"events": 1, "personTimes": 1}
    assert c["shared"]["personTimes"] == 1
