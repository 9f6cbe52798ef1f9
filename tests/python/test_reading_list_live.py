"""The reading list from the outside: Save on cards and paper pages, /saved with read/unread, private notes,
filters, search within it by words and by meaning (the real model), its citation files, and that nobody else sees
any of it."""
import json
import os
import subprocess
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import bibtexparser
import pytest

from conftest import SHARED_DATA, BINARY, RunningServer
from library import PASSWORD, create_members, signed_in
from test_community_live import Browser

MODEL = os.environ.get("DAILYPAPERS_MODEL", str(Path(__file__).resolve().parents[2] / "models" / "all-MiniLM-L6-v2"))
FIXTURE = SHARED_DATA / "fixtures" / "hf-api" / "daily_papers-2026-08-21.json"


@pytest.fixture(scope="module")
def site():
    folder = tempfile.mkdtemp(prefix="dailypapers-saved-")
    database = os.path.join(folder, "saved.sqlite")
    subprocess.run([BINARY, "import", "--database", database, str(FIXTURE)], check=True, capture_output=True)
    subprocess.run([BINARY, "embed", "--database", database, "--model", MODEL], check=True, capture_output=True)
    server = RunningServer(database, {**os.environ, "DAILYPAPERS_MODEL": MODEL, "DAILYPAPERS_PASSWORD": PASSWORD})
    create_members(server, "alice", "bob")
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def papers():
    return [item["paper"] for item in json.loads(FIXTURE.read_text())]


def member(site, name):
    return signed_in(site, name)


def saved_ids(page):
    return [part.split('"')[0] for part in page.split('<li class="card" id="paper-')[1:]]


def test_save_read_note_and_filters(site, papers):
    alice = member(site, "alice")
    with_code = [paper["id"] for paper in papers if paper.get("githubRepo")]
    without_code = [paper["id"] for paper in papers if not paper.get("githubRepo")]
    chosen = with_code[:2] + without_code[:2]
    assert len(chosen) == 4
    for paper_id in chosen:
        status, _, headers = alice.post(f"/papers/{paper_id}/save", {"saved": "1"})
        assert status == 302 and headers["Location"] == f"/papers/{paper_id}"
    status, page, _ = alice.get("/saved")
    assert status == 200 and "4 saved · 4 unread" in page and sorted(saved_ids(page)) == sorted(chosen)
    assert "★ Saved" in alice.get(f"/papers/{chosen[0]}")[1]
    assert alice.post(f"/papers/{chosen[0]}/read", {"read": "1"})[0] == 302
    assert alice.post(f"/papers/{chosen[1]}/note", {"note": "<b>check the ablation</b>"})[0] == 302
    unread = alice.get("/saved?state=unread")[1]
    assert sorted(saved_ids(unread)) == sorted(chosen[1:]) and "4 saved · 3 unread" in unread
    assert saved_ids(alice.get("/saved?state=read")[1]) == [chosen[0]]
    assert "&lt;b&gt;check the ablation&lt;/b&gt;" in alice.get("/saved")[1]
    assert sorted(saved_ids(alice.get("/saved?code=1")[1])) == sorted(with_code[:2])
    assert saved_ids(alice.get("/saved?from=2030-01-01")[1]) == []
    for bad in ("state=bogus", "from=2026-13-01", "mode=loud", "p=x"):
        assert alice.get(f"/saved?{bad}")[0] == 400, bad
    assert alice.post("/papers/2401.99999/save", {"saved": "1"})[0] == 404
    assert alice.post(f"/papers/{chosen[3]}/save", {"saved": "0"})[0] == 302
    assert "3 saved" in alice.get("/saved")[1]


def test_search_within_the_list_by_words_and_by_meaning(site, papers):
    bob = member(site, "bob")
    kept, other = papers[5], papers[6]
    for paper in (kept, other):
        bob.post(f"/papers/{paper['id']}/save", {"saved": "1"})
    word = max((w for w in kept["title"].split() if w.isalpha()), key=len)
    by_words = saved_ids(bob.get("/saved?" + urllib.parse.urlencode({"q": word, "mode": "keyword"}))[1])
    assert by_words and by_words[0] == kept["id"]
    sentence = kept["summary"].split(". ")[0]
    by_meaning = saved_ids(bob.get("/saved?" + urllib.parse.urlencode({"q": sentence, "mode": "semantic"}))[1])
    assert by_meaning[0] == kept["id"]
    unsaved = next(paper for paper in papers if paper["id"] not in (kept["id"], other["id"]))
    found = saved_ids(bob.get("/saved?" + urllib.parse.urlencode({"q": unsaved["title"], "mode": "hybrid"}))[1])
    assert unsaved["id"] not in found, "a search within the list finds only saved papers"


def test_nobody_else_sees_a_reading_list(site, papers):
    alice, bob = member(site, "alice"), member(site, "bob")
    alice.post(f"/papers/{papers[10]['id']}/save", {"saved": "1"})
    alice.post(f"/papers/{papers[10]['id']}/note", {"note": "alice's secret note"})
    assert "alice's secret note" not in bob.get("/saved")[1]
    status, _, headers = Browser(site).get("/saved")
    assert status in (302, 303) and headers["Location"].startswith("/login")
    assert Browser(site).get("/saved.bib")[0] in (302, 303)
    mine = bibtexparser.parse_string(alice.get("/saved.bib")[1])
    theirs = bibtexparser.parse_string(bob.get("/saved.bib")[1])
    assert papers[10]["id"] in [entry["eprint"] for entry in mine.entries]
    assert papers[10]["id"] not in [entry["eprint"] for entry in theirs.entries]
    assert "alice's secret note" not in urllib.request.urlopen(f"{site}/papers/{papers[10]['id']}").read().decode()
    assert alice.request(f"/papers/{papers[11]['id']}/save", {"saved": "1", "csrf": "forged"})[0] == 403
