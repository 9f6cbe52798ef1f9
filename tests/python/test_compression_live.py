"""gzip on the wire, against a real server on all 9,877 papers: the cached fast path and the normal path send the
same bytes compressed to clients that accept gzip and plain to the rest, and the front page stays small."""
import gzip
import http.client
import urllib.parse


def fetch(url, path, accept_encoding=None, cookie=None):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    headers = {}
    if accept_encoding:
        headers["Accept-Encoding"] = accept_encoding
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_pages_feeds_and_json_leave_compressed_and_read_the_same(browsed_site):
    for path in ["/", "/papers/week/2026-W34", "/nvidia", "/papers/feed.atom", "/api/daily_papers?date=2026-08-21", "/papers/2501.14249"]:
        plain, plain_body = fetch(browsed_site.url, path)
        assert plain.status == 200 and plain.getheader("Content-Encoding") is None, path
        for attempt in range(2):  # the first may render (the normal path), the second comes from the cache
            packed, packed_body = fetch(browsed_site.url, path, "gzip, deflate, br")
            assert packed.getheader("Content-Encoding") == "gzip", f"{path} (request {attempt + 1})"
            assert "Accept-Encoding" in packed.getheader("Vary", ""), path
            assert int(packed.getheader("Content-Length")) == len(packed_body)
            assert gzip.decompress(packed_body) == plain_body, path
            assert len(packed_body) * 3 < len(plain_body), f"{path}: {len(packed_body)} of {len(plain_body)} bytes"


def test_gzip_refused_by_q0_is_not_sent(browsed_site):
    response, body = fetch(browsed_site.url, "/", "gzip;q=0, identity")
    assert response.getheader("Content-Encoding") is None and body.startswith(b"<!doctype html>")


def test_the_front_page_is_at_most_25_kb_on_the_wire(browsed_site):
    fetch(browsed_site.url, "/", "gzip")
    response, body = fetch(browsed_site.url, "/", "gzip")
    assert response.getheader("Content-Encoding") == "gzip"
    assert len(body) <= 25_000, f"/ is {len(body)} bytes compressed"
    week, week_body = fetch(browsed_site.url, "/papers/week/2026-W34", "gzip")
    assert week.status == 200 and week.getheader("Content-Encoding") == "gzip"
    assert len(gzip.decompress(week_body)) < 106_000, "cards send a snippet, not the whole abstract"
