"""Every kind of page in a real Chromium, at 1366×900 and on a 390×844 phone, light and dark: no sideways overflow,
no console errors or failed requests, no serious or critical axe violation; screenshots kept in test-artifacts/."""
import pytest

from browser import DEVICES

HUMANITYS_LAST_EXAM = "2501.14249"
# (name, path, who looks at it): the page kinds of the issue, on the real papers' hardest cases.
PAGES = [
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
    ("collection", "{collection}", "visitor"),
    ("collection-owner", "{collection}", "member"),
    ("reading-list", "/saved", "member"),
    ("reading-list-search", "/saved?q=language+models&state=unread", "member"),
]


@pytest.fixture(scope="session")
def library(browsed_site):
    """root's library on the browsed site: a collection of real papers with notes (one with 664 authors), and a
    reading list with one paper read and one annotated."""
    from test_community_live import Browser as Forms

    root = Forms(browsed_site.url)
    assert root.log_in("root", "root-password-1")[0] == 302
    root.get(f"/papers/{HUMANITYS_LAST_EXAM}")
    papers = [HUMANITYS_LAST_EXAM, "2406.14347", "2405.15738"]
    status, _, headers = root.post("/collections", {"paper": papers[0], "title": "Benchmarks worth a close read",
                                                     "description": "Evaluations we discuss on Fridays"})
    assert status == 302
    slug = headers["Location"][len("/collections/"):]
    for paper in papers[1:]:
        root.post("/collections", {"paper": paper, "collection": slug, "note": "Compare with the table in section 4."})
    for paper in papers:
        root.post(f"/papers/{paper}/save", {"saved": "1"})
    root.post(f"/papers/{papers[0]}/read", {"read": "1"})
    root.post(f"/papers/{papers[1]}/note", {"note": "Reproduce the 664-author figure?"})
    return {"collection": f"/collections/{slug}"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(DEVICES))
@pytest.mark.parametrize("name,path,who", PAGES, ids=[page[0] for page in PAGES])
def test_page_in_the_browser(browser, browsed_site, library, name, path, who, device, scheme):
    path = path.format(**library)
    browser.become(browsed_site, who)
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


# The pages that follow arXiv's calendar, on a day it announces, a quiet day and a holiday.
CALENDAR_PAGES = [("daily", "/"), ("new", "/papers/new")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(DEVICES))
@pytest.mark.parametrize("day", ["announcing", "quiet", "holiday"])
@pytest.mark.parametrize("name,path", CALENDAR_PAGES, ids=[page[0] for page in CALENDAR_PAGES])
def test_calendar_page_in_the_browser(browser, calendar_sites, name, path, day, device, scheme):
    site = calendar_sites[day]
    browser.become(site, "visitor")
    browser.emulate(device, scheme)
    browser.open(site.url + path)
    quiet = browser.find_all(".quiet-day")
    assert len(quiet) == (0 if day == "announcing" else 1), f"{name} on the {day} day"
    if quiet:
        assert quiet[0].text.strip(), "the notice shows its words on this screen"
    problems = browser.check_page(f"{name}-{day}")
    assert not problems, "\n".join(problems)
