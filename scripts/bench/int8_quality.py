#!/usr/bin/env python3
"""How close the int8 encoder's vectors stay to the f32 encoder's, on COUNT real papers (title + abstract).

    python3 int8_quality.py DAILYPAPERS_BIN MODEL_DIR PAPERS_JSONL COUNT WORK_DIR

Imports the first COUNT papers into two databases, runs `dailypapers embed` with EMBEDDING_PRECISION=auto (int8 where
the CPU has VNNI) and =f32, reads the stored vectors back (as search reads them), and prints the cosine of each
paper's int8 vector to its f32 vector — mean, standard error, minimum — and of each path to sentence-transformers.
"""
import json
import math
import os
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import numpy
import torch
from sentence_transformers import SentenceTransformer


def embedded(binary, model, corpus, database, precision):
    for command in (["migrate"], ["import", str(corpus)]):
        subprocess.run([binary, *command[:1], "--database", str(database), *command[1:]], check=True, capture_output=True)
    result = subprocess.run([binary, "embed", "--database", str(database), "--model", model],
                            env={**os.environ, "EMBEDDING_PRECISION": precision}, check=True, capture_output=True, text=True)
    kernels = next(line for line in result.stdout.splitlines() if line.startswith("embedding kernels"))
    vectors = {}
    for paper, blob in sqlite3.connect(database).execute("SELECT paper_id, vector FROM paper_embeddings"):
        components = numpy.frombuffer(blob[:-4], dtype=numpy.int8).astype(numpy.float32)
        vector = components * struct.unpack("<f", blob[-4:])[0]
        vectors[paper] = vector / numpy.linalg.norm(vector)
    return kernels, vectors


def summary(cosines):
    values = numpy.array(cosines)
    error = values.std(ddof=1) / math.sqrt(len(values))
    return f"mean {values.mean():.5f} (standard error {error:.6f}), minimum {values.min():.5f}, n = {len(values)}"


def main():
    binary, model, papers, count, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), Path(sys.argv[5])
    work.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for _, line in zip(range(count), open(papers))]
    corpus = work / "quality.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records))
    kernels, int8 = embedded(binary, model, corpus, work / "int8.sqlite", "auto")
    _, f32 = embedded(binary, model, corpus, work / "f32.sqlite", "f32")
    torch.set_num_threads(os.cpu_count() or 1)
    reference = SentenceTransformer(model, device="cpu").encode(
        [record["title"] + "\n" + record["abstract"] for record in records], batch_size=32, normalize_embeddings=True)
    ids = [record["arxivId"] for record in records]
    print(f"- {kernels}")
    print(f"- int8 to f32 (the stored vectors): {summary([float(int8[i] @ f32[i]) for i in ids])}")
    print(f"- int8 to sentence-transformers: {summary([float(int8[i] @ v) for i, v in zip(ids, reference)])}")
    print(f"- f32 to sentence-transformers: {summary([float(f32[i] @ v) for i, v in zip(ids, reference)])}")


if __name__ == "__main__":
    main()
