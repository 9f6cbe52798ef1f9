"""The real huggingface_hub client against a running DailyPapers server holding the recorded HF API responses."""
from datetime import date, datetime, timezone

import pytest
from huggingface_hub.errors import HfHubHTTPError


def expected_order(items):
    """A dated batch is ordered by upvotes, highest first (ties: the order HF listed them)."""
    indexed = list(enumerate(items))
    indexed.sort(key=lambda pair: (-pair[1]["paper"]["upvotes"], pair[0]))
    return [item for _, item in indexed]


def visible_authors(item):
    return [author["name"] for author in item["paper"]["authors"] if not author.get("hidden")]


def parse(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


@pytest.mark.parametrize("day", ["2024-10-16", "2026-08-21"])
def test_list_daily_papers_for_a_date_matches_huggingface(hf_api, fixture_items, day):
    items = expected_order(fixture_items[day])
    papers = list(hf_api.list_daily_papers(date=day))
    assert [paper.id for paper in papers] == [item["paper"]["id"] for item in items]
    for paper, item in zip(papers, items):
        assert paper.title == " ".join(item["title"].split())
        assert [author.name for author in paper.authors] == visible_authors(item)
        assert paper.upvotes == item["paper"]["upvotes"]
        assert paper.published_at == parse(item["paper"]["publishedAt"])
        assert paper.submitted_at.date() == date.fromisoformat(day)
        assert paper.comments == item["numComments"]
        assert paper.summary == item["paper"]["summary"].strip(), "the summary as Hugging Face gave it, line breaks and all"
        organization = item["paper"].get("organization") or item.get("organization")
        if organization:
            assert paper.organization.name == organization["name"]
            assert paper.organization.fullname == organization["fullname"]
        else:
            assert paper.organization is None
        submitter = item["paper"].get("submittedOnDailyBy") or item.get("submittedBy")
        assert paper.submitted_by.username == (submitter.get("user") or submitter["name"])


def test_list_daily_papers_for_a_week(hf_api, fixture_items):
    papers = list(hf_api.list_daily_papers(week="2026-W34", limit=100))
    assert {paper.id for paper in papers} == {item["paper"]["id"] for item in fixture_items["2026-08-21"]}
    monday, sunday = date(2026, 8, 17), date(2026, 8, 23)
    assert all(monday <= paper.submitted_at.date() <= sunday for paper in papers)
    assert list(hf_api.list_daily_papers(week="2024-W42", limit=100))[0].id in {i["paper"]["id"] for i in fixture_items["2024-10-16"]}


def test_list_daily_papers_pages_and_months(hf_api):
    first = list(hf_api.list_daily_papers(month="2026-08", limit=5))
    second = list(hf_api.list_daily_papers(month="2026-08", limit=5, p=1))
    assert len(first) == 5 and len(second) == 5
    assert not {paper.id for paper in first} & {paper.id for paper in second}
    assert list(hf_api.list_daily_papers(month="2026-08", p=100)) == []


def test_paper_info_returns_every_field(hf_api, fixture_items):
    item = fixture_items["2026-08-21"][0]
    source = item["paper"]
    paper = hf_api.paper_info(source["id"])
    assert paper.id == source["id"]
    assert paper.title == " ".join(item["title"].split())
    assert [author.name for author in paper.authors] == visible_authors(item)
    assert paper.upvotes == source["upvotes"]
    assert paper.published_at == parse(source["publishedAt"])
    assert paper.submitted_at == parse(source["submittedOnDailyAt"])
    assert paper.github_repo == source["githubRepo"]
    assert paper.github_stars == source["githubStars"]
    assert paper.project_page == source["projectPage"]
    assert paper.ai_summary == source["ai_summary"]
    assert paper.ai_keywords == source["ai_keywords"]
    assert paper.organization.name == source["organization"]["name"]


def test_unknown_paper_is_a_404(hf_api):
    with pytest.raises(HfHubHTTPError) as raised:
        hf_api.paper_info("2999.99999")
    assert raised.value.response.status_code == 404


def test_bad_date_is_a_400_with_a_message(hf_api):
    with pytest.raises(HfHubHTTPError) as raised:
        list(hf_api.list_daily_papers(date="2026-02-30"))
    assert raised.value.response.status_code == 400
    assert raised.value.response.json() == {"error": "Invalid date '2026-02-30': expected YYYY-MM-DD"}


def test_trending_sort_is_accepted(hf_api):
    papers = list(hf_api.list_daily_papers(sort="trending", limit=3))
    assert len(papers) == 3
    assert all(paper.submitted_at.tzinfo == timezone.utc for paper in papers)
