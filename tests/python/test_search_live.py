"""Search by words and by meaning from the outside: the huggingface_hub client, `dailypapers embed` killed and
resumed, `dailypapers search`, and a server without the model."""
import json
import os
import signal
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from conftest import BINARY, SHARED_DATA, free_port, wait_until_healthy

MODEL = os.environ.get("DAILYPAPERS_MODEL", str(Path(__file__).resolve().parents[2] / "models" / "all-MiniLM-L6-v2"))


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def wait_for_embeddings(server_url, paper_id, timeout=120):
    """The server embeds imported papers in the background; similar papers appear when it is done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if get_json(f"{server_url}/api/papers/{paper_id}/similar"):
            return
        time.sleep(0.5)
    raise AssertionError("the server did not embed its papers in time")


def test_list_papers_searches_by_words(hf_api, fixture_items):
    item = fixture_items["2026-08-21"][0]
    title = item["title"]
    papers = list(hf_api.list_papers(query=title))
    assert papers, "the paper's own title finds it"
    assert papers[0].id == item["paper"]["id"]
    assert papers[0].title == " ".join(title.split())


def test_list_papers_searches_by_meaning_once_papers_are_embedded(hf_api, server_url, fixture_items):
    items = fixture_items["2026-08-21"]
    wait_for_embeddings(server_url, items[0]["paper"]["id"])
    target = items[1]
    # The abstract's first sentence, reworded by dropping every word of the title: meaning must carry the match.
    title_words = {word.lower() for word in target["title"].split()}
    sentence = target["paper"]["summary"].split(". ")[0]
    query = " ".join(word for word in sentence.split() if word.lower().strip(",.:;()") not in title_words)[:240]
    found = [paper.id for paper in hf_api.list_papers(query=query)][:5]
    assert target["paper"]["id"] in found
    similar = get_json(f"{server_url}/api/papers/{target['paper']['id']}/similar?limit=3")
    assert len(similar) == 3
    assert all(0 < entry["similarity"] <= 1 for entry in similar)
    assert target["paper"]["id"] not in [entry["id"] for entry in similar]


def papers_database(count):
    folder = tempfile.mkdtemp(prefix="dailypapers-embed-")
    source = Path(folder) / "papers.jsonl"
    with open(SHARED_DATA / "hf-daily-papers.jsonl") as lines, open(source, "w") as out:
        for _, line in zip(range(count), lines):
            out.write(line)
    database = os.path.join(folder, "embed.sqlite")
    subprocess.run([BINARY, "import", "--database", database, str(source)], check=True, capture_output=True)
    return database


def embedded_count(database):
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*), COUNT(DISTINCT paper_id) FROM paper_embeddings").fetchone()


def test_embed_killed_midway_resumes_without_losing_or_repeating_work():
    database = papers_database(64)
    process = subprocess.Popen([BINARY, "embed", "--database", database, "--model", MODEL, "--batch-size", "16"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while embedded_count(database)[0] < 16 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done, distinct = embedded_count(database)
    assert 16 <= done < 64 and done % 16 == 0 and done == distinct, "whole batches only"
    resumed = subprocess.run([BINARY, "embed", "--database", database, "--model", MODEL], check=True, capture_output=True, text=True)
    assert f"Embedded {64 - done} papers" in resumed.stdout
    assert embedded_count(database) == (64, 64)
    again = subprocess.run([BINARY, "embed", "--database", database, "--model", MODEL], check=True, capture_output=True, text=True)
    assert "Embedded 0 papers" in again.stdout
    search = subprocess.run([BINARY, "search", "--database", database, "--model", MODEL, "--mode", "semantic", "--limit", "3",
                             "robots", "learning", "to", "act"], check=True, capture_output=True, text=True)
    assert len([line for line in search.stdout.splitlines() if line[:1].isdigit()]) == 3


def test_commands_name_a_missing_model_precisely():
    database = papers_database(2)
    result = subprocess.run([BINARY, "embed", "--database", database, "--model", "/nonexistent/model"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "model file not found: /nonexistent/model/vocab.txt" in result.stderr
    assert "make models" in result.stderr
    keyword = subprocess.run([BINARY, "search", "--database", database, "--model", "/nonexistent/model", "--mode", "keyword", "the"],
                             capture_output=True, text=True)
    assert keyword.returncode == 0, "keyword search needs no model"


def test_a_server_without_the_model_searches_by_words_and_says_so():
    database = papers_database(20)
    port = free_port()
    process = subprocess.Popen([BINARY, "serve", "--database", database, "--port", str(port), "--model", "/nonexistent/model"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        with urllib.request.urlopen(f"{url}/papers/search?q=language+models", timeout=10) as response:
            page = response.read().decode()
        assert "Search by meaning is off on this server" in page
        assert "<mark>" in page
        assert get_json(f"{url}/api/papers/search?q=language+models&limit=3")
    finally:
        process.terminate()
        _, log = process.communicate(timeout=10)
    assert "search by meaning is off" in log
