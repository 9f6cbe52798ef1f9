"""What the issue measured by hand, measured by the browser: header and touch-target sizes on a phone, cards that
keep their vote box beside the title, a one-row desktop header, borders a person can see in the dark, no search box
that grabs the phone's keyboard, and no link on the front page that leads nowhere."""
import re
import urllib.error
import urllib.request

import pytest



def luminance(rgb):
    channels = []
    for value in rgb:
        value /= 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(first, second):
    a, b = sorted([luminance(first), luminance(second)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def rgb(css):
    return tuple(int(part) for part in re.findall(r"\d+", css)[:3])


def box(browser, selector):
    return browser.script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                          "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};", selector)


@pytest.mark.parametrize("day", ["announcing", "quiet", "holiday"])
def test_a_phone_sees_papers_not_chrome(browser, calendar_sites, day):
    site = calendar_sites[day]
    browser.become(site, "visitor")
    browser.emulate("phone", "light")
    browser.open(site.url + "/")
    notices = browser.find_all(".quiet-day")
    assert len(notices) == (0 if day == "announcing" else 1), "the front page says when arXiv is quiet, and only then"
    if notices:
        assert notices[0].size["height"] <= 30, f"the notice takes one line on a phone: {notices[0].text!r}"
        assert "20:00 ET" in notices[0].text
    header = box(browser, "header.site")
    assert header["height"] <= 110, f"the header takes {header['height']} px of an 844 px screen"
    heights = browser.script("return [...document.querySelectorAll('header a, header summary')]"
                             ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44, f"touch targets of {min(heights)} px (44 px is the minimum)"
    votes, title = box(browser, ".card .votes"), box(browser, ".card h2")
    assert votes["right"] <= title["left"] and votes["top"] < title["bottom"], "the vote box sits beside the title"
    tops = browser.script("return [...document.querySelectorAll('.card')].map(c => c.getBoundingClientRect().top)")
    assert sum(1 for top in tops if top < 844) >= 3, f"cards starting on the first screen: {tops[:4]}"


def test_the_desktop_header_is_one_row_for_a_member(browser, browsed_site):
    browser.become(browsed_site, "member")
    browser.emulate("desktop", "light")
    browser.open(browsed_site.url + "/")
    assert box(browser, "header.site")["height"] <= 70, "brand, tabs, search and account fit one row at 1366 px"
    assert box(browser, "nav.account")["top"] < 30


def test_the_search_page_leaves_the_keyboard_down_and_folds_its_filters(browser, browsed_site):
    browser.become(browsed_site, "visitor")
    browser.emulate("phone", "light")
    browser.open(browsed_site.url + "/papers/search?q=diffusion")
    assert browser.script("return document.activeElement === document.body"), "nothing takes the focus on load"
    assert browser.script("return document.querySelector('details.filter-panel').open") is False
    assert box(browser, ".card")["top"] < 844, "the first result is on the first screen"
    browser.open(browsed_site.url + "/papers/search?q=diffusion&sort=date")
    assert browser.script("return document.querySelector('details.filter-panel').open") is True, "a filter in use shows"


def test_borders_are_visible_in_the_dark(browser, browsed_site):
    browser.become(browsed_site, "visitor")
    browser.emulate("desktop", "dark")
    browser.open(browsed_site.url + "/")
    background = rgb(browser.script("return getComputedStyle(document.body).backgroundColor"))
    style = "const s = getComputedStyle(document.querySelector(arguments[0]));" \
            "return {backgroundColor: s.backgroundColor, borderTopColor: s.borderTopColor};"
    card = browser.script(style, ".card")
    field = browser.script(style, "form.subscribe input")
    card_background = rgb(card["backgroundColor"])
    assert contrast(rgb(card["borderTopColor"]), background) >= 3
    assert contrast(rgb(card["borderTopColor"]), card_background) >= 3
    assert contrast(rgb(field["borderTopColor"]), card_background) >= 3, "an input's edge is 3:1 at least"


def test_every_member_link_on_the_front_page_leads_somewhere(browser, browsed_site):
    browser.become(browsed_site, "visitor")
    browser.emulate("desktop", "light")
    browser.open(browsed_site.url + "/")
    links = set(browser.script("return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
    local = sorted(link for link in links if link.startswith("/users/") or link.startswith("/papers/2"))
    assert len(local) > 10
    for link in local:
        try:
            with urllib.request.urlopen(browsed_site.url + link, timeout=10) as answer:
                assert answer.status == 200, link
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{link} answers {error.code}") from error


def test_long_author_lists_fold_and_unfold(browser, browsed_site):
    browser.become(browsed_site, "visitor")
    browser.emulate("phone", "light")
    browser.open(browsed_site.url + "/papers/2501.14249")
    assert browser.text("details.more-authors summary") == "+652 more"
    assert box(browser, "article.paper > h2")["top"] < 1200, "the abstract starts near the top"
    browser.find("details.more-authors summary").click()
    assert len(browser.find_all(".authors a")) == 664
    assert "$" not in browser.text("h1")
    browser.open(browsed_site.url + "/papers/2406.14347")
    assert browser.text("h1").startswith("∇²DFT"), browser.text("h1")
