"""Hardening checks against a running server: the real huggingface_hub client and `hf` command line logged in to
huggingface.co (their token is sent to us), connection limits and timeouts, and headers on every answer."""
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import recorded_server

HF_TOKEN = "hf_xRealLookingTokenOfAHuggingFaceUser0123"


def client_environment(server_url):
    return {**os.environ, "HF_ENDPOINT": server_url, "HF_TOKEN": HF_TOKEN, "HF_HUB_DISABLE_TELEMETRY": "1", "NO_COLOR": "1"}


def test_the_client_logged_in_to_huggingface_reads_every_public_list(server_url, fixture_items):
    from huggingface_hub import HfApi

    api = HfApi(endpoint=server_url, token=HF_TOKEN)
    day = "2026-08-21"
    daily = list(api.list_daily_papers(date=day))
    assert [paper.id for paper in daily] and {paper.id for paper in daily} == {item["paper"]["id"] for item in fixture_items[day]}
    assert all(paper.upvotes == next(i["paper"]["upvotes"] for i in fixture_items[day] if i["paper"]["id"] == paper.id) for paper in daily)
    first = daily[0]
    assert [paper.id for paper in api.list_papers(query=first.id)][0] == first.id, "an arXiv id finds its paper"
    assert len(list(api.list_papers(query=first.title.split()[0]))) >= 1
    listed = list(api.list_papers())
    assert listed and all(paper.id for paper in listed), "list_papers() without a query lists papers"
    assert api.paper_info(first.id).title == first.title
    assert first.title in api.read_paper(first.id)


def test_unknown_papers_are_json_errors_the_client_shows(server_url):
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    api = HfApi(endpoint=server_url, token=HF_TOKEN)
    for call in (lambda: api.paper_info("2599.99999"), lambda: api.read_paper("2599.99999")):
        with pytest.raises(HfHubHTTPError) as raised:
            call()
        assert raised.value.response.status_code == 404
        assert "2599.99999" in str(raised.value)
        assert raised.value.response.headers.get("X-Request-Id")


@pytest.mark.parametrize("arguments", [["papers", "ls"], ["papers", "search", "language"], ["papers", "info", "FIRST"]])
def test_the_hf_command_line_logged_in_works(server_url, fixture_items, arguments):
    first = fixture_items["2026-08-21"][0]["paper"]["id"]
    arguments = [first if argument == "FIRST" else argument for argument in arguments]
    result = subprocess.run(["hf", *arguments], env=client_environment(server_url), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "401" not in result.stdout + result.stderr
    if arguments[1] == "info":
        assert first in result.stdout


def test_writes_with_an_unknown_token_are_refused_with_a_bearer_challenge(server_url):
    request = urllib.request.Request(server_url + "/api/papers/2410.11779/upvote", method="POST",
                                     headers={"Authorization": f"Bearer {HF_TOKEN}"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=5)
    assert raised.value.code == 401
    assert raised.value.headers["WWW-Authenticate"].startswith("Bearer")
    assert "unknown or revoked" in json.loads(raised.value.read())["error"]


@pytest.fixture()
def strict_server():
    """A server with a small connection cap and short timeouts."""
    with recorded_server("--idle-timeout", "2", "--header-timeout", "1", "--max-connections", "20", prefix="dailypapers-limits-") as (_, port):
        yield port


def is_closed(sock, wait):
    """Whether the server closed `sock` within `wait` seconds."""
    sock.settimeout(wait)
    try:
        return sock.recv(1) == b""
    except socket.timeout:
        return False
    except ConnectionResetError:
        return True


def get(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
        return response.status


def test_idle_and_trickling_connections_are_closed_and_the_cap_holds(strict_server):
    port = strict_server
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(10)]
    trickling = socket.create_connection(("127.0.0.1", port))
    trickling.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    kept_alive = socket.create_connection(("127.0.0.1", port))
    kept_alive.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    assert b"200" in kept_alive.recv(4096)
    started = time.monotonic()
    assert is_closed(trickling, 4), "a request head that never completes is cut off"
    assert all(is_closed(sock, 4) for sock in idle), "connections that never send a request are closed"
    assert is_closed(kept_alive, 5), "an idle keep-alive connection is closed"
    assert time.monotonic() - started < 9
    # Past the cap, new connections are closed at once; the server still answers once they are gone.
    held = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
    extra = socket.create_connection(("127.0.0.1", port))
    assert is_closed(extra, 2), "the 21st connection is refused"
    for sock in held:
        sock.close()
    time.sleep(0.3)
    assert get(port) == 200


def test_every_answer_carries_the_security_headers(server_url):
    for path in ["/", "/papers/2410.11779", "/no/such/page", "/api/daily_papers?limit=1"]:
        try:
            response = urllib.request.urlopen(server_url + path, timeout=5)
        except urllib.error.HTTPError as error:
            response = error
        headers = response.headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        assert "script-src 'self'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["X-Request-Id"], path


def absolute(url):
    return "https://huggingface.co" + url if url and url.startswith("/") else url


@pytest.mark.parametrize("day", ["2024-10-16", "2026-08-21"])
def test_hf_api_imports_serve_back_what_huggingface_said(server_url, fixture_items, day):
    with urllib.request.urlopen(f"{server_url}/api/daily_papers?date={day}&limit=100", timeout=10) as response:
        served = {item["paper"]["id"]: item for item in json.load(response)}
    for original in fixture_items[day]:
        ours, theirs = served[original["paper"]["id"]], original["paper"]
        assert ours["paper"]["discussionId"] == theirs["discussionId"]
        assert ours["upvotes"] == theirs["upvotes"]
        assert ours["thumbnail"] == original.get("thumbnail")
        assert ours["isAuthorParticipating"] == original.get("isAuthorParticipating", False)
        assert ours["summary"] == (original.get("summary") or theirs["summary"]).strip()
        submitter = theirs.get("submittedOnDailyBy") or original["submittedBy"]
        mine = ours["paper"]["submittedOnDailyBy"]
        assert (mine["fullname"], mine["avatarUrl"], mine["isPro"]) == (submitter["fullname"], absolute(submitter["avatarUrl"]), submitter["isPro"])
        claims = [(a["name"], a["user"]["user"], a.get("status")) for a in theirs["authors"] if not a.get("hidden") and a.get("user")]
        assert [(a["name"], a["user"]["user"], a.get("status")) for a in ours["paper"]["authors"] if a.get("user")] == claims
        organization = theirs.get("organization") or original.get("organization")
        if organization and organization.get("avatar"):
            assert ours["organization"]["avatarUrl"] == organization["avatar"]


@pytest.fixture()
def limited_server():
    """A server on the recorded papers with a pages limit of 6 per 5 minutes."""
    with recorded_server(environment={"RATE_LIMITS": "pages=6,api=100000"}, prefix="dailypapers-fastpath-") as server:
        yield server


class Responses:
    """Reads HTTP/1.1 responses with Content-Length bodies, one after another, from one connection."""

    def __init__(self, sock):
        self.sock, self.data = sock, b""

    def next(self):
        while b"\r\n\r\n" not in self.data:
            self.data += self.sock.recv(65536)
        head, _, self.data = self.data.partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        headers = {line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in lines[1:]}
        length = int(headers["content-length"])
        while len(self.data) < length:
            self.data += self.sock.recv(65536)
        body, self.data = self.data[:length], self.data[length:]
        return lines[0], headers, body


def test_cached_pages_answered_on_the_event_loop_keep_every_duty(limited_server):
    """Cache hits skip the async request path (from a connection's second request on): they still count toward the
    limit, carry the same headers, and the refusal past the limit is the full path's 429 page."""
    _, port = limited_server
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(10)
        responses, seen = Responses(sock), []
        for _ in range(7):
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            seen.append(responses.next())
    statuses = [status for status, _, _ in seen]
    assert statuses[:6] == ["HTTP/1.1 200 OK"] * 6 and statuses[6].startswith("HTTP/1.1 429")
    assert len({body for _, _, body in seen[:6]}) == 1, "a hit serves the stored bytes"
    assert [headers["ratelimit"].split(", ")[1] for _, headers, _ in seen[:6]] == [f"remaining={n}" for n in range(5, -1, -1)]
    first, last = seen[0][1], seen[5][1]
    for name in ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "content-type", "server", "content-length"]:
        assert first[name] == last[name], name
    assert last["date"].endswith(" GMT")
    assert len({headers["x-request-id"] for _, headers, _ in seen}) == 7
    assert seen[6][1]["retry-after"] and "Too many requests" in seen[6][2].decode()


def test_a_busy_connection_stays_open_and_closes_once_idle(strict_server):
    """The idle timeout (2 s here) counts from the last request, cached answers included."""
    with socket.create_connection(("127.0.0.1", strict_server)) as sock:
        sock.settimeout(5)
        responses = Responses(sock)
        started = time.monotonic()
        while time.monotonic() - started < 4:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert responses.next()[0] == "HTTP/1.1 200 OK"
            time.sleep(0.4)
        assert is_closed(sock, 4), "closed once idle for the timeout"


def test_a_request_asking_to_close_is_answered_and_closed(server_url):
    port = int(server_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(10)
        responses = Responses(sock)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert responses.next()[0] == "HTTP/1.1 200 OK"
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        status, headers, _ = responses.next()
        assert status == "HTTP/1.1 200 OK"
        assert is_closed(sock, 5)


def test_pipelined_requests_are_answered_in_order(limited_server):
    """A cached request behind one that takes the full path waits for it: HTTP/1.1 answers in request order."""
    url, port = limited_server
    urllib.request.urlopen(url + "/api/daily_papers?date=2026-08-21", timeout=5).read()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(10)
        sock.sendall(b"GET /api/papers/search?q=agents HTTP/1.1\r\nHost: x\r\n\r\n"
                     b"GET /api/daily_papers?date=2026-08-21 HTTP/1.1\r\nHost: x\r\n\r\n"
                     b"GET /api/papers/search?q=video HTTP/1.1\r\nHost: x\r\n\r\n")
        responses = Responses(sock)
        answers = [responses.next() for _ in range(3)]
    assert all(status.startswith("HTTP/1.1 200") for status, _, _ in answers)
    first, daily, last = (json.loads(body) for _, _, body in answers)
    assert len(daily) == 17 and all(item["publishedAt"].startswith("2026-08-21") for item in daily), "the second answer is the day's list"
    assert [item["paper"]["id"] for item in first] != [item["paper"]["id"] for item in daily]
    assert isinstance(last, list)


def test_no_secret_reaches_the_logs_at_trace_level(tmp_path):
    """The SMTP password, a member's password and session, and the link-signing key never appear in the log, even at
    trace level, where ServiceLifecycle prints every service it starts."""
    import sqlite3
    from conftest import API_FIXTURES, BINARY, free_port, wait_until_healthy
    from test_community_live import Browser

    database = str(tmp_path / "secrets.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    smtp_password, member_password = "smtp-Pa55word-never-logged", "member-Pa55word-never-logged"
    port = free_port()
    environment = {**os.environ, "SMTP_URL": f"smtp://mailer:{smtp_password}@127.0.0.1:{free_port()}?timeout=1",
                   "MAIL_FROM": "papers@example.org"}
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen([BINARY, "serve", "--database", database, "--port", str(port), "--log-level", "trace",
                                "--model", str(tmp_path / "no-model")], env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        member = Browser(url)
        member.get("/signup")
        member.post("/signup", {"username": "quiet", "email": "quiet@example.org", "password": member_password})
        member.log_in("quiet", member_password)
        member.get("/settings")
        urllib.request.urlopen(url + "/papers/trending", timeout=10).read()
        time.sleep(1.5)  # the outbox tries the closed SMTP port and logs that
    finally:
        process.terminate()
        process.wait(timeout=60)
    log.seek(0)
    text = log.read()
    with sqlite3.connect(database) as connection:
        key = connection.execute("SELECT value FROM settings WHERE key = 'link_signing_key'").fetchone()[0]
    assert "trace" in text.lower() or "debug" in text.lower(), "the log was written at a verbose level"
    secrets = {"the SMTP password": smtp_password, "the member's password": member_password, "the link-signing key": key}
    secrets.update({f"the cookie {cookie.name}": cookie.value for cookie in member.jar if len(cookie.value) >= 16})
    assert any(cookie.name == "dp_session" for cookie in member.jar), "the member signed up, logged in and has a session"
    for what, secret in secrets.items():
        assert secret not in text, f"{what} is in the log"
