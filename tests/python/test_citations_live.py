"""Citation files read back by the parsers reference managers use: BibTeX by bibtexparser (with its LaTeX
decoding), RIS by rispy, CSL-JSON by citeproc-py, on papers with hostile titles and names and one of 664 authors."""
import json
import os
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from conftest import BINARY, RunningServer

HOSTILE_TITLE = "Braces {unbalanced and 100% of 5 & #1 under_score ^ ~ tilde"
HOSTILE_AUTHORS = ["José Müller-Łukasiewicz", "Zoë van der Berg", "王小明", "Søren O'Neil", "Back\\slash {Brace} #Hash & $Dollar %Per"]
PAPERS = [
    {"arxivId": "2401.00001", "title": HOSTILE_TITLE, "abstract": "Line one.\nLine two with {braces} and 50% off.",
     "authors": HOSTILE_AUTHORS, "publishedAt": "2024-01-02T10:00:00.000Z", "dailyDate": "2024-01-03", "upvotes": 3},
    {"arxivId": "2401.00002", "title": "Six hundred and sixty-four authors", "abstract": "A big collaboration.",
     "authors": [f"Given{i} Family{i}" for i in range(664)], "publishedAt": "2024-01-02T10:00:00.000Z",
     "dailyDate": "2024-01-03", "upvotes": 1},
    {"arxivId": "2401.00003", "title": "Müller and Muller agree", "abstract": "Same first author, year and word.",
     "authors": ["Anna Müller"], "publishedAt": "2024-01-02T10:00:00.000Z", "dailyDate": "2024-01-03", "upvotes": 1},
    {"arxivId": "2401.00004", "title": "Muller and Müller agree", "abstract": "Same first author, year and word.",
     "authors": ["Anna Muller"], "publishedAt": "2024-01-02T10:00:00.000Z", "dailyDate": "2024-01-03", "upvotes": 1},
]


@pytest.fixture(scope="module")
def site():
    folder = Path(tempfile.mkdtemp(prefix="dailypapers-cite-"))
    (folder / "papers.jsonl").write_text("".join(json.dumps(paper) + "\n" for paper in PAPERS))
    subprocess.run([BINARY, "import", "--database", str(folder / "c.sqlite"), str(folder / "papers.jsonl")], check=True, capture_output=True)
    server = RunningServer(str(folder / "c.sqlite"), {**os.environ, "DAILYPAPERS_MODEL": str(folder / "no-model")})
    yield server.url
    server.stop()


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.headers["Content-Type"], response.read().decode()


def bibtex(site, paper_id):
    content_type, text = fetch(f"{site}/papers/{paper_id}.bib")
    assert content_type == "application/x-bibtex; charset=utf-8"
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])
    assert library.failed_blocks == [] and len(library.entries) == 1, text
    return library.entries[0], text


def test_bibtex_is_arxivs_entry_with_every_special_character_escaped(site):
    entry, text = bibtex(site, "2401.00001")
    assert entry.entry_type == "misc"
    # pylatexenc reads \\textasciicircum, LaTeX's caret, as U+02C6 (the modifier letter that looks like it).
    assert entry["title"].replace("\u02c6", "^") == HOSTILE_TITLE
    assert entry["year"] == "2024" and entry["eprint"] == "2401.00001" and entry["archivePrefix"] == "arXiv"
    assert entry["url"] == "https://arxiv.org/abs/2401.00001"
    names = entry["author"]
    assert names[:4] == ["Müller-Łukasiewicz, José", "van der Berg, Zoë", "王小明", "O'Neil, Søren"]
    assert names[4] == "%Per, Back\\slash {Brace} #Hash & $Dollar"
    # The raw file is plain TeX: accents as commands, no bare special character inside a value.
    assert "M{\\\"u}ller" in text and "{\\L}ukasiewicz" in text and "Jos{\\'e}" in text
    for raw in ("100%", "& #1", " {unbalanced", " $Dollar"):
        assert raw not in text


def test_a_paper_of_664_authors_keeps_them_all_in_order(site):
    entry, _ = bibtex(site, "2401.00002")
    assert entry["author"] == [f"Family{i}, Given{i}" for i in range(664)]
    _, text = fetch(f"{site}/papers/2401.00002.ris")
    assert [record["authors"] for record in rispy.loads(text)][0] == [f"Family{i}, Given{i}" for i in range(664)]


def test_keys_are_unique_and_stable(site):
    keys = [bibtex(site, f"2401.0000{n}")[0].key for n in (1, 2, 3, 4)]
    assert len(set(keys)) == 4
    assert keys[2].startswith("muller2024muller-") and keys[3].startswith("muller2024muller-")
    assert keys == [bibtex(site, f"2401.0000{n}")[0].key for n in (1, 2, 3, 4)]
    _, ris = fetch(f"{site}/papers/2401.00001.ris")
    _, csl = fetch(f"{site}/papers/2401.00001.csl.json")
    assert rispy.loads(ris)[0]["id"] == keys[0] == json.loads(csl)[0]["id"]


def test_ris_has_one_line_per_value(site):
    content_type, text = fetch(f"{site}/papers/2401.00001.ris")
    assert content_type == "application/x-research-info-systems; charset=utf-8"
    record = rispy.loads(text)[0]
    assert record["type_of_reference"] == "UNPB" and record["title"] == HOSTILE_TITLE
    assert record["authors"][:2] == ["Müller-Łukasiewicz, José", "van der Berg, Zoë"]
    assert record["abstract"] == "Line one. Line two with {braces} and 50% off."
    assert record["year"] == "2024" and record["urls"] == ["https://arxiv.org/abs/2401.00001"]


def test_csl_json_renders_through_citeproc(site):
    content_type, text = fetch(f"{site}/papers/2401.00001.csl.json")
    assert content_type == "application/vnd.citationstyles.csl+json; charset=utf-8"
    items = json.loads(text)
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert "Müller-Łukasiewicz" in rendered and "2024" in rendered and HOSTILE_TITLE in rendered


def test_an_unknown_paper_is_a_404(site):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{site}/papers/2401.99999.bib")
    assert error.value.code == 404


def test_the_paper_page_offers_the_citation(site):
    _, page = fetch(f"{site}/papers/2401.00001")
    assert '<details class="cite"><summary>Cite</summary>' in page
    for ending in ("bib", "ris", "csl.json"):
        assert f'href="/papers/2401.00001.{ending}" download' in page
    assert "@misc{muller" in page and "Braces \\{unbalanced" in page
