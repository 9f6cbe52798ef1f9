"""Search quality on the Cranfield collection, next to reference implementations run on the same text.

    python3 cranfield.py DAILYPAPERS_BIN WORK_DIR CRANFIELD_DIR SQLITE_DATABASE [POSTGRES_DATABASE_URL] [--model DIR]

Loads the 1,398 non-empty Cranfield abstracts as papers (ids 2001.00001…), runs the 225 queries through
`dailypapers search --batch`, and prints nDCG@10 (graded, linear gains), MAP@100 and Recall@100 as Markdown tables.
References: rank_bm25 (Okapi, its defaults) over title + abstract.

With --model, the papers are also embedded (`dailypapers embed`) and the keyword, semantic and hybrid modes are
measured twice: on the queries as written (natural language) and on keyword-style versions of them (each query's
three rarest non-stop words, as someone typing keywords would), next to sentence-transformers (MiniLM) and the
reciprocal-rank fusion of the two references.
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
                "authorCount": 1, "publishedAt": "2020-01-01T00:00:00.000Z", "featuredOn": None, "submittedAt": None,
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


STOP_WORDS = set("""a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her here
hers how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over
own same she should so some such than that the their them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yet also may must shall
""".split())


def keyword_style(queries, corpus):
    """Each query cut to its three rarest words that are not stop words, in their original order."""
    frequency = defaultdict(int)
    for document in corpus:
        for word in set(re.findall(r"[a-z0-9]+", (document["title"] + " " + document["text"]).lower())):
            frequency[word] += 1
    styled = []
    for query in queries:
        words = [w for w in dict.fromkeys(re.findall(r"[a-z0-9]+", query["text"].lower())) if w not in STOP_WORDS and frequency[w] > 0]
        rarest = set(sorted(words, key=lambda w: frequency[w])[:3])
        styled.append({"_id": query["_id"], "text": " ".join(w for w in words if w in rarest)})
    return styled


def engine_runs(binary, database, queries, folder, mode="keyword", model=None, sql_ranking=False):
    query_file = folder / "cranfield-queries.txt"
    query_file.write_text("".join(query["text"].replace("\n", " ") + "\n" for query in queries))
    command = [binary, "search", "--database", database, "--batch", str(query_file), "--limit", "100", "--mode", mode]
    if model:
        command += ["--model", model]
    if sql_ranking:
        command.append("--sql-ranking")
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
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


def dense_runs(model, corpus, queries):
    from sentence_transformers import SentenceTransformer
    encoder = SentenceTransformer(model, device="cpu")
    documents = [document for document in corpus if document["title"].strip() and document["text"].strip()]
    texts = [document["title"].strip() + "\n" + (document["text"].strip()[len(document["title"].strip()):].strip() or document["title"]) for document in documents]
    document_vectors = encoder.encode(texts, batch_size=32, normalize_embeddings=True)
    query_vectors = encoder.encode([query["text"] for query in queries], normalize_embeddings=True)
    runs = {}
    for query, vector in zip(queries, query_vectors):
        scores = document_vectors @ vector
        order = sorted(range(len(documents)), key=lambda position: -scores[position])[:100]
        runs[query["_id"]] = [paper_id(documents[position]["_id"]) for position in order]
    return runs


def reciprocal_rank_fusion(first, second, k=60):
    fused = {}
    for query in first:
        scores = defaultdict(float)
        for ranking in (first[query], second.get(query, [])):
            for rank, document in enumerate(ranking[:100]):
                scores[document] += 1 / (k + rank + 1)
        fused[query] = sorted(scores, key=lambda document: -scores[document])
    return fused


def table(title, rows):
    lines = [f"| {title} | nDCG@10 | MAP@100 | Recall@100 |", "|---|---|---|---|"]
    for label, (ndcg, average_precision, recall) in rows:
        lines.append(f"| {label} | {ndcg:.3f} | {average_precision:.3f} | {recall:.3f} |")
    return "\n".join(lines)


def main():
    arguments = sys.argv[1:]
    model = None
    if "--model" in arguments:
        position = arguments.index("--model")
        model = arguments[position + 1]
        del arguments[position:position + 2]
    binary, work, cranfield, sqlite = arguments[:4]
    postgres = arguments[4] if len(arguments) > 4 else None
    folder, cranfield = Path(work), Path(cranfield)
    corpus, queries, qrels = load(cranfield)
    papers = papers_file(corpus, folder)
    subprocess.run([binary, "import", "--database", sqlite, str(papers)], check=True, capture_output=True)
    rows = [
        ("DailyPapers in-memory index (BM25, what `serve` ranks with)", evaluate(engine_runs(binary, sqlite, queries, folder), qrels)),
        ("DailyPapers SQL ranking on SQLite (FTS5 BM25)", evaluate(engine_runs(binary, sqlite, queries, folder, sql_ranking=True), qrels)),
    ]
    if postgres:
        subprocess.run([binary, "import", "--database", postgres, str(papers)], check=True, capture_output=True)
        rows.append(("DailyPapers SQL ranking on PostgreSQL (tsvector, ts_rank)", evaluate(engine_runs(binary, postgres, queries, folder, sql_ranking=True), qrels)))
    bm25 = bm25_runs(corpus, queries)
    rows.append(("rank_bm25 (reference, same text)", evaluate(bm25, qrels)))
    print(table("keyword search", rows))
    if not model:
        return
    subprocess.run([binary, "embed", "--database", sqlite, "--model", model], check=True, capture_output=True)
    for label, query_set in [("queries as written (natural language)", queries), ("keyword-style queries (3 rarest words)", keyword_style(queries, corpus))]:
        rows = []
        for mode in ["keyword", "semantic", "hybrid"]:
            rows.append((f"DailyPapers {mode}", evaluate(engine_runs(binary, sqlite, query_set, folder, mode, model), qrels)))
        reference_bm25 = bm25_runs(corpus, query_set)
        reference_dense = dense_runs(model, corpus, query_set)
        rows.append(("rank_bm25", evaluate(reference_bm25, qrels)))
        rows.append(("sentence-transformers MiniLM", evaluate(reference_dense, qrels)))
        rows.append(("RRF of rank_bm25 and MiniLM (k=60)", evaluate(reciprocal_rank_fusion(reference_bm25, reference_dense), qrels)))
        print()
        print(table(label, rows))


if __name__ == "__main__":
    main()
