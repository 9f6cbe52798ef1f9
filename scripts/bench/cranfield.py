"""Keyword search quality on the Cranfield collection, on both engines, next to rank_bm25 in the same run.

    python3 cranfield.py DAILYPAPERS_BIN WORK_DIR CRANFIELD_DIR SQLITE_DATABASE POSTGRES_DATABASE_URL

Loads the 1,398 non-empty Cranfield abstracts as papers (ids 2001.00001…), runs the 225 queries through
`dailypapers search --batch` on each database, and prints nDCG@10 (graded, linear gains), MAP@100 and Recall@100
as a Markdown table. rank_bm25 (Okapi, its defaults) over the same title + abstract text is the reference.
"""
import json
import math
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def paper_id(corpus_id):
    return f"2001.{int(corpus_id):05d}"


def load(cranfield):
    corpus = [json.loads(line) for line in open(cranfield / "corpus.jsonl")]
    queries = [json.loads(line) for line in open(cranfield / "queries.jsonl")]
    qrels = defaultdict(dict)
    for line in list(open(cranfield / "qrels.tsv"))[1:]:
        query, document, score, _ = line.split("\t")
        if int(score) > 0:
            qrels[query][paper_id(document)] = int(score)
    return corpus, queries, qrels


def papers_file(corpus, folder):
    path = folder / "cranfield.jsonl"
    with open(path, "w") as output:
        for document in corpus:
            title, text = document["title"].strip(), document["text"].strip()
            if not title or not text:
                continue  # documents 471 and 995 are empty in the original
            # The text repeats the title at its start: the abstract is what follows it.
            abstract = text[len(title):].strip() if text.startswith(title) else text
            output.write(json.dumps({
                "schema": "dailypapers.paper/1", "id": paper_id(document["_id"]), "arxivId": paper_id(document["_id"]),
                "title": title, "abstract": abstract or title, "authors": [document["authors"] or "unknown"],
                "authorCount": 1, "publishedAt": "1960-01-01T00:00:00.000Z", "featuredOn": None, "submittedAt": None,
                "submittedBy": None, "upvotes": 0, "numComments": 0, "organization": None, "githubRepo": None,
                "githubStars": None, "projectPage": None, "aiSummary": None, "aiKeywords": [], "categories": [],
                "mediaUrls": [], "position": None,
            }) + "\n")
    return path


def evaluate(runs, qrels):
    ndcg, average_precision, recall = [], [], []
    for query, ranked in runs.items():
        relevant = qrels.get(query, {})
        if not relevant:
            continue
        dcg = sum(relevant.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked[:10]))
        ideal = sum(score / math.log2(rank + 2) for rank, score in enumerate(sorted(relevant.values(), reverse=True)[:10]))
        ndcg.append(dcg / ideal)
        hits, precision_sum = 0, 0.0
        for rank, doc in enumerate(ranked[:100]):
            if doc in relevant:
                hits += 1
                precision_sum += hits / (rank + 1)
        average_precision.append(precision_sum / min(len(relevant), 100))
        recall.append(hits / len(relevant))
    mean = lambda values: sum(values) / len(values)
    return mean(ndcg), mean(average_precision), mean(recall)


def engine_runs(binary, database, queries, folder):
    query_file = folder / "cranfield-queries.txt"
    query_file.write_text("".join(query["text"].replace("\n", " ") + "\n" for query in queries))
    output = subprocess.run([binary, "search", "--database", database, "--batch", str(query_file), "--limit", "100"],
                            check=True, capture_output=True, text=True).stdout
    lines = [json.loads(line) for line in output.splitlines()]
    assert len(lines) == len(queries)
    return {query["_id"]: [hit["id"] for hit in line["hits"]] for query, line in zip(queries, lines)}


def bm25_runs(corpus, queries):
    from rank_bm25 import BM25Okapi
    tokenize = lambda text: re.findall(r"\w+", text.lower())
    documents = [document for document in corpus if document["title"].strip() and document["text"].strip()]
    index = BM25Okapi([tokenize(document["title"] + " " + document["text"]) for document in documents])
    runs = {}
    for query in queries:
        scores = index.get_scores(tokenize(query["text"]))
        order = sorted(range(len(documents)), key=lambda position: -scores[position])[:100]
        runs[query["_id"]] = [paper_id(documents[position]["_id"]) for position in order]
    return runs


def main():
    binary, work, cranfield, sqlite, postgres = sys.argv[1:]
    folder, cranfield = Path(work), Path(cranfield)
    corpus, queries, qrels = load(cranfield)
    papers = papers_file(corpus, folder)
    rows = []
    for label, database in [("DailyPapers on SQLite (FTS5 BM25)", sqlite), ("DailyPapers on PostgreSQL (tsvector, ts_rank)", postgres)]:
        subprocess.run([binary, "import", "--database", database, str(papers)], check=True, capture_output=True)
        rows.append((label, evaluate(engine_runs(binary, database, queries, folder), qrels)))
    rows.append(("rank_bm25 (reference, same text)", evaluate(bm25_runs(corpus, queries), qrels)))
    print("| keyword search | nDCG@10 | MAP@100 | Recall@100 |")
    print("|---|---|---|---|")
    for label, (ndcg, average_precision, recall) in rows:
        print(f"| {label} | {ndcg:.3f} | {average_precision:.3f} | {recall:.3f} |")


if __name__ == "__main__":
    main()
