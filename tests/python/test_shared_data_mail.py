"""Subscriptions and digests end to end: a real SMTP server receives the mail, links are followed on the live server."""
import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

FRIDAY = "2026-08-21"  # The newest recorded day: a Friday, so both the daily and the weekly edition are due.


def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(opener, url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=10) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def subscribe(server, address, frequency="daily", topics=""):
    opener = browser()
    status, page, _ = fetch(opener, f"{server.url}/subscribe?email={urllib.parse.quote(address)}")
    assert status == 200
    token = re.search(r'name="csrf" value="([0-9a-f]{32})"', page).group(1)
    status, page, _ = fetch(opener, f"{server.url}/subscribe", {"csrf": token, "email": address, "frequency": frequency, "topics": topics})
    return opener, status, page


def confirm(server, confirm_url):
    """Opens the confirmation page and presses its button, as a browser does (cookie and CSRF field included)."""
    opener = browser()
    _, page, _ = fetch(opener, confirm_url)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    token = urllib.parse.parse_qs(urllib.parse.urlparse(confirm_url).query)["token"][0]
    status, page, _ = fetch(opener, f"{server.url}/subscribe/confirm", {"token": token, "csrf": csrf})
    return status, page


def link(text, path):
    return re.search(r"(http://127\.0\.0\.1:\d+" + re.escape(path) + r"\?token=[A-Za-z0-9_.-]+)", text).group(1)


def test_double_opt_in_digest_and_one_click_unsubscribe(mail_server, mail_sink):
    address = f"reader-{uuid.uuid4().hex[:8]}@example.org"
    opener, status, page = subscribe(mail_server, address)
    assert status == 200 and "Check your inbox" in page

    [confirmation] = mail_sink.wait_for(address)
    message = confirmation["message"]
    assert message["From"] == "Daily Papers <papers@example.org>"
    assert message["Subject"] == "Confirm your DailyPapers subscription"
    assert message["Message-ID"].startswith("<confirmation.") and message["Date"]
    confirm_url = link(message.get_content(), "/subscribe/confirm")

    # Nothing is sent before confirmation.
    mail_server.run("digest", "send", "--date", FRIDAY)
    assert len(mail_sink.wait_for(address, count=2, timeout=1)) == 1

    status, page, _ = fetch(urllib.request.build_opener(), confirm_url)
    assert status == 200 and "Confirm your subscription" in page, "GET only shows a button: mail scanners prefetch links"
    token = urllib.parse.parse_qs(urllib.parse.urlparse(confirm_url).query)["token"][0]
    status, page, _ = fetch(urllib.request.build_opener(), f"{mail_server.url}/subscribe/confirm", {"token": token})
    assert status == 403, "the confirmation form carries a CSRF token like every form"
    status, page = confirm(mail_server, confirm_url)
    assert status == 200 and "You are subscribed" in page

    result = mail_server.run("digest", "send", "--date", FRIDAY)
    assert "daily:2026-08-21: 10 papers; 1 subscribers: queued 1" in result.stdout
    assert "Sent 1," in result.stdout
    digest = mail_sink.wait_for(address, count=2)[1]["message"]
    assert digest.get_content_type() == "multipart/alternative"
    text, html = digest.get_body(("plain",)), digest.get_body(("html",))
    assert text.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    assert "<script" not in html.get_content() and "@import" not in html.get_content() and "<link" not in html.get_content()
    assert digest["Subject"].startswith("Daily Papers · Aug 21, 2026: ")
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.fullmatch(r"<(http[^>]+)>", digest["List-Unsubscribe"]).group(1)
    assert unsubscribe_url in text.get_content() and unsubscribe_url.replace("&", "&amp;") in html.get_content()

    # Every paper link in the mail works on the running server.
    paper_links = set(re.findall(r"http://127\.0\.0\.1:\d+/papers/[0-9.]+", text.get_content()))
    assert len(paper_links) == 10
    for url in paper_links:
        assert fetch(browser(), url)[0] == 200
    settings_url = link(text.get_content(), "/subscription")
    assert fetch(browser(), settings_url)[0] == 200

    # Running the same day again queues nothing new.
    again = mail_server.run("digest", "send", "--date", FRIDAY)
    assert "queued 0, already queued 1" in again.stdout

    # RFC 8058 one-click: a POST without cookies or CSRF token.
    request = urllib.request.Request(unsubscribe_url, data=b"List-Unsubscribe=One-Click", method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200 and "You are unsubscribed" in response.read().decode()
    assert "daily:2024-10-16: 10 papers; 0 subscribers: queued 0" in mail_server.run("digest", "send", "--date", "2024-10-16").stdout
    assert len(mail_sink.wait_for(address, count=3, timeout=1)) == 2


def test_topics_narrow_the_digest_and_days_without_matches_send_nothing(mail_server, mail_sink, tmp_path):
    matching, nothing = f"topic-{uuid.uuid4().hex[:8]}@example.org", f"none-{uuid.uuid4().hex[:8]}@example.org"
    weekly = f"weekly-{uuid.uuid4().hex[:8]}@example.org"
    subscribers = tmp_path / "subscribers.jsonl"
    subscribers.write_text(
        f'{{"email": "{matching}", "topics": ["reinforcement learning"]}}\n'
        f'{{"email": "{nothing}", "topics": ["aerodynamics of hummingbirds"]}}\n'
        f'{{"email": "{weekly}", "frequency": "weekly"}}\n'
    )
    assert "Added 3 subscribers" in mail_server.run("subscribers", "import", str(subscribers)).stdout
    result = mail_server.run("digest", "send", "--date", FRIDAY)
    assert "no matching papers 1" in result.stdout
    [digest] = mail_sink.wait_for(matching)
    text = digest["message"].get_body(("plain",)).get_content()
    ids = re.findall(r"Read: http://127\.0\.0\.1:\d+/papers/([0-9.]+)", text)
    assert 0 < len(ids) < 10, "only the papers about the topic"
    for paper_id in ids:
        _, body, _ = fetch(browser(), f"{mail_server.url}/api/papers/{paper_id}")
        paper = json.loads(body)
        assert "reinforcement learning" in " ".join([paper["title"], paper["summary"], *(paper.get("ai_keywords") or [])]).lower()
    assert mail_sink.wait_for(nothing, timeout=1) == []
    [weekly_digest] = mail_sink.wait_for(weekly)
    assert weekly_digest["message"]["Subject"].startswith("Daily Papers · Week 34, 2026")
    # A Saturday sends nothing at all.
    assert "No edition is due on 2026-08-22" in mail_server.run("digest", "send", "--date", "2026-08-22").stdout


def test_bad_input_gets_clear_errors_and_changes_nothing(mail_server, mail_sink):
    opener = browser()
    _, page, _ = fetch(opener, f"{mail_server.url}/subscribe")
    token = re.search(r'name="csrf" value="([0-9a-f]{32})"', page).group(1)
    status, page, _ = fetch(opener, f"{mail_server.url}/subscribe", {"csrf": token, "email": "not-an-address", "frequency": "daily"})
    assert status == 400 and "That e-mail address cannot be used: the address needs exactly one @" in page
    address = f"inject-{uuid.uuid4().hex[:8]}@example.org"
    status, page, _ = fetch(opener, f"{mail_server.url}/subscribe", {"csrf": token, "email": address, "topics": "ml\r\nBcc: victim@example.org"})
    assert status == 400 and "line breaks" in page
    status, _, _ = fetch(browser(), f"{mail_server.url}/subscribe", {"csrf": token, "email": address})
    assert status == 403, "a post without the CSRF cookie is refused"
    status, page, _ = fetch(browser(), f"{mail_server.url}/unsubscribe?token=forged.token", {})
    assert status == 400 and "not valid" in page
    status, page, _ = fetch(browser(), f"{mail_server.url}/subscription?token=")
    assert status == 400
    assert mail_sink.wait_for(address, timeout=1) == []
    result = mail_server.run("digest", "send", "--date", "2026-13-01", check=False)
    assert result.returncode != 0 and "--date '2026-13-01' is not a YYYY-MM-DD date" in result.stderr


def forged_free_token(database, purpose, subscriber_id, email):
    """A correctly signed token (made with the instance's own key) for a subscriber that may not exist."""
    import base64
    import hashlib
    import hmac
    import sqlite3

    secret = sqlite3.connect(database).execute("SELECT value FROM settings WHERE key = 'link_signing_key'").fetchone()[0]
    payload = f"{purpose}\n{subscriber_id}\n{email}\n".encode()
    signature = hmac.new(hashlib.sha256(secret.encode()).digest(), payload, hashlib.sha256).digest()
    encode = lambda data: base64.urlsafe_b64encode(data).decode().rstrip("=")
    return f"{encode(payload)}.{encode(signature)}"


def test_unknown_subscribers_get_a_clear_error(mail_server):
    token = forged_free_token(mail_server.database, "manage", 999999, "ghost@example.org")
    status, page, _ = fetch(browser(), f"{mail_server.url}/subscription?token={token}")
    assert status == 404 and "This subscription does not exist any more." in page
    token = forged_free_token(mail_server.database, "unsubscribe", 999999, "ghost@example.org")
    status, page, _ = fetch(browser(), f"{mail_server.url}/unsubscribe?token={token}", {})
    assert status == 404


def test_without_smtp_the_site_says_mail_is_off(server_url):
    status, page, _ = fetch(browser(), f"{server_url}/subscribe")
    assert status == 200 and "Mail is off on this server" in page
    _, home, _ = fetch(browser(), server_url + "/")
    assert "Get trending papers in your email inbox!" not in home, "no dead subscribe box"


def test_the_feed_pages_offer_the_subscribe_box_when_mail_is_on(mail_server):
    _, home, _ = fetch(browser(), mail_server.url + "/")
    assert "Get trending papers in your email inbox!" in home and 'action="/subscribe"' in home


def subscriber_rows(database, address):
    import sqlite3

    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT status, frequency, topics, hard_bounces FROM subscribers WHERE email = ?", (address,)).fetchall()


def test_subscribing_again_updates_and_settings_change_preferences(mail_server, mail_sink):
    address = f"again-{uuid.uuid4().hex[:8]}@example.org"
    subscribe(mail_server, address, frequency="daily")
    subscribe(mail_server, address, frequency="weekly", topics="agents, robotics")
    assert subscriber_rows(mail_server.database, address) == [("pending", "weekly", '["agents","robotics"]', 0)]
    confirmation = mail_sink.wait_for(address, count=2)[-1]["message"]
    confirm(mail_server, link(confirmation.get_content(), "/subscribe/confirm"))
    assert subscriber_rows(mail_server.database, address)[0][0] == "confirmed"

    subscribe(mail_server, address, frequency="daily")
    notice = mail_sink.wait_for(address, count=3)[-1]["message"]
    assert notice["Subject"] == "Your DailyPapers subscription"
    assert subscriber_rows(mail_server.database, address)[0][:2] == ("confirmed", "weekly"), "a stranger cannot change a confirmed subscription"

    settings_url = link(notice.get_content(), "/subscription")
    opener = browser()
    _, page, _ = fetch(opener, settings_url)
    csrf = re.search(r'name="csrf" value="([0-9a-f]{32})"', page).group(1)
    manage = urllib.parse.parse_qs(urllib.parse.urlparse(settings_url).query)["token"][0]
    status, page, _ = fetch(opener, f"{mail_server.url}/subscription", {"csrf": csrf, "token": manage, "frequency": "daily", "topics": "diffusion"})
    assert status == 200 and "Saved." in page
    assert subscriber_rows(mail_server.database, address) == [("confirmed", "daily", '["diffusion"]', 0)]


def test_limit_sends_part_and_hard_bounces_are_counted(mail_server, mail_sink, tmp_path):
    addresses = [f"limit-{uuid.uuid4().hex[:6]}-{n}@example.org" for n in range(3)]
    bouncing = f"bounce-{uuid.uuid4().hex[:8]}@example.org"
    subscribers = tmp_path / "subscribers.jsonl"
    subscribers.write_text("".join(f'{{"email": "{address}"}}\n' for address in addresses + [bouncing]))
    mail_server.run("subscribers", "import", str(subscribers))
    first = mail_server.run("digest", "send", "--date", "2024-10-16", "--limit", "2")
    assert "Sent 2," in first.stdout
    second = mail_server.run("digest", "send", "--date", "2024-10-16")
    assert "Sent 1, deferred 0 (retried later), failed 1." in second.stdout
    assert all(len(mail_sink.wait_for(address)) == 1 for address in addresses)
    assert subscriber_rows(mail_server.database, bouncing)[0][3] == 1
    mail_server.run("digest", "send", "--date", FRIDAY)
    assert subscriber_rows(mail_server.database, bouncing)[0][3] == 2
