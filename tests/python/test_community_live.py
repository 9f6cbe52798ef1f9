"""The community flow against a real server, over real HTTP, with real mail: sign up, confirm the address from the
mail the SMTP test server received, log in, vote, submit a paper fetched from a local arXiv stand-in, comment,
then moderate as the admin `dailypapers user create --admin` made."""
import datetime
import http.cookiejar
import http.server
import json
import os
import re
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import subprocess

import pytest
from conftest import API_FIXTURES, BINARY, SHARED_DATA, SITE_NOW, RunningServer, free_port

ARXIV_RECORDING = SHARED_DATA / "fixtures" / "arxiv-api" / "query-all-science-max10.atom.xml"
SUBMITTED_ID = "2611.04242"


class RecordedArxiv(http.server.ThreadingHTTPServer):
    """Serves the recorded arXiv answer, re-dated to yesterday and re-numbered, for the one id the test submits."""

    def __init__(self, now=None):
        super().__init__(("127.0.0.1", free_port()), ArxivHandler)
        now = now or SITE_NOW
        yesterday = (now - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        feed = ARXIV_RECORDING.read_text()
        entry = feed[feed.index("<entry>"):feed.index("</entry>") + len("</entry>")]
        entry = entry.replace("1501.05039", SUBMITTED_ID).replace("2015-01-21T02:41:55Z", yesterday)
        self.feed = feed[:feed.index("<entry>")] + entry + "\n</feed>\n"
        self.requests = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/api/query"


class ArxivHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        self.server.requests.append((query.get("id_list", [""])[0], self.headers.get("User-Agent", "")))
        body = self.server.feed if query.get("id_list") == [SUBMITTED_ID] else '<feed xmlns="http://www.w3.org/2005/Atom"></feed>'
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *arguments):
        pass


class Browser:
    """A cookie-keeping HTTP client that reads CSRF tokens from the pages it gets, as a browser's forms carry them."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.csrf = None

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=15) as response:
                status, text, response_headers = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            status, text, response_headers = error.code, error.read().decode(), error.headers
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', text)
        if token:
            self.csrf = token.group(1)
        return status, text, response_headers

    def get(self, path):
        return self.request(path)

    def post(self, path, fields, headers=None):
        return self.request(path, {"csrf": self.csrf or "", **fields}, headers)

    def cookie(self, name):
        return next((cookie for cookie in self.jar if cookie.name == name), None)

    def log_in(self, login, password):
        self.get("/login")
        return self.post("/login", {"login": login, "password": password})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


@pytest.fixture()
def community_server(mail_sink):
    arxiv = RecordedArxiv()
    folder = tempfile.mkdtemp(prefix="dailypapers-community-")
    database = os.path.join(folder, "community.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    environment = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{mail_sink.port}", "MAIL_FROM": "Daily Papers <papers@example.org>",
                   "ARXIV_API_URL": arxiv.url}
    server = RunningServer(database, environment)
    server.arxiv = arxiv
    yield server
    server.stop()
    arxiv.shutdown()


def test_sign_up_verify_vote_submit_comment_moderate(community_server, mail_sink):
    server = community_server
    server.environment["DAILYPAPERS_PASSWORD"] = "root-password-1"
    result = server.run("user", "create", "root", "--email", "root@example.org", "--admin")
    assert "Created admin root" in result.stdout

    # Sign up: no session until the address is confirmed (a taken address gets this same page).
    alice = Browser(server.url)
    alice.get("/signup")
    status, page, headers = alice.post("/signup", {"username": "alice", "email": "alice@example.org", "password": "alice-password-1"})
    assert status == 200 and "Welcome, alice!" in page
    assert not any(value.startswith("dp_session=") for value in headers.get_all("Set-Cookie") or [])

    # The verification mail reaches the SMTP server; its link confirms the address once.
    [mail] = mail_sink.wait_for("alice@example.org")
    assert mail["message"]["Subject"] == "Confirm your DailyPapers address"
    link = re.search(r"(http://127\.0\.0\.1:\d+/verify-email\?token=[0-9a-f]{64})", mail["message"].get_content()).group(1)
    path = link[len(server.url):]
    status, page, _ = alice.get(path)
    assert status == 200 and "Confirm your address" in page
    token = path.split("token=")[1]
    status, page, _ = alice.post("/verify-email", {"token": token})
    assert status == 200 and "is confirmed for alice" in page

    # Log in in a fresh browser: the session cookie is HttpOnly and SameSite=Lax. Vote on the latest day's top paper
    # through the page's form, as its script does.
    alice = Browser(server.url)
    status, _, headers = alice.log_in("alice", "alice-password-1")
    assert status == 302
    session_header = next(value for value in headers.get_all("Set-Cookie") if value.startswith("dp_session="))
    assert "HttpOnly" in session_header and "SameSite=Lax" in session_header
    status, feed, _ = alice.get("/")
    paper_path = re.search(r'<form class="vote" method="post" action="(/papers/[^"]+)/upvote" data-paper="[^"]+">', feed).group(1)
    before = json.loads(urllib.request.urlopen(server.url + "/api" + paper_path).read())["upvotes"]
    status, answer, _ = alice.post(paper_path + "/upvote", {"upvoted": "1"}, {"Accept": "application/json"})
    assert status == 200 and json.loads(answer) == {"upvotes": before + 1, "upvoted": True}
    status, answer, _ = alice.post(paper_path + "/upvote", {"upvoted": "1"}, {"Accept": "application/json"})
    assert json.loads(answer)["upvotes"] == before + 1, "a second upvote by the same member counts nothing"

    # Submit a paper by its arXiv URL: fetched from the arXiv stand-in, featured today.
    alice.get("/papers/submit")
    status, _, headers = alice.post("/papers/submit", {"paper": f"https://arxiv.org/abs/{SUBMITTED_ID}v1"})
    assert status == 302 and headers["Location"] == f"/papers/{SUBMITTED_ID}"
    assert server.arxiv.requests and server.arxiv.requests[0][0] == SUBMITTED_ID and server.arxiv.requests[0][1].startswith("DailyPapers/")
    status, page, _ = alice.get(f"/papers/{SUBMITTED_ID}")
    assert "Defining Data Science" in page and '<a href="/users/alice">alice</a>' in page
    today = SITE_NOW.strftime("%Y-%m-%d")
    daily = json.loads(urllib.request.urlopen(f"{server.url}/api/daily_papers?date={today}").read())
    assert [item["paper"]["id"] for item in daily] == [SUBMITTED_ID]
    status, page, _ = alice.post("/papers/submit", {"paper": SUBMITTED_ID})
    assert status == 409 and "a paper is featured once" in page

    # Comment, and see the count on the card.
    status, _, headers = alice.post(f"/papers/{SUBMITTED_ID}/comments", {"body": "A *clear* definition. <script>x</script>"})
    assert status == 302
    comment_id = headers["Location"].rsplit("-", 1)[1]
    page = urllib.request.urlopen(f"{server.url}/papers/{SUBMITTED_ID}").read().decode()
    assert "A <em>clear</em> definition. &lt;script&gt;x&lt;/script&gt;" in page
    assert "1 comment" in urllib.request.urlopen(f"{server.url}/papers/date/{today}").read().decode()

    # An API token, created on the settings page, votes through the write API.
    alice.get("/settings")
    status, page, _ = alice.post("/settings/tokens", {"name": "script"})
    api_token = re.search(r"dp_[0-9a-f]{64}", page).group(0)
    request = urllib.request.Request(f"{server.url}/api/papers/{SUBMITTED_ID}/upvote", method="POST", headers={"Authorization": f"Bearer {api_token}"})
    assert json.loads(urllib.request.urlopen(request).read()) == {"upvotes": 1, "upvoted": True}
    assert json.loads(urllib.request.urlopen(f"{server.url}/api/papers/{SUBMITTED_ID}").read())["upvotes"] == 1

    # The admin hides the comment as spam, hides the paper, bans alice; the log shows all three.
    root = Browser(server.url)
    assert root.log_in("root", "root-password-1")[0] == 302
    root.get(f"/papers/{SUBMITTED_ID}")
    assert root.post(f"/comments/{comment_id}/hide", {"reason": "spam"})[0] == 302
    page = urllib.request.urlopen(f"{server.url}/papers/{SUBMITTED_ID}").read().decode()
    assert "hidden by a moderator (spam)" in page and "clear" not in page
    assert root.post(f"/papers/{SUBMITTED_ID}/hide", {"reason": "off-topic"})[0] == 302
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{server.url}/papers/{SUBMITTED_ID}")
    assert missing.value.code == 404
    assert json.loads(urllib.request.urlopen(f"{server.url}/api/daily_papers?date={today}").read()) == []
    root.get("/users/alice")
    assert root.post("/users/alice/ban", {})[0] == 302
    assert alice.get("/settings")[0] == 302, "a banned member's session ends"
    page = urllib.request.urlopen(f"{server.url}/moderation").read().decode()
    for text in ["hide-comment", "hide-paper", "off-topic", "ban-user", "alice"]:
        assert text in page


def test_login_is_rate_limited_with_headers(mail_sink):
    folder = tempfile.mkdtemp(prefix="dailypapers-limits-")
    database = os.path.join(folder, "limits.sqlite")
    server = RunningServer(database, {**os.environ, "RATE_LIMITS": "login=3"})
    try:
        browser = Browser(server.url)
        browser.get("/login")
        statuses = [browser.post("/login", {"login": "nobody", "password": "wrong-password"})[0] for _ in range(3)]
        assert statuses == [401, 401, 401]
        status, page, headers = browser.post("/login", {"login": "nobody", "password": "wrong-password"})
        assert status == 429 and "Too many requests" in page
        assert headers["RateLimit-Policy"] == "3;w=300" and headers["RateLimit"].startswith("limit=3, remaining=0, reset=")
        assert int(headers["Retry-After"]) <= 300
    finally:
        server.stop()


def test_user_command_creates_members_and_sets_roles():
    database = os.path.join(tempfile.mkdtemp(prefix="dailypapers-users-"), "users.sqlite")

    def run(*arguments, password=None, stdin=None):
        environment = {**os.environ, "BCRYPT_COST": "4"}
        environment.pop("DAILYPAPERS_PASSWORD", None)
        if password:
            environment["DAILYPAPERS_PASSWORD"] = password
        return subprocess.run([BINARY, "user", *arguments, "--database", database], env=environment, input=stdin,
                              capture_output=True, text=True)

    created = run("create", "Ada", "--email", "ada@example.org", "--admin", password="ada-password-1")
    assert created.returncode == 0 and created.stdout.strip() == "Created admin Ada <ada@example.org>."
    from_stdin = run("create", "bob", "--email", "bob@example.org", stdin="bob-password-1\n")
    assert from_stdin.returncode == 0 and "Created user bob" in from_stdin.stdout
    duplicate = run("create", "ADA", "--email", "other@example.org", password="ada-password-2")
    assert duplicate.returncode != 0 and "The username 'ADA' is taken." in duplicate.stderr
    weak = run("create", "carl", "--email", "carl@example.org", password="short")
    assert weak.returncode != 0 and "8 to 72 bytes" in weak.stderr
    no_password = run("create", "dora", "--email", "dora@example.org", stdin="")
    assert no_password.returncode != 0 and "No password" in no_password.stderr
    both = run("create", "erin", "--email", "erin@example.org", "--admin", "--moderator", password="erin-password-1")
    assert both.returncode != 0 and "not both" in both.stderr

    promoted = run("set-role", "bob", "moderator")
    assert promoted.returncode == 0 and promoted.stdout.strip() == "bob is now moderator."
    assert run("set-role", "bob", "king").returncode != 0
    assert "There is no member called nobody" in run("set-role", "nobody", "admin").stderr
    import sqlite3
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT username, role, email_verified_at IS NOT NULL, password_hash LIKE '$2b$04$%' FROM users ORDER BY id").fetchall()
    assert rows == [("Ada", "admin", 1, 1), ("bob", "moderator", 1, 1)]
