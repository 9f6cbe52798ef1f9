"""Search quality on real papers, searched the two ways people search: by topical keywords and by a sentence.

    python3 hf_queries.py DAILYPAPERS_BIN WORK_DIR HF_DAILY_PAPERS_JSONL MODEL_DIR [--queries N] [--seed S]

The corpus is every paper of `hf-daily-papers.jsonl` with its `aiKeywords` and `aiSummary` removed; those fields are
Hugging Face's own keywords and one-sentence summary of each paper, and become the queries of N papers drawn with a
fixed seed (default 400, seed 20261202): "keywords" is a paper's first four keywords as typed (space-separated),
"paraphrase" its summary. A query's one relevant paper is the one it came from. Reports MRR@10 and Recall@10 of
`dailypapers search` in keyword, semantic and hybrid modes, next to rank_bm25 (Okapi defaults, lower-cased
whitespace tokens, no stemming or stop words, over title + abstract), sentence-transformers MiniLM (title + abstract,
as `dailypapers embed` embeds them) and their reciprocal-rank fusion (k=60), all on the same corpus and queries.

WORK_DIR keeps the database and the reference vectors between runs (delete it to start over).
"""
import hashlib
import json
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def load(path, count, seed):
    papers = [json.loads(line) for line in open(path)]
    candidates = [p for p in papers if len(p.get("aiKeywords") or []) >= 4 and (p.get("aiSummary") or "").strip()]
    chosen = random.Random(seed).sample(candidates, count)
    queries = {
        "keywords": [(p["arxivId"], " ".join(p["aiKeywords"][:4])) for p in chosen],
        "paraphrase": [(p["arxivId"], p["aiSummary"].strip()) for p in chosen],
    }
    for paper in papers:
        paper.pop("aiKeywords", None)
        paper.pop("aiSummary", None)
    return papers, queries


def prepare(binary, model, papers, work):
    database = work / "hf.sqlite"
    if not database.exists():
        corpus = work / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(paper) + "\n" for paper in papers))
        subprocess.run([binary, "migrate", "--database", str(database)], check=True, capture_output=True)
        subprocess.run([binary, "import", "--database", str(database), str(corpus)], check=True, capture_output=True)
        subprocess.run([binary, "embed", "--database", str(database), "--model", model], check=True, capture_output=True)
    return database


def engine_runs(binary, database, model, queries, mode, work):
    query_file = work / f"queries-{mode}.txt"
    query_file.write_text("".join(text.replace("\n", " ") + "\n" for _, text in queries))
    command = [binary, "search", "--database", str(database), "--batch", str(query_file), "--limit", "10", "--mode", mode, "--model", model]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    lines = [json.loads(line) for line in output.splitlines()]
    assert len(lines) == len(queries), (len(lines), len(queries))
    return [[hit["id"] for hit in line["hits"]] for line in lines]


def bm25_runs(papers, queries):
    from rank_bm25 import BM25Okapi
    index = BM25Okapi([(paper["title"] + " " + paper["abstract"]).lower().split() for paper in papers])
    runs = []
    for _, text in queries:
        scores = index.get_scores(text.lower().split())
        order = sorted(range(len(papers)), key=lambda position: -scores[position])[:10]
        runs.append([papers[position]["arxivId"] for position in order])
    return runs


def dense_runs(model, papers, queries, work):
    import numpy
    from sentence_transformers import SentenceTransformer
    encoder = SentenceTransformer(model, device="cpu")
    texts = [paper["title"].strip() + "\n" + paper["abstract"].strip() for paper in papers]
    cache = work / f"reference-{hashlib.sha256(''.join(texts).encode()).hexdigest()[:16]}.npy"
    if cache.exists():
        vectors = numpy.load(cache)
    else:
        vectors = encoder.encode(texts, batch_size=32, normalize_embeddings=True)
        numpy.save(cache, vectors)
    query_vectors = encoder.encode([text for _, text in queries], normalize_embeddings=True)
    runs = []
    for vector in query_vectors:
        scores = vectors @ vector
        order = numpy.argsort(-scores)[:10]
        runs.append([papers[position]["arxivId"] for position in order])
    return runs


def fuse(first, second, k=60):
    fused = []
    for a, b in zip(first, second):
        scores = defaultdict(float)
        for ranking in (a, b):
            for rank, paper in enumerate(ranking):
                scores[paper] += 1 / (k + rank + 1)
        fused.append(sorted(scores, key=lambda paper: -scores[paper])[:10])
    return fused


def measure(runs, queries):
    reciprocal, found = 0.0, 0
    for ranked, (wanted, _) in zip(runs, queries):
        if wanted in ranked[:10]:
            reciprocal += 1 / (ranked.index(wanted) + 1)
            found += 1
    return reciprocal / len(queries), found / len(queries)


def main():
    arguments = sys.argv[1:]
    options = {"--queries": "400", "--seed": "20261202"}
    for name in list(options):
        if name in arguments:
            position = arguments.index(name)
            options[name] = arguments[position + 1]
            del arguments[position:position + 2]
    binary, work, source, model = arguments[:4]
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    papers, query_sets = load(source, int(options["--queries"]), int(options["--seed"]))
    database = prepare(binary, model, papers, work)
    print(f"{len(papers):,} papers (AI keywords and summaries removed), {len(query_sets['keywords'])} queries of each kind, seed {options['--seed']}")
    for kind, queries in query_sets.items():
        rows = [(f"DailyPapers {mode}", measure(engine_runs(binary, database, model, queries, mode, work), queries)) for mode in ["keyword", "semantic", "hybrid"]]
        bm25 = bm25_runs(papers, queries)
        dense = dense_runs(model, papers, queries, work)
        rows += [("rank_bm25", measure(bm25, queries)), ("sentence-transformers MiniLM", measure(dense, queries)),
                 ("RRF of rank_bm25 and MiniLM (k=60)", measure(fuse(bm25, dense), queries))]
        print()
        print(f"| {kind} queries | MRR@10 | Recall@10 |")
        print("|---|---|---|")
        for label, (mrr, recall) in rows:
            print(f"| {label} | {mrr:.4f} | {recall:.4f} |")


if __name__ == "__main__":
    main()
