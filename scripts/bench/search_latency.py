#!/usr/bin/env python3
"""Query latency of a running server, one request at a time, per search mode.

    python3 search_latency.py BASE_URL DATABASE COUNT

Queries come from the papers themselves, so they have answers: keyword-style ones are two rare-ish words of a
paper's title, natural-language ones are a paper's first abstract sentence. Each mode gets its own COUNT queries
(so no query is answered from the server's query-embedding cache); semantic search is also measured with the
keyword-style queries, as people type them. Prints one JSON line per mode with p50/p99 in ms.
"""
import json
import random
import re
import sqlite3
import sys
import time
import urllib.parse
import urllib.request


def queries(database, count):
    random.seed(7)
    rows = sqlite3.connect(database).execute("SELECT title, abstract FROM papers ORDER BY random() LIMIT ?", (count * 6,)).fetchall()
    keyword, natural = [], []
    for title, abstract in rows:
        words = [w for w in re.findall(r"[A-Za-z]{5,}", title)]
        if len(words) >= 2:
            keyword.append(" ".join(random.sample(words, 2)))
        sentence = abstract.split(". ")[0][:200]
        natural.append(sentence)
    return keyword, natural


def measure(base, mode, texts, label=None):
    latencies = []
    for text in texts:
        url = f"{base}/api/papers/search?limit=10&mode={mode}&q={urllib.parse.quote(text)}"
        started = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
            assert response.status == 200
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {"mode": label or mode, "queries": len(texts), "p50_ms": round(latencies[len(latencies) // 2], 2), "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 2)}


def main():
    base, database, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    keyword, natural = queries(database, count)
    measure(base, "keyword", keyword[:20])  # warm-up
    print(json.dumps(measure(base, "keyword", keyword[20:20 + count])))
    print(json.dumps(measure(base, "semantic", natural[:count])))
    print(json.dumps(measure(base, "hybrid", natural[count:2 * count])))
    print(json.dumps(measure(base, "semantic", keyword[20 + count:20 + 2 * count], "semantic, two title words")))


if __name__ == "__main__":
    main()
