"""Every kind of page in a real Chromium, at 1366×900 and on a 390×844 phone, light and dark: no sideways overflow,
no console errors or failed requests, no serious or critical axe violation; screenshots kept in test-artifacts/."""
import pytest

from browser import DEVICES

HUMANITYS_LAST_EXAM = "2501.14249"
# (name, path, who looks at it): the page kinds of the issue, on the real papers' hardest cases.
PAGES = [
    ("daily", "/", "visitor"),
    ("day", "/papers/date/2026-08-18", "visitor"),
    ("week", "/papers/week", "visitor"),
    ("month", "/papers/month", "visitor"),
    ("trending", "/papers/trending", "visitor"),
    ("paper", f"/papers/{HUMANITYS_LAST_EXAM}", "visitor"),
    ("paper-tex", "/papers/2406.14347", "visitor"),
    ("markdown", f"/papers/{HUMANITYS_LAST_EXAM}.md", "visitor"),
    ("search", "/papers/search?q=diffusion+transformer", "visitor"),
    ("organization", "/nvidia", "visitor"),
    ("author", "/authors/Yu%20Zhang", "visitor"),
    ("member", "/users/root", "visitor"),
    ("sign-up", "/signup", "visitor"),
    ("log-in", "/login", "visitor"),
    ("subscribe", "/subscribe", "visitor"),
    ("moderation", "/moderation", "visitor"),
    ("not-found", "/papers/2001.00000", "visitor"),
    ("daily-member", "/", "member"),
    ("settings", "/settings", "member"),
    ("submit", "/papers/submit", "member"),
    ("paper-member", f"/papers/{HUMANITYS_LAST_EXAM}", "member"),
]


def become(browser, site, who):
    """Signs the browser in as the admin, or out, as the page needs."""
    signed_in = browser.driver.get_cookie("dp_session") is not None
    if who == "visitor" and signed_in:
        browser.driver.delete_all_cookies()
    elif who == "member" and not signed_in:
        browser.open(site.url + "/login")
        browser.find("input[name=login]").send_keys("root")
        browser.find("input[name=password]").send_keys("root-password-1")
        browser.find("main form button").click()
        assert browser.driver.get_cookie("dp_session") is not None, "the admin could not log in"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(DEVICES))
@pytest.mark.parametrize("name,path,who", PAGES, ids=[page[0] for page in PAGES])
def test_page_in_the_browser(browser, browsed_site, name, path, who, device, scheme):
    become(browser, browsed_site, who)
    browser.emulate(device, scheme)
    browser.open(browsed_site.url + path)
    problems = browser.check_page(name)
    if name == "not-found":
        # The page itself answers 404, which Chromium reports on the console: that one message is expected.
        problems = [problem for problem in problems if "status of 404" not in problem]
    if name == "markdown":
        # Plain text, shown by Chromium's own viewer: there is no document of ours for axe to judge.
        problems = [problem for problem in problems if ": axe: " not in problem]
    assert not problems, "\n".join(problems)
