"""`serve` with HARVEST=on harvests by itself on arXiv's calendar: started just after an announcement, it reads the
listing, mirrors Hugging Face's day and records when each source runs next; /papers/new then shows the papers."""
import os
import sqlite3
import subprocess
import tempfile
import time
import urllib.request

from conftest import BINARY, SHARED_DATA, free_port, wait_until_healthy
from standin import StandIn


def test_serve_harvests_after_the_announcement_and_plans_the_next_runs():
    standin = StandIn(SHARED_DATA, page_size=1)
    folder = tempfile.mkdtemp(prefix="dailypapers-harvest-")
    database = os.path.join(folder, "serve.sqlite")
    port = free_port()
    environment = {**os.environ, "HARVEST": "on", "ARXIV_OAI_URL": standin.url + "/oai", "ARXIV_LISTING_URL": standin.url,
                   "HF_URL": standin.url, "ARXIV_INTERVAL": "0", "ARXIV_CATEGORIES": "cs.CL,cs.LG",
                   # Tuesday 1 December 2026, 20:10 in New York: ten minutes after an announcement.
                   "CLOCK_START": "2026-12-02T01:10:00Z"}
    process = subprocess.Popen([BINARY, "serve", "--database", database, "--port", str(port), "--log-level", "error",
                                "--model", os.path.join(folder, "no-model")], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        deadline = time.monotonic() + 60
        while not (standin.requests("/rss/") and standin.requests("/api/daily_papers")):
            assert time.monotonic() < deadline, "the scheduler never ran"
            time.sleep(0.2)
        assert standin.requests("/rss/")[0]["path"] == "/rss/cs.CL+cs.LG"
        assert standin.requests("/api/daily_papers")[0]["query"] == {"date": "2026-12-01"}, "Hugging Face's day before 21:30 ET"
        assert not standin.requests("/oai"), "OAI-PMH records wait until 23:00 ET"
        while True:
            with sqlite3.connect(database) as connection:
                planned = dict(connection.execute("SELECT name, next_run_at FROM ingest_sources WHERE next_run_at IS NOT NULL"))
            if {"arxiv-listing", "arxiv-oai", "huggingface"} <= set(planned):
                break
            assert time.monotonic() < deadline, f"next runs not recorded: {planned}"
            time.sleep(0.2)
        # 23:00 New York time on 1 December is 04:00 UTC on the 2nd.
        assert planned["arxiv-oai"] == 1796184000000
        with urllib.request.urlopen(url + "/papers/new") as response:
            page = response.read().decode()
        assert "New on arXiv · Tuesday, December 1, 2026" in page and "Sparse Mixtures of Retrieval Experts" in page
        status = subprocess.run([BINARY, "ingest", "status", "--database", database], capture_output=True, text=True, check=True)
        assert "arXiv announcements (RSS)\n  last run:" in status.stdout and "5 added" in status.stdout
    finally:
        process.terminate()
        process.wait(timeout=60)
        standin.close()
