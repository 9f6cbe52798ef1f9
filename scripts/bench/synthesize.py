#!/usr/bin/env python3
"""Grows a database of real, embedded papers to N papers for the search latency benchmark.

    python3 synthesize.py DAILYPAPERS_BIN REAL_DATABASE TARGET_DATABASE COUNT WORK_DIR

TARGET_DATABASE starts as a copy of REAL_DATABASE (SQLite, every paper embedded). The new papers' texts recombine real
sentences (a title from two real titles' halves, 4–8 abstract sentences drawn from every real abstract, real author
names), and are imported with `dailypapers import` like any file; their vectors are real embeddings with Gaussian
noise (cosine ≈ 0.9 to the original), renormalised and packed as the server stores them (int8 + float32 scale).
So no model runs over a million papers, and vectors keep the clustering of real ones. Deterministic (seed 42).
"""
import json
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np


def main():
    binary, real, target, count, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), Path(sys.argv[5])
    shutil.copyfile(real, target)
    random.seed(42)
    source = sqlite3.connect(real)
    rows = source.execute("SELECT p.title, p.abstract, p.authors, e.vector FROM papers p JOIN paper_embeddings e ON e.paper_id = p.id").fetchall()
    titles = [row[0] for row in rows]
    sentences = [s.strip() + "." for row in rows for s in row[1].split(". ") if len(s.strip()) > 20]
    authors = sorted({name for row in rows for name in json.loads(row[2])})
    dimensions = len(rows[0][3]) - 4
    vectors = np.array([np.frombuffer(row[3][:dimensions], dtype=np.int8).astype(np.float32) * struct.unpack("<f", row[3][dimensions:])[0] for row in rows])
    wanted = count - len(rows)
    papers = work / "synthetic.jsonl"
    ids = []
    with open(papers, "w") as output:
        for index in range(wanted):
            paper_id = f"{(index // 99_999) // 12 + 15:02d}{(index // 99_999) % 12 + 1:02d}.{index % 99_999 + 1:05d}"
            ids.append(paper_id)
            first, second = random.choice(titles).split(), random.choice(titles).split()
            title = " ".join(first[: max(1, len(first) // 2)] + second[len(second) // 2:])
            abstract = " ".join(random.sample(sentences, random.randint(4, 8)))
            year = 2015 + index % 11  # 2015–2025: imports refuse dates after tomorrow
            names = random.sample(authors, random.randint(1, 8))
            output.write(json.dumps({
                "schema": "dailypapers.paper/1", "id": paper_id, "arxivId": paper_id, "title": title, "abstract": abstract,
                "authors": names, "authorCount": len(names),
                "publishedAt": f"{year}-{index % 12 + 1:02d}-{index % 28 + 1:02d}T12:00:00.000Z", "featuredOn": None,
                "submittedAt": None, "submittedBy": None, "upvotes": index % 50, "numComments": 0, "organization": None,
                "githubRepo": None, "githubStars": None, "projectPage": None, "aiSummary": None, "aiKeywords": [],
                "categories": [], "mediaUrls": [], "position": None,
            }) + "\n")
    subprocess.run([binary, "import", "--database", target, str(papers)], check=True)
    database = sqlite3.connect(target)
    last = database.execute("SELECT COALESCE(MAX(seq), 0) FROM paper_embeddings").fetchone()[0]
    generator = np.random.default_rng(42)
    model = database.execute("SELECT model FROM paper_embeddings LIMIT 1").fetchone()[0]
    for start in range(0, wanted, 50_000):
        chunk = ids[start:start + 50_000]
        base = vectors[np.arange(start, start + len(chunk)) % len(vectors)]
        noisy = base + generator.normal(0, 0.025, base.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        scales = np.abs(noisy).max(axis=1) / 127
        packed = np.round(noisy / scales[:, None]).clip(-127, 127).astype(np.int8)
        database.executemany(
            "INSERT INTO paper_embeddings (paper_id, model, vector, seq) VALUES (?, ?, ?, ?)",
            [(paper_id, model, packed[i].tobytes() + struct.pack("<f", scales[i]), last + start + i + 1) for i, paper_id in enumerate(chunk)],
        )
        database.commit()
    print(f"{target}: {count} papers, {len(rows)} real and {wanted} synthetic")


if __name__ == "__main__":
    main()
