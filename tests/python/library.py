"""What the library tests share: members made by the command line, signed in through the login form, with an API
token made on the settings page."""
import re

from test_community_live import Browser

PASSWORD = "library-password-1"


def create_members(server, *names):
    """Members `names` with confirmed addresses and `PASSWORD`, on `server`'s database."""
    for name in names:
        server.run("user", "create", name, "--email", f"{name}@example.org")


def signed_in(url, name):
    """A form-filling client signed in as `name`."""
    browser = Browser(url)
    assert browser.log_in(name, PASSWORD)[0] == 302
    browser.get("/")
    return browser


def api_token(browser):
    """A new API token of the signed-in member, from the settings page."""
    browser.get("/settings")
    _, page, _ = browser.post("/settings/tokens", {"name": "hub"})
    return re.search(r"dp_[0-9a-f]{64}", page).group(0)
