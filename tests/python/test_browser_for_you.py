"""Following and "For you" clicked through in Chromium, on a phone and a laptop, light and dark: follow an
organization from a card's Follow button, open the For you tab, read each card's reason, mark one "Not interested",
and see the page pass the page checks (no sideways overflow, no console error, no serious axe violation)."""
import pytest


@pytest.mark.parametrize("device,scheme", [("phone", "light"), ("desktop", "dark"), ("phone", "dark"), ("desktop", "light")])
def test_follow_from_a_card_read_the_reasons_and_dismiss(browser, browsed_site, device, scheme):
    browser.driver.delete_all_cookies()
    browser.emulate(device, scheme)
    browser.become(browsed_site, "member")
    browser.open(browsed_site.url + "/")
    card = next(c for c in browser.find_all("li.card") if c.find_elements("css selector", "form.follow.compact"))
    organization = card.find_element("css selector", "form.follow.compact input[name=value]").get_attribute("value")
    pressed = card.find_element("css selector", "form.follow.compact button").get_attribute("aria-pressed")
    if pressed == "false":
        browser.follow(f"li.card[id='{card.get_attribute('id')}'] form.follow.compact button")
    button = browser.find(f"li.card form.follow.compact input[value='{organization}'] ~ button")
    assert button.get_attribute("aria-pressed") == "true" and "Following" in button.text
    tab = browser.find("nav.tabs a[href='/for-you']")
    assert tab.text == "For you"
    browser.follow("nav.tabs a[href='/for-you']")
    assert browser.find("nav.tabs a[aria-current=page]").text == "For you"
    reasons = [r.text for r in browser.find_all("li.card p.reason")]
    assert reasons and all(r.startswith("Why: ") for r in reasons)
    followed = [r for r in reasons if r.startswith("Why: you follow ")]
    assert followed, f"a card of the organization followed says so: {reasons[:5]}"
    assert not browser.check_page("for-you"), "the For you page passes the page checks"
    # The last card: the followed organization's papers stay for the next device and scheme.
    last = browser.find_all("li.card")[-1].get_attribute("id")
    browser.follow(f"li.card[id='{last}'] form.dismiss button")
    assert last not in [c.get_attribute("id") for c in browser.find_all("li.card")], "a dismissed paper leaves the list"
    browser.open(browsed_site.url + "/following")
    assert organization in browser.text("main")
    assert not browser.check_page("following"), "the following page passes the page checks"
