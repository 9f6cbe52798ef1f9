"""RSS and Atom feeds read by feedparser, the library most feed readers are built on."""
import urllib.request

import feedparser
import pytest

FEEDS = ["/papers/feed.atom", "/papers/feed.rss", "/papers/week/feed.atom", "/papers/week/feed.rss",
         "/papers/trending/feed.atom", "/papers/trending/feed.rss", "/google/feed.atom", "/google/feed.rss"]


@pytest.mark.parametrize("path", FEEDS)
def test_feeds_parse_cleanly(server_url, fixture_items, path):
    feed = feedparser.parse(server_url + path)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.status == 200
    assert feed.entries, "every feed has items"
    known = {item["paper"]["id"] for items in fixture_items.values() for item in items}
    for entry in feed.entries:
        assert entry.id.startswith("tag:dailypapers,2025:paper/")
        assert entry.id.removeprefix("tag:dailypapers,2025:paper/") in known
        assert entry.link.startswith(server_url + "/papers/")
        assert entry.title
        assert entry.published_parsed or entry.updated_parsed


def test_daily_feed_holds_the_newest_days_papers(server_url, fixture_items):
    feed = feedparser.parse(server_url + "/papers/feed.atom")
    newest = {item["paper"]["id"] for item in fixture_items["2026-08-21"]}
    ids = [entry.id.rsplit("/", 1)[1] for entry in feed.entries]
    assert newest <= set(ids)
    assert feed.feed.title == "Daily Papers"


def test_feed_readers_get_304_when_nothing_changed(server_url):
    first = feedparser.parse(server_url + "/papers/feed.rss")
    again = feedparser.parse(server_url + "/papers/feed.rss", etag=first.etag, modified=first.modified)
    assert again.status == 304
    request = urllib.request.Request(server_url + "/papers/feed.rss", headers={"If-None-Match": '"stale"'})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
