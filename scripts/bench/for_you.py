"""How well "For you" finds what a member wants, against arxiv-sanity-lite's method and newest-first by upvotes.

    python3 for_you.py DAILYPAPERS_BIN MODEL_DIR HF_DAILY_PAPERS_JSONL WORK_DIR [--members-per-cutoff N]

Simulated members, from `hf-daily-papers.jsonl` alone. For each cut-off (four Mondays of 2026), a member is an author
with at least 3 papers featured in the 180 days before it; their history is their 20 latest such papers. The papers
they want are the candidates of the 7 days from the cut-off that share an author with their history's author lists,
come from the organization that claimed at least half their history, or share two AI keywords with the keywords of at
least two history papers. Members who want between 1 and 15 candidates are kept, N per cut-off drawn with a fixed seed.
The wanted set comes from authors, organizations and keywords, never from upvotes, embeddings or anything ranked.

Each member is made on a running `dailypapers serve` through its forms and API: signed up, an API token, an upvote
of each history paper, a follow of their author name (and of the organization, when there is one). The site's clock is
set to the cut-off's Friday evening (`CLOCK_START`), and `GET /api/me/for-you?limit=100` gives the ranking.
arxiv-sanity-lite's method: its TF-IDF (word uni- and bigrams, 20,000 features, min_df 5, max_df 0.1, sublinear tf,
English stop words) over title and abstract of every paper featured before the week ends, and per member a
`LinearSVC(C=0.01, class_weight="balanced")` with the history as positives and every other paper as negatives, its
decision function ranking the candidates. Newest-first by upvotes: the candidates by day, latest first, then upvotes.

Constants are chosen on half A of the members (coordinate search over `FOR_YOU_WEIGHTS`, by recall@10) and every figure
is reported on half B, with its standard error over members.
"""
import collections
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_members import member_token  # noqa: E402

CUTOFFS = ["2026-03-02", "2026-04-06", "2026-05-04", "2026-06-01"]
HISTORY_DAYS, HISTORY_SIZE, MOST_WANTED = 180, 20, 15


def day(text):
    return datetime.date.fromisoformat(text)


def members_of(papers, cutoff, count, seed):
    """The simulated members of one cut-off: (author, history ids, organization, wanted ids), and the candidates."""
    start = day(cutoff)
    candidates = [p for p in papers if start <= day(p["dailyDate"]) <= start + datetime.timedelta(6)]
    before = [p for p in papers if start - datetime.timedelta(HISTORY_DAYS) <= day(p["dailyDate"]) < start]
    by_author = collections.defaultdict(list)
    for paper in before:
        for author in paper["authors"]:
            by_author[author].append(paper)
    members, seen = [], set()
    for author in sorted(by_author):
        history = sorted(by_author[author], key=lambda p: (p["dailyDate"], p["arxivId"]), reverse=True)[:HISTORY_SIZE]
        key = tuple(sorted(p["arxivId"] for p in history))
        if len(history) < 3 or key in seen:
            continue
        seen.add(key)
        organization, wanted, topical = wants(history, candidates)
        if 1 <= len(wanted) <= MOST_WANTED:
            members.append({"author": author, "history": [p["arxivId"] for p in history], "organization": organization,
                            "wanted": wanted, "topical": topical, "cutoff": cutoff})
    return random.Random(seed).sample(members, min(count, len(members))), candidates


def wants(history, candidates):
    coauthors = {name for paper in history for name in paper["authors"]}
    claimed = collections.Counter((p.get("organization") or {}).get("name") for p in history if p.get("organization"))
    organization = None
    if claimed and claimed.most_common(1)[0][1] * 2 >= len(history):
        organization = claimed.most_common(1)[0][0]
    counts = collections.Counter(k.lower() for p in history for k in set(p.get("aiKeywords") or []))
    keywords = {k for k, n in counts.items() if n >= 2}
    by_people = {
        p["arxivId"] for p in candidates
        if coauthors & set(p["authors"]) or (organization and (p.get("organization") or {}).get("name") == organization)
    }
    by_topic = {p["arxivId"] for p in candidates if len(keywords & {k.lower() for k in (p.get("aiKeywords") or [])}) >= 2}
    return organization, by_people | by_topic, by_topic - by_people


def newest_by_upvotes(candidates):
    return [p["arxivId"] for p in sorted(candidates, key=lambda p: (p["dailyDate"], p["upvotes"]), reverse=True)]


def svm_rankings(papers, cutoff, members, candidates):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC
    end = day(cutoff) + datetime.timedelta(6)
    corpus = [p for p in papers if day(p["dailyDate"]) <= end]
    position = {p["arxivId"]: index for index, p in enumerate(corpus)}
    vectorizer = TfidfVectorizer(strip_accents="unicode", lowercase=True, analyzer="word", stop_words="english",
                                 token_pattern=r"(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b", ngram_range=(1, 2), max_features=20000,
                                 norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=True, max_df=0.1, min_df=5)
    matrix = vectorizer.fit_transform([p["title"] + " " + p["abstract"] for p in corpus])
    rows = [position[p["arxivId"]] for p in candidates]
    rankings = []
    for member in members:
        labels = [0] * len(corpus)
        for paper in member["history"]:
            labels[position[paper]] = 1
        classifier = LinearSVC(class_weight="balanced", C=0.01, max_iter=10000, tol=1e-6).fit(matrix, labels)
        scores = classifier.decision_function(matrix[rows])
        order = sorted(range(len(rows)), key=lambda i: -scores[i])
        rankings.append([candidates[i]["arxivId"] for i in order])
    return rankings


class Site:
    """A `dailypapers serve` on a copy of the embedded database, with the clock and weights given."""

    def __init__(self, binary, model, database, clock, weights):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {**os.environ, "CLOCK_START": clock, "FOR_YOU_WEIGHTS": json.dumps(weights), "BCRYPT_COST": "4",
                       "RATE_LIMITS": "pages=10000000,api=10000000,vote=10000000,signup=10000000,login=10000000"}
        self.log = open(Path(database).with_suffix(".log"), "a")
        self.process = subprocess.Popen([binary, "serve", "--database", database, "--port", str(self.port), "--model", model,
                                         "--log-level", "warning"], env=environment, stdout=self.log, stderr=self.log)
        for _ in range(600):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1).read()
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def call(self, method, path, token, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"null")

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def free_port():
    import socket
    with socket.socket() as handle:
        handle.bind(("127.0.0.1", 0))
        return handle.getsockname()[1]


def enrol(site, members):
    """Signs each member up and gives the site their upvotes and follows, through the forms and the API."""
    for index, member in enumerate(members):
        member["token"] = member_token(site.url, f"m{member['cutoff'].replace('-', '')}x{index}")
        for paper in member["history"]:
            site.call("POST", f"/api/papers/{paper}/upvote", member["token"])
        site.call("POST", "/api/me/follows", member["token"], {"kind": "author", "value": member["author"]})
        if member["organization"]:
            site.call("POST", "/api/me/follows", member["token"], {"kind": "organization", "value": member["organization"]})


def ours(site, members, candidates):
    allowed = {p["arxivId"] for p in candidates}
    rankings = []
    for member in members:
        items = site.call("GET", "/api/me/for-you?limit=100", member["token"])
        rankings.append([item["paper"]["id"] for item in items if item["paper"]["id"] in allowed])
    return rankings


def scores(ranking, wanted):
    top = ranking[:10]
    recall = len(wanted & set(top)) / len(wanted)
    gain = sum(1 / math.log2(rank + 2) for rank, paper in enumerate(top) if paper in wanted)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(10, len(wanted))))
    return recall, gain / ideal


def summary(values):
    mean = sum(values) / len(values)
    error = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1) / len(values)) if len(values) > 1 else 0
    return mean, error


def prepare(binary, model, source, work):
    """The catalogue with every paper embedded, made once in WORK_DIR."""
    base = work / "base.sqlite"
    if not base.exists():
        for command in (["migrate"], ["import", source], ["embed", "--model", model]):
            subprocess.run([binary, command[0], "--database", str(work / "building.sqlite"), *command[1:]], check=True, capture_output=True)
        (work / "building.sqlite").rename(base)
    return base


def evaluate(binary, model, groups, weights):
    """Every member's ranking by "For you" with `weights`: one server per cut-off, on its members' database."""
    rankings = {}
    for group in groups:
        site = Site(binary, model, str(group["database"]), group["clock"], weights)
        try:
            for member, ranking in zip(group["members"], ours(site, group["members"], group["candidates"])):
                rankings[id(member)] = ranking
        finally:
            site.stop()
    return rankings


def mean_recall(rankings, members):
    return sum(scores(rankings[id(m)], m["wanted"])[0] for m in members) / len(members)


def tune(binary, model, groups, half):
    """Coordinate search on `half`: each constant in turn takes the value with the best recall@10, others fixed."""
    grid = {"clusters": [1, 4, 8, 16], "meaning": [0.5, 1.0, 2.0], "author": [0.3, 0.6, 1.2], "readAuthor": [0.1, 0.3, 0.6],
            "freshness": [0.0, 0.05, 0.2], "popularity": [0.0, 0.1, 0.3]}
    chosen = {"clusters": 16, "meaning": 0.5, "author": 0.6, "readAuthor": 0.3, "freshness": 0.05, "popularity": 0.1}
    best = mean_recall(evaluate(binary, model, groups, chosen), half)
    trail = [f"start {json.dumps(chosen)}: recall@10 {best:.4f} on half A"]
    for name, values in grid.items():
        for value in values:
            if value == chosen[name]:
                continue
            trial = {**chosen, name: value}
            recall = mean_recall(evaluate(binary, model, groups, trial), half)
            trail.append(f"{name} = {value}: {recall:.4f}")
            if recall > best + 1e-9:
                best, chosen = recall, trial
    return chosen, trail


def main():
    arguments = sys.argv[1:]
    count = 60
    if "--members-per-cutoff" in arguments:
        position = arguments.index("--members-per-cutoff")
        count = int(arguments[position + 1])
        del arguments[position:position + 2]
    binary, model, source, work = arguments[0], arguments[1], arguments[2], Path(arguments[3])
    work.mkdir(parents=True, exist_ok=True)
    papers = [json.loads(line) for line in open(source)]
    base = prepare(binary, model, source, work)
    groups = []
    for number, cutoff in enumerate(CUTOFFS):
        members, candidates = members_of(papers, cutoff, count, seed=20261206 + number)
        for index, member in enumerate(members):
            member["half"] = "A" if index % 2 == 0 else "B"
        database = work / f"members-{cutoff}.sqlite"
        shutil.copy(base, database)
        clock = f"{(day(cutoff) + datetime.timedelta(4)).isoformat()}T21:00:00Z"
        group = {"cutoff": cutoff, "members": members, "candidates": candidates, "database": database, "clock": clock}
        site = Site(binary, model, str(database), clock, {})
        try:
            enrol(site, members)
        finally:
            site.stop()
        groups.append(group)
    everyone = [m for g in groups for m in g["members"]]
    half_a, half_b = [m for m in everyone if m["half"] == "A"], [m for m in everyone if m["half"] == "B"]
    chosen, trail = tune(binary, model, groups, half_a)
    rows = {
        "newest first by upvotes": {id(m): newest_by_upvotes(g["candidates"]) for g in groups for m in g["members"]},
        "arxiv-sanity-lite (TF-IDF + LinearSVC per member)": {
            id(m): r for g in groups for m, r in zip(g["members"], svm_rankings(papers, g["cutoff"], g["members"], g["candidates"]))},
        "DailyPapers For you (chosen constants)": evaluate(binary, model, groups, chosen),
        "… one interest cluster instead": evaluate(binary, model, groups, {**chosen, "clusters": 1}),
        "… without its follows (author, organization weights 0)": evaluate(binary, model, groups, {**chosen, "author": 0, "organization": 0}),
        "… by meaning alone (every other weight 0)": evaluate(binary, model, groups, {
            **chosen, "author": 0, "organization": 0, "readAuthor": 0, "freshness": 0, "popularity": 0}),
    }
    wanted = [len(m["wanted"]) for m in half_b]
    print(f"{len(everyone)} members over {len(groups)} cut-offs ({', '.join(CUTOFFS)}), {len(half_a)} in half A (tuning), "
          f"{len(half_b)} in half B (reported); candidates a week {min(len(g['candidates']) for g in groups)}–"
          f"{max(len(g['candidates']) for g in groups)}; papers wanted per member {sum(wanted) / len(wanted):.1f} on average")
    print(f"Constants chosen on half A: {json.dumps(chosen)}")
    for line in trail:
        print(f"  {line}")
    print()
    print("| ranking (half B) | recall@10 (standard error) | nDCG@10 (standard error) |")
    print("|---|---|---|")
    recalls = {}
    for label, rankings in rows.items():
        measured = [scores(rankings[id(m)], m["wanted"]) for m in half_b]
        recall, recall_error = summary([r for r, _ in measured])
        ndcg, ndcg_error = summary([n for _, n in measured])
        recalls[label] = recall
        print(f"| {label} | {recall:.4f} ({recall_error:.4f}) | {ndcg:.4f} ({ndcg_error:.4f}) |")
    ours_recall = recalls["DailyPapers For you (chosen constants)"]
    svm_recall = recalls["arxiv-sanity-lite (TF-IDF + LinearSVC per member)"]
    print()
    print(f"For you against arxiv-sanity-lite, recall@10: {(ours_recall / svm_recall - 1) * 100:+.1f} % (target ≥ +10 %)")
    topical = [m for m in half_b if m["topical"]]
    print()
    print(f"Topical papers only ({len(topical)} members of half B): the wanted papers that share two AI keywords with the history but")
    print("no author with it and not its organization, so that no author or organization signal can find them:")
    print()
    print("| ranking (half B, topical wanted only) | recall@10 (standard error) | nDCG@10 (standard error) |")
    print("|---|---|---|")
    for label, rankings in rows.items():
        measured = [scores(rankings[id(m)], m["topical"]) for m in topical]
        recall, recall_error = summary([r for r, _ in measured])
        ndcg, ndcg_error = summary([n for _, n in measured])
        print(f"| {label} | {recall:.4f} ({recall_error:.4f}) | {ndcg:.4f} ({ndcg_error:.4f}) |")


if __name__ == "__main__":
    main()
