"""Search quality on real papers, searched the two ways people search: by topical keywords and by a sentence.

    python3 hf_queries.py DAILYPAPERS_BIN WORK_DIR HF_DAILY_PAPERS_JSONL MODEL_DIR [--queries N|all] [--seed S]

The corpus is every paper of `hf-daily-papers.jsonl` with its `aiKeywords` and `aiSummary` removed; those fields are
Hugging Face's own keywords and one-sentence summary of each paper, and become the queries of every paper that has
both (6,325; `--queries N` draws N of them with a fixed seed, default 20261202, for a quick look): "keywords" is a
paper's first four keywords as typed (space-separated), "paraphrase" its summary. A query's one relevant paper is
the one it came from. Reports MRR@10 with its standard error and Recall@10 of `dailypapers search` in keyword,
semantic and hybrid modes, next to rank_bm25's Okapi BM25 (defaults, lower-cased whitespace tokens, no stemming or
stop words, over title + abstract; `bm25.py` computes exactly its scores), sentence-transformers MiniLM (title +
abstract, as `dailypapers embed` embeds them) and their reciprocal-rank fusion (k=60), on the same corpus and queries.

WORK_DIR keeps the database and the reference vectors between runs (delete it to start over), and receives
`ranks.json`: each query's reciprocal rank (0 when not in the top 10) for every row, so that two runs (the int8 and
f32 encoders) can be compared query by query.
"""
import hashlib
import json
import math
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def load(path, count, seed):
    papers = [json.loads(line) for line in open(path)]
    candidates = [p for p in papers if len(p.get("aiKeywords") or []) >= 4 and (p.get("aiSummary") or "").strip()]
    chosen = candidates if count == "all" else random.Random(seed).sample(candidates, int(count))
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
    from bm25 import OkapiBM25
    index = OkapiBM25([paper["title"] + " " + paper["abstract"] for paper in papers])
    return [[papers[position]["arxivId"] for position in ranked] for ranked in index.top([text for _, text in queries], 10)]


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


def reciprocal_ranks(runs, queries):
    return [1 / (ranked.index(wanted) + 1) if wanted in ranked[:10] else 0.0 for ranked, (wanted, _) in zip(runs, queries)]


def mean_and_error(values):
    mean = sum(values) / len(values)
    variance = sum((value - mean) ** 2 for value in values) / (len(values) - 1)
    return mean, math.sqrt(variance / len(values))


def main():
    arguments = sys.argv[1:]
    options = {"--queries": "all", "--seed": "20261202"}
    for name in list(options):
        if name in arguments:
            position = arguments.index(name)
            options[name] = arguments[position + 1]
            del arguments[position:position + 2]
    binary, work, source, model = arguments[:4]
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    papers, query_sets = load(source, options["--queries"], int(options["--seed"]))
    database = prepare(binary, model, papers, work)
    drawn = "every paper with both" if options["--queries"] == "all" else f"drawn with seed {options['--seed']}"
    print(f"{len(papers):,} papers (AI keywords and summaries removed), {len(query_sets['keywords']):,} queries of each kind ({drawn})")
    ranks = {}
    for kind, queries in query_sets.items():
        runs = {f"DailyPapers {mode}": engine_runs(binary, database, model, queries, mode, work) for mode in ["keyword", "semantic", "hybrid"]}
        bm25 = bm25_runs(papers, queries)
        dense = dense_runs(model, papers, queries, work)
        runs.update({"rank_bm25": bm25, "sentence-transformers MiniLM": dense, "RRF of rank_bm25 and MiniLM (k=60)": fuse(bm25, dense)})
        ranks[kind] = {label: reciprocal_ranks(run, queries) for label, run in runs.items()}
        print()
        print(f"| {kind} queries | MRR@10 (standard error) | Recall@10 |")
        print("|---|---|---|")
        for label, values in ranks[kind].items():
            mrr, error = mean_and_error(values)
            recall = sum(value > 0 for value in values) / len(values)
            print(f"| {label} | {mrr:.4f} ({error:.4f}) | {recall:.4f} |")
    (work / "ranks.json").write_text(json.dumps(ranks))


if __name__ == "__main__":
    main()
