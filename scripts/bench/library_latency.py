#!/usr/bin/env python3
"""A member's library under load, one request at a time: `/saved` (first and a late page), a collection's page,
searches within the reading list (words, meaning, both), and the BibTeX export of the whole list — with the
server's memory before and during the export. `/` is measured in the same minutes as the reference.

    python3 library_latency.py BASE_URL DATABASE SERVER_PID USERNAME PASSWORD COLLECTION_PATH COUNT

Prints Markdown table rows: what, requests, p50 ms, p99 ms.
"""
import http.cookiejar
import random
import re
import sqlite3
import sys
import threading
import time
import urllib.parse
import urllib.request


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])
    return 0


def main():
    base, database, pid, username, password, collection, count = sys.argv[1:8]
    count = int(count)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    opener.open(base + "/login", urllib.parse.urlencode({"csrf": csrf, "login": username, "password": password}).encode()).read()

    def timed(paths):
        latencies = []
        for path in paths:
            started = time.perf_counter()
            with opener.open(base + path) as response:
                response.read()
                assert response.status == 200, path
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    random.seed(11)
    titles = [row[0] for row in sqlite3.connect(database).execute(
        "SELECT p.title FROM saved_papers s JOIN papers p ON p.id = s.paper_id ORDER BY random() LIMIT ?", (count * 5,))]
    words = [" ".join(random.sample(re.findall(r"[A-Za-z]{5,}", title), 2)) for title in titles if len(re.findall(r"[A-Za-z]{5,}", title)) >= 2]
    rows = [
        ("`/` (reference)", ["/"] * count),
        ("`/saved`, first page", ["/saved"] * count),
        ("`/saved?p=150` (papers 7,501–7,550)", ["/saved?p=150"] * count),
        ("`/saved?state=unread&code=1`", ["/saved?state=unread&code=1"] * count),
        ("collection of 2,000, first page", [collection] * count),
        ("collection of 2,000, page 30", [collection + "?p=30"] * count),
        ("search within, words", ["/saved?mode=keyword&q=" + urllib.parse.quote(q) for q in words[:count]]),
        ("search within, meaning", ["/saved?mode=semantic&q=" + urllib.parse.quote(q) for q in words[count:2 * count]]),
        ("search within, both", ["/saved?q=" + urllib.parse.quote(q) for q in words[2 * count:3 * count]]),
    ]
    for label, paths in rows:
        timed(paths[:5])
        latencies = timed(paths)
        print(f"| {label} | {len(latencies)} | {percentile(latencies, 0.5):.2f} | {percentile(latencies, 0.99):.2f} |", flush=True)

    before = rss_kb(pid)
    peak = [before]
    done = threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], rss_kb(pid))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.perf_counter()
    with opener.open(base + "/saved.bib") as response:
        size = len(response.read())
    elapsed = time.perf_counter() - started
    done.set()
    watcher.join()
    print(f"\nBibTeX export of the reading list: {size / 1e6:.1f} MB in {elapsed:.2f} s; server RSS {before // 1024} MB before, "
          f"{peak[0] // 1024} MB at most during it (+{(peak[0] - before) // 1024} MB).")


if __name__ == "__main__":
    main()
