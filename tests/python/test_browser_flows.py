"""The flows of the issue, clicked through in Chromium: sign up (and confirm by the mailed link), log out and in,
upvote and take it back (every count on the page moves together), comment and reply, search from the header and
page through results, the previous and next day, the date picker, and subscribing."""
import re
import time

from selenium.webdriver.common.keys import Keys

READER = ("reader1", "reader1@example.org", "reader-password-1")


def wait_for(condition, timeout=10, what="the page to change"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def signed_up_reader(browser, site, mail_sink):
    """The reader's account, made through the sign-up form and confirmed by its mail the first time."""
    username, email, password = READER
    if site.__dict__.get("reader_ready"):
        browser.driver.delete_all_cookies()
        browser.log_in(site, username, password)
        return
    browser.driver.delete_all_cookies()
    browser.emulate("phone", "light")
    browser.open(site.url + "/signup")
    browser.find("input[name=username]").send_keys(username)
    browser.find("input[name=email]").send_keys(email)
    browser.find("input[name=password]").send_keys(password)
    browser.follow("main form button")
    assert browser.text("h1") == f"Welcome, {username}!"
    assert "then log in" in browser.text("main"), "no session before the address is confirmed"
    assert [link.text for link in browser.find_all("nav.account a")] == ["Log in", "Sign up"]
    [mail] = mail_sink.wait_for(email)
    link = re.search(r"(http://127\.0\.0\.1:\d+/verify-email\?token=[0-9a-f]{64})", mail["message"].get_content()).group(1)
    browser.open(link)
    browser.follow("main form button")
    assert "is confirmed" in browser.text("main")
    browser.log_in(site, username, password)
    assert browser.text("details.menu summary") == username, "the header shows the new member"
    site.reader_ready = True


def test_sign_up_confirm_log_out_and_in(browser, browsed_site, mail_sink):
    signed_up_reader(browser, browsed_site, mail_sink)
    browser.find("details.menu summary").click()
    browser.follow("details.menu button")
    assert [link.text for link in browser.find_all("nav.account a")] == ["Log in", "Sign up"]
    browser.log_in(browsed_site, READER[0], READER[2])
    assert browser.text("details.menu summary") == READER[0]


def counts(browser, paper):
    return browser.script("""
        const id = arguments[0];
        const text = selector => [...document.querySelectorAll(selector)].map(e => e.textContent);
        return {total: text(`[data-upvotes="${id}"]`), here: text(`[data-upvotes-here="${id}"]`),
                pressed: document.querySelector(`form.vote[data-paper="${id}"] button`).getAttribute("aria-pressed")};
    """, paper)


def test_upvote_and_take_it_back_moves_every_count(browser, browsed_site, mail_sink):
    signed_up_reader(browser, browsed_site, mail_sink)
    browser.emulate("desktop", "light")
    browser.open(browsed_site.url + "/papers/date/2026-08-20")
    paper = browser.find("form.vote").get_attribute("data-paper")
    browser.open(browsed_site.url + f"/papers/{paper}")
    before = counts(browser, paper)
    total = int(before["total"][0])
    assert before == {"total": [str(total)] * 2, "here": ["0"], "pressed": "false"}, before
    browser.find(f'form.vote[data-paper="{paper}"] button').click()
    after = wait_for(lambda: (lambda c: c if c["pressed"] == "true" else None)(counts(browser, paper)), what="the upvote")
    assert after == {"total": [str(total + 1)] * 2, "here": ["1"], "pressed": "true"}, after
    browser.open(browsed_site.url + f"/papers/{paper}")
    assert counts(browser, paper)["total"] == [str(total + 1)] * 2, "the upvote was stored"
    browser.open(browsed_site.url + "/papers/date/2026-08-20")
    browser.find(f'form.vote[data-paper="{paper}"] button').click()
    back = wait_for(lambda: (lambda c: c if c["pressed"] == "false" else None)(counts(browser, paper)), what="the removal")
    assert back["total"] == [str(total)]
    browser.open(browsed_site.url + f"/papers/{paper}")
    assert counts(browser, paper) == before


def test_comment_and_reply(browser, browsed_site, mail_sink):
    signed_up_reader(browser, browsed_site, mail_sink)
    browser.emulate("phone", "light")
    browser.open(browsed_site.url + "/papers/2501.14249")
    browser.find("#comments textarea[name=body]").send_keys("A *hard* exam.")
    browser.follow("#comments form.stack button")
    assert "hard" in browser.text(".comment .text") and browser.find(".comment .text em").text == "hard"
    assert "1 here" in browser.text("dl.facts")
    browser.find(".comment .actions summary").click()
    browser.find(".comment .actions textarea[aria-label=Reply]").send_keys("Agreed.")
    browser.follow(".comment .actions details[open] button")
    assert browser.text(".comment .replies .text") == "Agreed."
    # Reply, Edit and Delete are one kind of control: the same colour and weight.
    looks = browser.script("""return [...document.querySelectorAll('.comment')][0].querySelectorAll(':scope > .actions > details > summary, :scope > .actions > form button')
        .values().map(e => getComputedStyle(e).color + ' ' + getComputedStyle(e).fontWeight).toArray()""")
    assert len(looks) >= 3 and len(set(looks)) == 1, looks


def test_search_from_the_header_and_page_through(browser, browsed_site):
    browser.become(browsed_site, "visitor")
    browser.emulate("desktop", "light")
    browser.open(browsed_site.url + "/")
    box = browser.find("form.header-search input")
    box.send_keys("diffusion")
    box.send_keys(Keys.ENTER)
    wait_for(lambda: "/papers/search?q=diffusion" in browser.driver.current_url, what="the search page")
    first = browser.text("p.sub")
    assert re.match(r"(Top )?\d+ results · 1–20", first), first
    titles = [element.text for element in browser.find_all(".card h2")]
    browser.follow("a[rel=next]")
    second = browser.text("p.sub")
    assert second.split(" · ")[0] == first.split(" · ")[0] and "21–40" in second, "the total stays the same"
    assert not set(titles) & {element.text for element in browser.find_all(".card h2")}
    browser.open(browsed_site.url + "/papers/search?q=diffusion&p=400")
    assert "past the last one" in browser.text("p.sub")


def test_previous_and_next_day_and_the_date_picker(browser, browsed_site):
    browser.become(browsed_site, "visitor")
    browser.emulate("phone", "dark")
    browser.open(browsed_site.url + "/papers/date/2026-08-18")
    browser.follow("a[rel=prev]")
    assert browser.driver.current_url.endswith("/papers/date/2026-08-17") and browser.text("h1") == "Aug 17, 2026"
    browser.follow("a[rel=next]")
    assert browser.driver.current_url.endswith("/papers/date/2026-08-18") and browser.text("h1") == "Aug 18, 2026"
    picker = browser.find("form.date-picker input[name=date]")
    browser.script("arguments[0].value = '2025-06-02'", picker)
    browser.follow("form.date-picker button")
    wait_for(lambda: browser.driver.current_url.endswith("/papers/date/2025-06-02"), what="the picked day")
    assert browser.text("h1") == "Jun 2, 2025" and browser.find_all(".card")


def test_subscribe_from_the_feed(browser, browsed_site, mail_sink):
    browser.become(browsed_site, "visitor")
    browser.emulate("desktop", "light")
    browser.open(browsed_site.url + "/")
    browser.find("form.subscribe.before-list input[name=email]").send_keys("digest-reader@example.org")
    browser.follow("form.subscribe.before-list button")
    assert browser.find("main input[name=email]").get_attribute("value") == "digest-reader@example.org"
    browser.follow("main form.stack button[type=submit]")
    assert "digest-reader@example.org" in browser.text("main")
    [mail] = mail_sink.wait_for("digest-reader@example.org")
    assert "confirm" in mail["message"]["Subject"].lower()


def test_the_keyboard_moves_upvotes_and_searches(browser, browsed_site, mail_sink):
    signed_up_reader(browser, browsed_site, mail_sink)
    browser.emulate("desktop", "light")
    browser.open(browsed_site.url + "/papers/date/2026-08-19")
    body = browser.find("body")
    body.send_keys("j")
    body.send_keys("j")
    body.send_keys("k")
    body.send_keys("j")
    focused = browser.script("return [...document.querySelectorAll('li.card')].findIndex(c => c.classList.contains('focused'))")
    assert focused == 1, "j, j, k, j leaves the second card current"
    paper = browser.find("li.card.focused form.vote").get_attribute("data-paper")
    before = int(counts(browser, paper)["total"][0])
    browser.driver.switch_to.active_element.send_keys("u")
    wait_for(lambda: counts(browser, paper)["pressed"] == "true", what="the upvote by key")
    assert counts(browser, paper)["total"] == [str(before + 1)]
    browser.driver.switch_to.active_element.send_keys("u")
    wait_for(lambda: counts(browser, paper)["pressed"] == "false", what="the removal by key")
    browser.driver.switch_to.active_element.send_keys("/")
    assert browser.script("return document.activeElement.closest('form.header-search') !== null"), "/ goes to the search box"
    browser.driver.switch_to.active_element.send_keys("jku")
    assert browser.find("form.header-search input").get_attribute("value") == "jku", "keys typed into a field stay there"
