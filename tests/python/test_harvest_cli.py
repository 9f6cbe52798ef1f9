"""The harvesters from the command line, against a local stand-in of arXiv and Hugging Face serving recorded answers:
resumption tokens followed to the end, every recorded OAI-PMH error, 503 with Retry-After, a slow server, a truncated
page, a re-run that changes nothing, a kill -9 in the middle, three instances on one PostgreSQL, the dry run and the
status report."""
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from conftest import BINARY, SHARED_DATA
from standin import StandIn, recorded_records
from test_scale_out import postgres_database, psql

# The recorded records are physics and mathematics papers: these categories take all six, from five OAI-PMH sets.
CATEGORIES = "nucl-th,nucl-ex,math.MP,math.AG,gr-qc,astro-ph,cs.CL,cs.LG"


@pytest.fixture
def standin():
    server = StandIn(SHARED_DATA, page_size=1)
    yield server
    server.close()


def environment(server, **extra):
    return {**os.environ, "ARXIV_OAI_URL": server.url + "/oai", "ARXIV_LISTING_URL": server.url, "HF_URL": server.url,
            "ARXIV_INTERVAL": "0", "ARXIV_CATEGORIES": CATEGORIES, "ARXIV_BACKFILL_FROM": "2014-10-01",
            "ARXIV_CONTACT": "ops@example.org", "HARVEST_TIMEOUT": "2", **extra}


def harvest(server, database, *arguments, check=True, **extra):
    result = subprocess.run([BINARY, "harvest", "arxiv", "--database", str(database), *arguments],
                            env=environment(server, **extra), capture_output=True, text=True, timeout=300)
    assert not check or result.returncode == 0, result.stdout + result.stderr
    return result


def stored(database):
    with sqlite3.connect(database) as connection:
        return {row[0]: row[1:] for row in connection.execute("SELECT id, version_count, updated_at FROM papers")}


def recorded_ids():
    records, _ = recorded_records(SHARED_DATA)
    import re
    return {re.search(r"<id>(.*?)</id>", record).group(1) for record in records}


def test_follows_resumption_tokens_to_the_end_and_a_rerun_changes_nothing(standin, tmp_path):
    database = tmp_path / "h.sqlite"
    first = harvest(standin, database, "--only", "records")
    oai = standin.requests("/oai")
    assert any("resumptionToken" in entry["query"] for entry in oai), "pages were followed by token"
    assert all("until" not in entry["query"] for entry in oai)
    assert all("mailto:ops@example.org" in entry["agent"] for entry in oai)
    papers = stored(database)
    assert recorded_ids() <= set(papers), "every recorded record was stored"
    assert papers["0704.0716"][0] >= 2, "versions counted"
    assert "arXiv records (OAI-PMH): 6 added, 0 updated" in first.stdout, "a record in two sets is stored once"
    again = harvest(standin, database, "--only", "records")
    assert "0 added, 0 updated" in again.stdout
    assert stored(database) == papers, "a re-run writes nothing"
    fresh = [entry for entry in standin.requests("/oai")[len(oai):] if "resumptionToken" not in entry["query"]]
    assert {entry["query"]["from"] for entry in fresh} == {"2015-01-06"}, "the re-run asks from the last answer's date"


def test_a_paper_outside_the_categories_is_kept_up_to_date_when_it_is_already_here(standin, tmp_path):
    database = tmp_path / "known.sqlite"
    stub = tmp_path / "stub.jsonl"
    stub.write_text(json.dumps({
        "schema": "dailypapers.paper/1", "id": "0704.0716", "arxivId": "0704.0716", "title": "An old title",
        "abstract": "An old abstract.", "authors": ["Someone"], "authorCount": 1, "publishedAt": "2007-04-05T00:00:00.000Z",
        "featuredOn": None, "submittedAt": None, "submittedBy": None, "upvotes": 0, "numComments": 0, "organization": None,
        "githubRepo": None, "githubStars": None, "projectPage": None, "aiSummary": None, "aiKeywords": [], "categories": [],
        "mediaUrls": [], "position": None}) + "\n")
    subprocess.run([BINARY, "import", "--database", str(database), str(stub)], check=True, capture_output=True)
    # math.AG asks for the "math" set, which also holds 0704.0716 (math-ph, math.MP): not wanted, but already here.
    result = harvest(standin, database, "--only", "records", ARXIV_CATEGORIES="math.AG")
    assert "arXiv records (OAI-PMH): 1 added, 1 updated" in result.stdout, result.stdout
    with sqlite3.connect(database) as connection:
        titles = dict(connection.execute("SELECT id, title FROM papers").fetchall())
    assert set(titles) == {"0704.0716", "0704.0874"}, "nothing else of the set was stored"
    assert titles["0704.0716"] != "An old title", "the known paper took the record's title"


def test_a_dry_run_shows_what_would_change_and_writes_nothing(standin, tmp_path):
    database = tmp_path / "dry.sqlite"
    result = harvest(standin, database, "--dry-run")
    assert "would be added" in result.stdout and "nothing written" in result.stdout
    assert stored(database) == {}
    status = subprocess.run([BINARY, "ingest", "status", "--database", str(database)], capture_output=True, text=True, check=True)
    assert "never run" in status.stdout


@pytest.mark.parametrize("code", ["badArgument", "badVerb", "idDoesNotExist"])
def test_a_protocol_error_stops_the_run_in_plain_words_and_is_reported(standin, tmp_path, code):
    database = tmp_path / f"{code}.sqlite"
    standin.fault("/oai", "error", code)
    result = harvest(standin, database, "--only", "records", check=False)
    assert result.returncode == 1
    assert f"answered {code}" in result.stderr
    status = subprocess.run([BINARY, "ingest", "status", "--database", str(database)], capture_output=True, text=True, check=True)
    assert f"last error: arXiv's OAI-PMH answered {code}" in status.stdout


def test_no_records_match_is_a_quiet_success(standin, tmp_path):
    database = tmp_path / "quiet.sqlite"
    result = harvest(standin, database, "--only", "records", "--from", "2030-01-01")
    assert "0 added, 0 updated, 0 unchanged" in result.stdout


def test_an_expired_resumption_token_restarts_the_list_from_the_checkpoint(standin, tmp_path):
    database = tmp_path / "token.sqlite"
    harvest(standin, database, "--only", "records")
    # A run left a token behind that arXiv no longer knows (they expire within a day).
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE ingest_sources SET resumption_token = 'physics:nucl-th 99|stale' WHERE name = 'arxiv-oai'")
    result = harvest(standin, database, "--only", "records")
    assert "resumption token has expired" in result.stderr


def test_a_503_with_retry_after_is_waited_out(standin, tmp_path):
    database = tmp_path / "busy.sqlite"
    standin.fault("/oai", "status", 503)
    harvest(standin, database, "--only", "records")
    first, second = standin.requests("/oai")[:2]
    assert first["query"] == second["query"], "the same page was asked again"
    assert second["at"] - first["at"] >= 1.9, "Retry-After: 2 was honoured"
    assert recorded_ids() <= set(stored(database))


def test_a_slow_answer_times_out_and_is_retried(standin, tmp_path):
    database = tmp_path / "slow.sqlite"
    standin.fault("/oai", "slow", 4)
    result = harvest(standin, database, "--only", "records")
    assert "retrying" in result.stderr
    assert recorded_ids() <= set(stored(database))


def test_a_truncated_page_stops_the_run_and_the_next_run_completes_it(standin, tmp_path):
    database = tmp_path / "cut.sqlite"
    standin.fault("/oai", "truncate")
    broken = harvest(standin, database, "--only", "records", check=False)
    assert broken.returncode == 1 and "cannot be read" in broken.stderr
    harvest(standin, database, "--only", "records")
    assert recorded_ids() <= set(stored(database))


def test_a_harvest_killed_in_the_middle_is_completed_by_the_next_run(standin, tmp_path):
    database = tmp_path / "killed.sqlite"
    standin.page_delay = {1: 30}
    process = subprocess.Popen([BINARY, "harvest", "arxiv", "--only", "records", "--database", str(database)],
                               env=environment(standin), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len([e for e in standin.requests("/oai") if e["query"].get("resumptionToken", "").startswith("1|")]) == 0:
        assert time.monotonic() < deadline, "the second page was never asked for"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    half = stored(database)
    assert 0 < len(half) < len(recorded_ids()), "the run was stopped half way"
    standin.page_delay = {}
    before = len(standin.requests("/oai"))
    harvest(standin, database, "--only", "records")
    resumed = standin.requests("/oai")[before]
    assert resumed["query"].get("resumptionToken", "").startswith("1|"), "the next run resumed at the stored page"
    papers = stored(database)
    assert recorded_ids() <= set(papers), "nothing lost"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM papers").fetchone()[0] == len(papers)


def test_three_instances_on_one_postgresql_harvest_once_and_never_twice_within_the_interval(standin):
    database = postgres_database("harvest_three")
    extra = {"ARXIV_INTERVAL": "3"}
    processes = [subprocess.Popen([BINARY, "harvest", "arxiv", "--only", "records", "--database", database],
                                  env=environment(standin, **extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    assert all(process.returncode == 0 for process in processes)
    assert sum("added" in output for output in outputs) == 1, outputs
    assert sum("Another instance is harvesting arXiv now" in output for output in outputs) == 2, outputs
    times = [entry["at"] for entry in standin.requests("/oai")]
    assert len(times) >= 4
    assert min(b - a for a, b in zip(times, times[1:])) >= 2.9, "never two requests within arXiv's 3 seconds"
    count = int(psql(database, "SELECT COUNT(*) FROM papers")[0][0])
    assert count == len(recorded_ids())


def test_the_listing_brings_announcements_and_the_hugging_face_sync_mirrors_days(standin, tmp_path):
    database = tmp_path / "listing.sqlite"
    result = harvest(standin, database, "--only", "listing")
    assert "arXiv announcements (RSS): 5 added" in result.stdout
    with sqlite3.connect(database) as connection:
        rows = dict(connection.execute("SELECT id, announce_type FROM papers"))
        assert rows["2612.00011"] == "new" and rows["2612.00013"] == "cross" and rows["2611.04321"] is None
        assert connection.execute("SELECT category FROM paper_categories WHERE paper_id = '2612.00013' ORDER BY position").fetchall() == [("eess.AS",), ("cs.CL",), ("cs.SD",)]
        assert connection.execute("SELECT COUNT(*) FROM papers WHERE featured_on IS NOT NULL").fetchone()[0] == 0, "manual mode features nothing"
    featured = tmp_path / "featured.sqlite"
    harvest(standin, featured, "--only", "listing", FEATURE_NEW="all")
    with sqlite3.connect(featured) as connection:
        days = dict(connection.execute("SELECT id, featured_on FROM papers"))
        assert days["2612.00011"] == "2026-12-01" and days["2611.04321"] is None, "new papers featured, replacements not"
    sync = subprocess.run([BINARY, "sync", "huggingface", "--from", "2026-08-20", "--to", "2026-08-21", "--database", str(database)],
                          env=environment(standin), capture_output=True, text=True, check=True)
    assert "Hugging Face daily papers: 17 added" in sync.stdout
    assert [e["query"]["date"] for e in standin.requests("/api/daily_papers")] == ["2026-08-20", "2026-08-21"]
    again = subprocess.run([BINARY, "sync", "huggingface", "--database", str(database), "--to", "2026-08-21"],
                           env=environment(standin), capture_output=True, text=True, check=True)
    assert "0 added" in again.stdout, "resumes after the last complete day"
    status = subprocess.run([BINARY, "ingest", "status", "--database", str(database)], capture_output=True, text=True, check=True)
    assert "Hugging Face daily papers\n  last run:" in status.stdout and "checkpoint: 2026-08-21" in status.stdout
