"""Several `dailypapers serve` instances on one PostgreSQL database behave as one site.

Three instances behind nginx (deploy/nginx.conf): members vote, submit and comment through nginx while one instance
is killed with SIGKILL and started again; afterwards every vote is counted once, every instance shows the same
pages, and the scheduled digest edition went out once. A second test stops PostgreSQL for 5 seconds under load.

The instances' clocks run from the weekday after the suite's pinned day at 21:31 UTC (`--clock-start`), a minute
after their digest time, so the daily edition is due as they start.
"""
import datetime
import http.client
import json
import os
import re
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import BINARY, SITE_NOW, free_port, wait_until_healthy
from mailsink import MailSink
from test_community_live import SUBMITTED_ID, Browser, RecordedArxiv

PROJECT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
POSTGRES_DIR = os.environ.get("TEST_POSTGRES_DIR", "")
PASSWORD = "member-password-1"
TRANSIENT = (urllib.error.URLError, ConnectionError, http.client.HTTPException, TimeoutError)


def postgres_database(name):
    """A new, empty database on the suite's PostgreSQL server (never a remote one)."""
    assert POSTGRES_URL, "TEST_POSTGRES_URL is not set: run the suite with `make test`, which starts PostgreSQL"
    assert urllib.parse.urlparse(POSTGRES_URL).hostname in ("127.0.0.1", "localhost"), "tests only use a local server"
    for statement in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", POSTGRES_URL, "-qc", statement], check=True, capture_output=True)
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + name


def psql(url, query):
    result = subprocess.run(["psql", url, "-AtF|", "-c", query], check=True, capture_output=True, text=True)
    return [line.split("|") for line in result.stdout.splitlines() if line]


def next_weekday(now):
    day = now.date() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


class Instance:
    """One `dailypapers serve` process; its clock runs from `clock_start` when one is given."""

    def __init__(self, database, environment, clock_start=None, port=None):
        self.database, self.environment, self.clock_start = database, environment, clock_start
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self):
        command = [BINARY, "serve", "--database", self.database, "--port", str(self.port), "--log-level", "error"]
        if self.clock_start:
            command += ["--clock-start", self.clock_start.strftime("%Y-%m-%dT%H:%M:%SZ")]
        self.process = subprocess.Popen(command, env=self.environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until_healthy(self.url, self.process)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def answered(call, until=None):
    """Calls until the site answers below 500 (an instance or the database may be away for a moment)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, text, headers = call()
            if status < 500:
                return status, text, headers
        except TRANSIENT:
            pass
        if until and until():
            return None
        time.sleep(0.2)
    raise AssertionError("the site did not answer within a minute")


def exists(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except (urllib.error.HTTPError, *TRANSIENT):
        return False


def dated_papers(folder, day, count):
    """The bundled sample in DailyPapers' own JSON Lines, the first `count` papers featured on `day`."""
    sample = os.path.join(folder, "sample.sqlite")
    subprocess.run([BINARY, "import", "--database", sample, str(PROJECT / "data" / "seed-papers.jsonl")], check=True, capture_output=True)
    exported = os.path.join(folder, "sample.jsonl")
    subprocess.run([BINARY, "export", "--database", sample, "-o", exported], check=True, capture_output=True)
    records = [json.loads(line) for line in open(exported)]
    for record in records[:count]:
        record["featuredOn"] = day.isoformat()
    target = os.path.join(folder, "dated.jsonl")
    with open(target, "w") as output:
        output.writelines(json.dumps(record) + "\n" for record in records)
    return target, [record["id"] for record in records[:count]], {record["id"]: record["upvotes"] for record in records}


@pytest.fixture()
def cluster():
    """A database with papers, members and subscribers; three instances under a faked clock; nginx before them."""
    folder = tempfile.mkdtemp(prefix="dailypapers-cluster-")
    day = next_weekday(SITE_NOW)
    clock_start = datetime.datetime.combine(day, datetime.time(21, 31), tzinfo=datetime.timezone.utc)
    database = postgres_database("scale_out")
    papers_file, featured, source_upvotes = dated_papers(folder, day, 12)
    subprocess.run([BINARY, "import", "--database", database, papers_file], check=True, capture_output=True)
    readers = [f"reader{number}@scale.example.org" for number in range(5)]
    subscribers = os.path.join(folder, "subscribers.jsonl")
    Path(subscribers).write_text("".join(json.dumps({"email": address, "frequency": "daily"}) + "\n" for address in readers))
    subprocess.run([BINARY, "subscribers", "import", "--database", database, subscribers], check=True, capture_output=True)
    members = [f"member{number}" for number in range(6)]
    for member in members:
        subprocess.run([BINARY, "user", "create", member, "--email", f"{member}@example.org", "--database", database],
                       env={**os.environ, "DAILYPAPERS_PASSWORD": PASSWORD}, check=True, capture_output=True)
    sink = MailSink(free_port()).start()
    arxiv = RecordedArxiv(now=clock_start)
    proxy_port = free_port()
    environment = {**os.environ, "SMTP_URL": f"smtp://127.0.0.1:{sink.port}", "MAIL_FROM": "Daily Papers <papers@example.org>",
                   "DIGEST_TIME": "21:30", "ARXIV_API_URL": arxiv.url, "PUBLIC_URL": f"http://127.0.0.1:{proxy_port}",
                   "TRUSTED_PROXIES": "127.0.0.1"}
    instances = [Instance(database, environment, clock_start) for _ in range(3)]
    nginx = subprocess.Popen([str(PROJECT / "scripts" / "nginx-balancer.sh"), os.path.join(folder, "nginx"), str(proxy_port),
                              *[str(instance.port) for instance in instances]], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_healthy(f"http://127.0.0.1:{proxy_port}", nginx)
    try:
        yield dict(database=database, instances=instances, proxy=f"http://127.0.0.1:{proxy_port}", day=day, featured=featured,
                   source_upvotes=source_upvotes, members=members, readers=readers, sink=sink)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        for instance in instances:
            instance.stop()
        sink.stop()
        arxiv.shutdown()


def test_three_instances_behind_nginx_count_every_vote_once_while_one_is_killed(cluster):
    proxy, instances, database = cluster["proxy"], cluster["instances"], cluster["database"]
    featured, members = cluster["featured"], cluster["members"]

    # The daily edition was due when the instances started: it goes out once, whichever instance composes it.
    deadline = time.monotonic() + 60
    while sorted(cluster["sink"].recipients()) != sorted(cluster["readers"]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert sorted(cluster["sink"].recipients()) == sorted(cluster["readers"])

    # Members log in through nginx; their sessions live in the database, so every instance knows them.
    browsers = {}
    for member in members:
        browser = Browser(proxy)
        assert answered(lambda: browser.log_in(member, PASSWORD))[0] == 302
        browsers[member] = browser

    # One member submits a paper fetched from the arXiv stand-in.
    submitter = browsers[members[0]]
    answered(lambda: submitter.get("/papers/submit"))
    status = answered(lambda: submitter.post("/papers/submit", {"paper": SUBMITTED_ID}),
                      until=lambda: exists(proxy + f"/api/papers/{SUBMITTED_ID}"))
    targets = featured + [SUBMITTED_ID]
    # Each member upvotes a different, overlapping set of papers; comments go to the submitted paper.
    wanted = {member: targets[index:] + targets[:index // 2] for index, member in enumerate(members)}
    comments = {member: [f"Comment {number} by {member}, token {os.urandom(4).hex()}" for number in range(3)] for member in members}
    progress = {"done": 0}
    lock = threading.Lock()

    def work(member):
        browser = browsers[member]
        answered(lambda: browser.get("/"))
        for paper in wanted[member]:
            status, text, _ = answered(lambda: browser.post(f"/papers/{paper}/upvote", {"upvoted": "1"}, {"Accept": "application/json"}))
            assert status == 200 and json.loads(text)["upvoted"] is True
            with lock:
                progress["done"] += 1
        for body in comments[member]:
            page_has_it = lambda: body in answered(lambda: submitter.get(f"/papers/{SUBMITTED_ID}"))[1]
            # A comment whose answer was lost with its instance may be stored already: look before posting again.
            result = answered(lambda: browser.post(f"/papers/{SUBMITTED_ID}/comments", {"body": body}), until=page_has_it)
            assert result is None or result[0] == 302

    threads = [threading.Thread(target=work, args=(member,)) for member in members]
    for thread in threads:
        thread.start()
    total = sum(len(papers) for papers in wanted.values())
    while progress["done"] < total // 3:
        time.sleep(0.05)
    instances[1].kill()
    time.sleep(2)
    instances[1].start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads)
    assert progress["done"] == total

    # Every vote counted exactly once: the votes table, the paper's counter and every instance's API agree.
    expected = {paper: sum(paper in papers for papers in wanted.values()) for paper in targets}
    rows = psql(database, "SELECT p.id, p.community_upvotes, (SELECT count(*) FROM votes v WHERE v.paper_id = p.id) FROM papers p "
                          "WHERE p.community_upvotes > 0 OR EXISTS (SELECT 1 FROM votes v WHERE v.paper_id = p.id)")
    assert {row[0]: (int(row[1]), int(row[2])) for row in rows} == {paper: (count, count) for paper, count in expected.items()}
    time.sleep(2)  # caches follow the database within about 1.5 s
    for instance in instances:
        for paper in targets:
            answer = json.loads(urllib.request.urlopen(f"{instance.url}/api/papers/{paper}").read())
            assert answer["upvotes"] == cluster["source_upvotes"].get(paper, 0) + expected[paper], (instance.url, paper)
    # Every instance shows the same day and the same discussion, each comment once.
    days = [json.loads(urllib.request.urlopen(f"{instance.url}/api/daily_papers?date={cluster['day']}").read()) for instance in instances]
    assert days[1] == days[0] and days[2] == days[0]
    for instance in instances:
        page = urllib.request.urlopen(f"{instance.url}/papers/{SUBMITTED_ID}").read().decode()
        for bodies in comments.values():
            for body in bodies:
                assert page.count(body) == 1, (instance.url, body)

    # Still exactly one digest per reader, and the outbox agrees.
    assert sorted(cluster["sink"].recipients()) == sorted(cluster["readers"])
    assert psql(database, "SELECT status, count(*) FROM outbox WHERE kind = 'digest' GROUP BY status") == [["sent", "5"]]


def test_a_postgresql_restart_gives_503s_then_the_server_recovers_without_losing_votes(tmp_path):
    assert POSTGRES_DIR, "TEST_POSTGRES_DIR is not set: run the suite with `make test`"
    database = postgres_database("restart")
    papers_file, featured, _ = dated_papers(str(tmp_path), SITE_NOW.date(), 12)
    subprocess.run([BINARY, "import", "--database", database, papers_file], check=True, capture_output=True)
    subprocess.run([BINARY, "user", "create", "voter", "--email", "voter@example.org", "--database", database],
                   env={**os.environ, "DAILYPAPERS_PASSWORD": PASSWORD}, check=True, capture_output=True)
    instance = Instance(f"{database}?acquire_timeout=2&connect_timeout=1", dict(os.environ))
    try:
        browser = Browser(instance.url)
        assert browser.log_in("voter", PASSWORD)[0] == 302
        browser.get("/")  # the member's form token
        statuses, confirmed, errors = [], set(), []
        stop = threading.Event()

        def load():
            try:
                requests()
            except Exception as error:  # reported by the test's own thread below
                errors.append(repr(error))

        def requests():
            number = 0
            while not stop.is_set():
                paper = featured[number % len(featured)]
                number += 1
                for path in ("/", f"/api/papers/{paper}", f"/papers/{paper}"):
                    try:
                        with urllib.request.urlopen(instance.url + path, timeout=15) as response:
                            statuses.append(response.status)
                    except urllib.error.HTTPError as error:
                        statuses.append(error.code)
                        if error.code == 503 and error.headers["Retry-After"] != "5":
                            errors.append("a 503 without Retry-After: 5")
                status, text, headers = browser.post(f"/papers/{paper}/upvote", {"upvoted": "1"}, {"Accept": "application/json"})
                statuses.append(status)
                if status not in (200, 503):
                    errors.append(f"vote answered {status}: {re.sub(r'<[^>]+>', ' ', text)[-600:]}")
                if status == 200:
                    confirmed.add(paper)

        worker = threading.Thread(target=load)
        worker.start()
        time.sleep(2)
        subprocess.run([str(PROJECT / "scripts" / "postgres.sh"), "kill", POSTGRES_DIR], check=True)
        time.sleep(5)
        subprocess.run([str(PROJECT / "scripts" / "postgres.sh"), "restart", POSTGRES_DIR], check=True)
        time.sleep(8)
        stop.set()
        worker.join(timeout=60)
        assert not worker.is_alive(), "a request hung"
        assert errors == []
        assert instance.process.poll() is None, "the server survived"
        assert set(statuses) <= {200, 503}, sorted(set(statuses))
        assert 503 in statuses, "the gap was noticed"
        assert statuses[-4:] == [200, 200, 200, 200], "the server recovered by itself"
        # Every vote the server confirmed is in the database after the restart.
        rows = psql(database, "SELECT paper_id FROM votes")
        assert {row[0] for row in rows} == confirmed and len(confirmed) == len(featured)
    finally:
        instance.stop()
