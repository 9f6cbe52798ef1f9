"""`/api/me/for-you` latency for 1,000 active members on a site of 100,000 papers whose week holds 5,000 new papers.

    python3 for_you_latency.py SITE_URL DATABASE MEMBERS

DATABASE is the site's SQLite file (read for the week's papers and authors, written only to confirm the members'
addresses). Members are signed up on the form with an API token each; each follows two authors of the week's papers
and one topic and upvotes 20 older papers, all through the API. Then every member asks for their list three times
(the first ranks it, the next two find it cached), each call timed, with `/api/daily_papers?limit=50` (a shared,
cached answer) timed between them as the reference. Prints one JSON line per row.
"""
import json
import random
import sqlite3
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_members import member_token  # noqa: E402

TOPICS = ["speculative decoding", "diffusion models", "reinforcement learning", "retrieval augmented generation", "robot manipulation",
          "vision language models", "code generation", "mixture of experts", "video generation", "agents"]


def call(site, path, token, body=None, method=None):
    request = urllib.request.Request(site + path, data=json.dumps(body).encode() if body is not None else None, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def percentile(values, share):
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)


def main():
    site, database, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    random.seed(7)
    db = sqlite3.connect(database)
    week = [json.loads(row[0]) for row in db.execute("SELECT authors FROM papers WHERE announced_on IS NOT NULL OR featured_on >= '2026-08-15'")]
    older = [row[0] for row in db.execute("SELECT id FROM papers WHERE featured_on < '2026-08-01' ORDER BY id")]
    tokens = [member_token(site, f"reader{index}") for index in range(count)]
    db.execute("UPDATE users SET email_verified_at = 1 WHERE email_verified_at IS NULL")
    db.commit()
    for token in tokens:
        for authors in random.sample(week, 2):
            call(site, "/api/me/follows", token, {"kind": "author", "value": authors[0]})
        call(site, "/api/me/follows", token, {"kind": "topic", "value": random.choice(TOPICS)})
        for paper in random.sample(older, 20):
            call(site, f"/api/papers/{paper}/upvote", token, method="POST")
    for round_number in range(3):
        mine, shared = [], []
        for token in tokens:
            mine.append(call(site, "/api/me/for-you?limit=50", token))
            shared.append(call(site, "/api/daily_papers?limit=50", token))
        kind = "first call (ranked)" if round_number == 0 else f"call {round_number + 1} (cached)"
        print(json.dumps({"row": kind, "members": count, "for_you_p50_ms": percentile(mine, 0.5), "for_you_p99_ms": percentile(mine, 0.99),
                          "reference_p50_ms": percentile(shared, 0.5), "reference_p99_ms": percentile(shared, 0.99)}))


if __name__ == "__main__":
    main()
