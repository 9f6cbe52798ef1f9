"""Starts a real `dailypapers serve` on a free local port for the client tests, and stops it afterwards."""
import contextlib
import datetime
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

SHARED_DATA = Path(os.environ.get("SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
BINARY = os.environ.get("DAILYPAPERS_BIN", str(Path(__file__).resolve().parents[2] / ".build" / "debug" / "dailypapers"))
API_FIXTURES = sorted((SHARED_DATA / "fixtures" / "hf-api").glob("daily_papers-*.json"))

# Every server the tests start inherits these: limits that only the rate-limit test meets, and a cheap bcrypt.
os.environ.setdefault("RATE_LIMITS", "pages=100000,api=100000,login=1000,signup=1000,submit=1000,vote=100000,comment=1000")
os.environ.setdefault("BCRYPT_COST", "4")
# The suite may run beside other CPU load (CI checks it with two stress-ng hogs): background embedding at the
# normal priority keeps the tests' waits for embeddings bounded. The low priority itself is tested in
# BackgroundThreadsTests and measured by make bench.
os.environ.setdefault("BACKGROUND_NICE", "0")

# No test reads the wall clock: every server the suite starts runs the site's clock from a stated instant
# (CLOCK_START), so a page looks the same whatever day and hour the suite runs. Three instants of arXiv's calendar
# after the newest feed day of the shared data (2026-08-20), each at 14:00 in New York: the default is a day arXiv
# announces; the page checks run on the other two as well.
CALENDAR_DAYS = {
    "announcing": "2026-08-24T18:00:00Z",  # a Monday: arXiv announces at 20:00 ET
    "quiet": "2026-08-29T18:00:00Z",  # a Saturday: no announcement
    "holiday": "2026-09-07T18:00:00Z",  # Labor Day, on arXiv's list of holidays
}
SITE_NOW = datetime.datetime.fromisoformat(CALENDAR_DAYS["announcing"].replace("Z", "+00:00"))
os.environ["CLOCK_START"] = CALENDAR_DAYS["announcing"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not become healthy in time")


@contextlib.contextmanager
def recorded_server(*arguments, environment=None, prefix="dailypapers-"):
    """A `dailypapers serve` of its own on the recorded Hugging Face answers, with extra `arguments` and
    `environment`; yields (url, port) and stops the server afterwards. It runs without the embedding model: these
    servers test HTTP, not search by meaning, and background embedding would only slow a loaded machine down
    (and a graceful stop waits for the batch being embedded)."""
    folder = tempfile.mkdtemp(prefix=prefix)
    database = os.path.join(folder, "recorded.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([BINARY, "serve", "--database", database, "--port", str(port), "--log-level", "error",
                                "--model", os.path.join(folder, "no-model"), *arguments],
                               env={**os.environ, **(environment or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url, port
        assert process.poll() is None, "the server kept running"
    finally:
        process.terminate()
        process.wait(timeout=60)


@pytest.fixture(scope="session")
def fixture_items():
    """The raw items of every recorded Hugging Face API response, keyed by their date."""
    return {path.stem.removeprefix("daily_papers-"): json.loads(path.read_text()) for path in API_FIXTURES}


@pytest.fixture(scope="session")
def server_url():
    assert API_FIXTURES, f"no recorded API responses under {SHARED_DATA}"
    folder = tempfile.mkdtemp(prefix="dailypapers-client-")
    database = os.path.join(folder, "client.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen(
        [BINARY, "serve", "--database", database, "--port", str(port), "--log-level", "error"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


@pytest.fixture(scope="session")
def hf_api(server_url):
    """huggingface_hub's HfApi, pointed at our server through HF_ENDPOINT as a user would."""
    os.environ["HF_ENDPOINT"] = server_url
    os.environ["HF_HUB_OFFLINE"] = "0"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    import huggingface_hub

    # The endpoint is passed too: huggingface_hub reads HF_ENDPOINT once, when it is first imported.
    api = huggingface_hub.HfApi(endpoint=server_url, token=False)
    assert api.endpoint == server_url
    return api


@pytest.fixture(scope="session")
def mail_sink():
    from mailsink import MailSink

    sink = MailSink(free_port()).start()
    yield sink
    sink.stop()


class RunningServer:
    """A `dailypapers serve` process with its database and environment, for tests that also run other commands."""

    def __init__(self, database: str, environment: dict):
        self.database = database
        self.environment = environment
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.environment["PUBLIC_URL"] = self.url
        self.process = subprocess.Popen([BINARY, "serve", "--database", database, "--port", str(port), "--log-level", "error"],
                                        env=self.environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until_healthy(self.url, self.process)

    def run(self, *arguments, check=True):
        return subprocess.run([BINARY, *arguments, "--database", self.database], env=self.environment, check=check,
                              capture_output=True, text=True)

    def stop(self):
        # A graceful stop finishes the batch being embedded first: beside other CPU load that takes more than 10 s.
        self.process.terminate()
        self.process.wait(timeout=60)


@pytest.fixture()
def mail_server(mail_sink):
    """A server with the recorded papers, mail going to the test's SMTP server; a fresh database per test."""
    folder = tempfile.mkdtemp(prefix="dailypapers-mail-")
    database = os.path.join(folder, "mail.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    environment = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{mail_sink.port}", "MAIL_FROM": "Daily Papers <papers@example.org>"}
    server = RunningServer(database, environment)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """The run's one headless Chromium (see browser.py); every browser test shares it."""
    from browser import Browser

    chromium = Browser()
    yield chromium
    chromium.quit()


@pytest.fixture(scope="session")
def browsed_site(mail_sink):
    """A server on all 9,877 real papers (their long URLs, TeX and 664-author lists are what the browser tests look
    at), with an admin `root`, mail going to the test's SMTP server, and no embedding model."""
    folder = tempfile.mkdtemp(prefix="dailypapers-browser-")
    database = os.path.join(folder, "browser.sqlite")
    subprocess.run([BINARY, "import", "--database", database, str(SHARED_DATA / "hf-daily-papers.jsonl")],
                   check=True, capture_output=True)
    environment = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{mail_sink.port}",
                   "MAIL_FROM": "Daily Papers <papers@example.org>", "DAILYPAPERS_MODEL": os.path.join(folder, "no-model"),
                   "DAILYPAPERS_PASSWORD": "root-password-1"}
    subprocess.run([BINARY, "user", "create", "root", "--email", "root@example.org", "--admin", "--database", database],
                   env=environment, check=True, capture_output=True)
    server = RunningServer(database, environment)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def calendar_sites(browsed_site):
    """The browsed site as it looks on each kind of day of arXiv's calendar: `browsed_site` itself on the announcing
    day, and two more servers on the same database whose clocks run from the quiet day and the holiday."""
    sites = {"announcing": browsed_site}
    for kind in ("quiet", "holiday"):
        sites[kind] = RunningServer(browsed_site.database, {**browsed_site.environment, "CLOCK_START": CALENDAR_DAYS[kind]})
    yield sites
    for kind in ("quiet", "holiday"):
        sites[kind].stop()
