"""Collections through the real `huggingface_hub` client (and the `hf` command line) with a DailyPapers API token
as HF_TOKEN, and through the site's own pages and forms: privacy, ordering, notes, feeds and citation files."""
import json
import os
import re
import subprocess
import tempfile
import urllib.request

import bibtexparser
import feedparser
import pytest
from huggingface_hub import HfApi
from huggingface_hub.errors import HfHubHTTPError

from conftest import API_FIXTURES, BINARY, RunningServer
from library import PASSWORD, api_token, create_members, signed_in
from test_community_live import SUBMITTED_ID, Browser, RecordedArxiv


def fixture_paper_ids():
    ids = []
    for path in API_FIXTURES:
        ids += [item["paper"]["id"] for item in json.loads(path.read_text())]
    return list(dict.fromkeys(ids))


@pytest.fixture(scope="module")
def arxiv():
    recorded = RecordedArxiv()
    yield recorded
    recorded.shutdown()


@pytest.fixture(scope="module")
def site(arxiv):
    folder = tempfile.mkdtemp(prefix="dailypapers-collections-")
    database = os.path.join(folder, "c.sqlite")
    subprocess.run([BINARY, "import", "--database", database, *map(str, API_FIXTURES)], check=True, capture_output=True)
    server = RunningServer(database, {**os.environ, "DAILYPAPERS_MODEL": os.path.join(folder, "no-model"), "ARXIV_API_URL": arxiv.url,
                                      "DAILYPAPERS_PASSWORD": PASSWORD})
    create_members(server, "alice", "bob")
    yield server.url
    server.stop()


def member(site, name):
    browser = signed_in(site, name)
    return browser, api_token(browser)


def hub(site, token=None):
    return HfApi(endpoint=site, token=token if token else False)


def test_the_hub_client_creates_fills_orders_and_deletes_a_collection(site):
    _, token = member(site, "alice")
    api = hub(site, token)
    assert api.whoami()["name"] == "alice"
    first, second, third = fixture_paper_ids()[:3]
    collection = api.create_collection("Reading group: week 1", description="What we read")
    assert collection.slug.startswith("alice/reading-group-week-1-") and collection.owner["name"] == "alice"
    assert collection.private is False and collection.items == []
    for paper in (first, second, third):
        collection = api.add_collection_item(collection.slug, paper, "paper", note=f"why {paper}")
    assert [item.item_id for item in collection.items] == [first, second, third]
    assert collection.items[0].note == f"why {first}" and collection.items[0].item_type == "paper"
    with pytest.raises(HfHubHTTPError) as duplicate:
        api.add_collection_item(collection.slug, first, "paper")
    assert duplicate.value.response.status_code == 409
    assert [item.item_id for item in api.add_collection_item(collection.slug, first, "paper", exists_ok=True).items] == [first, second, third]
    api.update_collection_item(collection.slug, collection.items[2].item_object_id, position=0, note="read this first")
    fetched = api.get_collection(collection.slug)
    assert [(item.item_id, item.position) for item in fetched.items] == [(third, 0), (first, 1), (second, 2)]
    assert fetched.items[0].note == "read this first"
    api.delete_collection_item(collection.slug, fetched.items[1].item_object_id)
    assert [item.item_id for item in api.get_collection(collection.slug).items] == [third, second]
    listed = list(hub(site).list_collections(item=f"papers/{third}", limit=10))
    assert collection.slug in [found.slug for found in listed]
    renamed = api.update_collection_metadata(collection.slug, title="Renamed", theme="green")
    assert renamed.title == "Renamed" and renamed.theme == "green"
    assert api.get_collection(collection.slug).title == "Renamed", "the old slug still names the collection: its id decides"
    api.delete_collection(collection.slug)
    with pytest.raises(HfHubHTTPError) as gone:
        api.get_collection(collection.slug)
    assert gone.value.response.status_code == 404


def test_a_private_collection_is_invisible_to_everyone_else(site):
    _, alice_token = member(site, "alice")
    _, bob_token = member(site, "bob")
    paper = fixture_paper_ids()[4]
    secret = hub(site, alice_token).create_collection("Secret list", private=True)
    hub(site, alice_token).add_collection_item(secret.slug, paper, "paper", note="my private note")
    for api in (hub(site), hub(site, bob_token)):
        with pytest.raises(HfHubHTTPError) as hidden:
            api.get_collection(secret.slug)
        assert hidden.value.response.status_code == 404
        assert secret.slug not in [found.slug for found in api.list_collections(item=f"papers/{paper}")]
        assert secret.slug not in [found.slug for found in api.list_collections(owner="alice")]
    with pytest.raises(HfHubHTTPError) as refused:
        hub(site, bob_token).add_collection_item(secret.slug, paper, "paper")
    assert refused.value.response.status_code == 404
    for path in (f"/collections/{secret.slug}", f"/collections/{secret.slug}.bib", f"/collections/{secret.slug}/feed.rss", f"/papers/{paper}",
                 "/users/alice", "/api/users/alice/overview"):
        status, page, _ = Browser(site).get(path)
        assert "my private note" not in page and "Secret list" not in page, path
        assert status == (404 if path.startswith("/collections/") else 200), path
    alice_browser, _ = member(site, "alice")
    assert "Secret list" in alice_browser.get("/users/alice")[1] and "Secret list" in alice_browser.get(f"/papers/{paper}")[1]
    assert hub(site, alice_token).get_collection(secret.slug).items[0].note == "my private note"


def test_bad_input_gets_a_clear_error(site):
    _, token = member(site, "bob")
    api = hub(site, token)
    with pytest.raises(HfHubHTTPError) as untitled:
        api.create_collection("   ")
    assert untitled.value.response.status_code == 400 and "title" in str(untitled.value)
    with pytest.raises(HfHubHTTPError) as foreign:
        api.create_collection("For someone else", namespace="alice")
    assert foreign.value.response.status_code in (403, 404)
    collection = api.create_collection("Models too?")
    with pytest.raises(HfHubHTTPError) as model:
        api.add_collection_item(collection.slug, "gpt2", "model")
    assert model.value.response.status_code == 400 and "paper" in str(model.value)
    with pytest.raises(HfHubHTTPError) as unknown:
        api.add_collection_item(collection.slug, "2401.99999", "paper")
    assert unknown.value.response.status_code == 404
    with pytest.raises(HfHubHTTPError) as anonymous:
        hub(site).create_collection("No token", namespace="bob")
    assert anonymous.value.response.status_code == 401
    with pytest.raises(HfHubHTTPError) as long_note:
        api.add_collection_item(collection.slug, fixture_paper_ids()[0], "paper", note="x" * 501)
    assert long_note.value.response.status_code == 400


def test_the_hub_calls_around_collections(site):
    _, token = member(site, "alice")
    api = hub(site, token)
    paper = fixture_paper_ids()[0]
    assert list(api.list_models(filter=f"arxiv:{paper}")) == [] and list(api.list_datasets(filter=f"arxiv:{paper}")) == []
    assert api.get_user_overview("alice").num_papers == 0
    info = api.paper_info(paper)
    assert info.id == paper
    collection = api.create_collection("Seen from the command line")
    api.add_collection_item(collection.slug, paper, "paper")
    result = subprocess.run(["hf", "collections", "ls", "--item", f"papers/{paper}", "--format", "json"], capture_output=True, text=True,
                            env={**os.environ, "HF_ENDPOINT": site, "HF_TOKEN": token, "HF_HUB_DISABLE_TELEMETRY": "1"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert collection.slug in result.stdout


def test_pages_forms_feeds_and_citations(site):
    alice, _ = member(site, "alice")
    first, second = fixture_paper_ids()[5:7]
    alice.get(f"/papers/{first}")
    status, _, headers = alice.post("/collections", {"paper": first, "title": "Made in the browser", "description": "<b>bold?</b>"})
    assert status == 302 and headers["Location"].startswith("/collections/alice/made-in-the-browser-")
    slug = headers["Location"][len("/collections/"):]
    status, page, _ = alice.get(f"/papers/{second}")
    assert "Add to collection" in page and f'<option value="{slug}">Made in the browser</option>' in page
    status, _, _ = alice.post("/collections", {"paper": second, "collection": slug, "note": "second <i>one</i>"})
    assert status == 302
    status, page, _ = alice.get(f"/collections/{slug}")
    assert status == 200 and "&lt;b&gt;bold?&lt;/b&gt;" in page and "second &lt;i&gt;one&lt;/i&gt;" in page
    assert page.index(f"/papers/{first}\"") < page.index(f"/papers/{second}\"")
    item = re.findall(r'name="item" value="([0-9a-f]{24})"', page)[-1]
    assert alice.post(f"/collections/{slug}/move", {"item": item, "position": "0"})[0] == 302
    _, page, _ = alice.get(f"/collections/{slug}")
    assert page.index(f"/papers/{second}\"") < page.index(f"/papers/{first}\"")
    assert alice.post(f"/collections/{slug}/upvote", {"upvoted": "1"})[0] == 302
    assert 'aria-pressed="true"' in alice.get(f"/collections/{slug}")[1]
    status, _, _ = alice.request(f"/collections/{slug}/remove", {"item": item, "csrf": "forged"})
    assert status == 403, "a form without the session's CSRF token changes nothing"
    assert "Made in the browser" in urllib.request.urlopen(f"{site}/users/alice").read().decode()
    visitor_page = urllib.request.urlopen(f"{site}/papers/{first}").read().decode()
    assert "Collections including this paper" in visitor_page and "Made in the browser" in visitor_page
    feed = feedparser.parse(urllib.request.urlopen(f"{site}/collections/{slug}/feed.atom").read())
    assert {entry.link.rsplit("/", 1)[-1] for entry in feed.entries} == {first, second}
    library = bibtexparser.parse_string(urllib.request.urlopen(f"{site}/collections/{slug}.bib").read().decode())
    assert [entry["eprint"] for entry in library.entries] == [second, first] and len({e.key for e in library.entries}) == 2
    assert alice.post(f"/collections/{slug}/delete", {})[0] == 302
    assert Browser(site).get(f"/collections/{slug}")[0] == 404


def test_import_a_bibtex_file_and_export_everything(site, arxiv):
    alice, token = member(site, "alice")
    known, other = fixture_paper_ids()[8:10]
    collection = hub(site, token).create_collection("Imported", private=True)
    hub(site, token).add_collection_item(collection.slug, other, "paper", note="kept")
    bibtex = f"""@misc{{a, eprint={{{known}}}, archivePrefix={{arXiv}}}}
@misc{{b, title={{Already there}}, url={{https://arxiv.org/abs/{other}v2}}}}
@misc{{c, note={{arXiv:{SUBMITTED_ID}}}}}
@misc{{d, eprint={{2609.00001}}}}
{known}"""
    alice.get(f"/collections/{collection.slug}")
    status, page, _ = alice.post(f"/collections/{collection.slug}/import", {"ids": bibtex})
    assert status == 200, page
    assert "Added 2 papers." in page and "1 were in the collection already." in page and "Not found on arXiv: 2609.00001." in page
    assert [request[0] for request in arxiv.requests][-2:] == [SUBMITTED_ID, "2609.00001"], "only the unknown ids are looked up"
    items = [item.item_id for item in hub(site, token).get_collection(collection.slug).items]
    assert items == [other, known, SUBMITTED_ID]
    assert alice.post(f"/collections/{collection.slug}/import", {"ids": "no ids here"})[0] == 400
    alice.post(f"/papers/{known}/save", {"saved": "1"})
    alice.post(f"/papers/{known}/note", {"note": "exported note"})
    status, text, headers = alice.get("/settings/export.json")
    assert status == 200 and headers["Content-Disposition"] == 'attachment; filename="dailypapers-alice.json"'
    archive = json.loads(text)
    assert archive["format"] == "dailypapers-account" and archive["profile"]["username"] == "alice"
    exported = next(record for record in archive["collections"] if record["slug"] == collection.slug)
    assert exported["private"] is True and [item["paperId"] for item in exported["items"]] == items and exported["items"][0]["note"] == "kept"
    assert {"paperId": known, "note": "exported note"}.items() <= next(s for s in archive["savedPapers"] if s["paperId"] == known).items()
    assert Browser(site).get("/settings/export.json")[0] in (302, 303)


def test_an_organizations_collection_and_the_cli(site):
    alice, token = member(site, "alice")
    alice.get("/organizations/new")
    assert alice.post("/organizations/new", {"name": "readinglab", "fullname": "Reading Lab"})[0] == 302
    paper, other = fixture_paper_ids()[11:13]
    page = alice.get(f"/papers/{paper}")[1]
    assert '<option value="readinglab">readinglab</option>' in page
    status, _, headers = alice.post("/collections", {"paper": paper, "title": "Lab picks", "namespace": "readinglab", "private": "1"})
    assert status == 302 and headers["Location"].startswith("/collections/readinglab/lab-picks-")
    slug = headers["Location"][len("/collections/"):]
    assert "Lab picks" in alice.get("/readinglab")[1], "members of the organization see its private collection"
    assert "Lab picks" not in Browser(site).get("/readinglab")[1]
    _, bob_token = member(site, "bob")
    with pytest.raises(HfHubHTTPError):
        hub(site, bob_token).get_collection(slug)
    result = subprocess.run(["hf", "collections", "add-item", slug, other, "paper", "--note", "from the command line"],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "HF_ENDPOINT": site, "HF_TOKEN": token, "HF_HUB_DISABLE_TELEMETRY": "1"})
    assert result.returncode == 0, result.stderr
    items = hub(site, token).get_collection(slug).items
    assert [item.item_id for item in items] == [paper, other] and items[1].note == "from the command line"
