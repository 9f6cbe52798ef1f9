"""The library's flows clicked through in Chromium, on a phone and a laptop: save a paper from a card with the
`s` key, add it to a new collection from its page, add a second one, reorder, open "Cite", and download the
account's data — each checked by what the next page shows."""
import json
import urllib.request

import pytest

from test_browser_flows import wait_for

FIRST, SECOND = "2501.14249", "2406.14347"


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_save_collect_reorder_cite_and_export(browser, browsed_site, device):
    browser.driver.delete_all_cookies()
    browser.emulate(device, "light")
    browser.become(browsed_site, "member")
    title = f"Flow on the {device}"
    browser.open(browsed_site.url + "/papers/date/2025-01-27")
    card = browser.find(f"li.card[id='paper-{FIRST}']")
    browser.script("arguments[0].classList.add('focused')", card)
    if browser.find(f"li.card[id='paper-{FIRST}'] form.save button").get_attribute("aria-pressed") == "true":
        browser.follow(f"li.card[id='paper-{FIRST}'] form.save button")
        browser.script("arguments[0].classList.add('focused')", browser.find(f"li.card[id='paper-{FIRST}']"))
    origin = browser.script("return performance.timeOrigin")
    browser.find("body").send_keys("s")
    wait_for(lambda: browser.script("return document.readyState === 'complete' && performance.timeOrigin !== arguments[0]", origin),
             what="the save to reload the page")
    assert "★ Saved" in browser.text(f"li.card[id='paper-{FIRST}'] form.save button")
    browser.open(browsed_site.url + "/saved")
    assert FIRST in [card.get_attribute("id").removeprefix("paper-") for card in browser.find_all("li.card")]

    for paper in (FIRST, SECOND):
        browser.open(browsed_site.url + f"/papers/{paper}")
        browser.find("details.add-to-collection summary").click()
        if paper == FIRST:
            browser.find("details.add-to-collection form.stack input[name=title]").send_keys(title)
            browser.follow("details.add-to-collection form.stack button")
        else:
            options = [option.text for option in browser.find_all("details.add-to-collection select[name=collection] option")]
            assert title in options
            browser.script("""const select = document.querySelector("details.add-to-collection select[name=collection]");
                              select.value = [...select.options].find(o => o.text === arguments[0]).value;""", title)
            browser.follow("details.add-to-collection form.inline button")
    assert browser.text("h1") == title
    order = lambda: [card.get_attribute("id") for card in browser.find_all("li.card")]
    assert order() == [f"paper-{FIRST}", f"paper-{SECOND}"]
    browser.follow(f"li.card[id='paper-{SECOND}'] .item-tools form button[aria-label='Move up']")
    assert order() == [f"paper-{SECOND}", f"paper-{FIRST}"]
    assert not browser.check_page(f"library-flow-{device}"), "the collection page passes the page checks"

    browser.open(browsed_site.url + f"/papers/{FIRST}")
    browser.find("details.cite summary").click()
    assert browser.find("details.cite pre").is_displayed() and "@misc{" in browser.text("details.cite pre")
    bib = browser.find("details.cite a[href$='.bib']").get_attribute("href")
    assert urllib.request.urlopen(bib).read().decode().startswith("@misc{")

    browser.open(browsed_site.url + "/settings")
    link = browser.find("a[href='/settings/export.json']")
    assert link.is_displayed()
    archive = json.loads(fetch_as(browser, link.get_attribute("href")))
    assert title in [collection["title"] for collection in archive["collections"]]
    assert FIRST in [saved["paperId"] for saved in archive["savedPapers"]]


def fetch_as(browser, url):
    """The body of `url` fetched by the page itself, with the member's cookie."""
    return browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", url)
