#!/usr/bin/env python3
"""sentence-transformers' embedding throughput on the first COUNT papers of a JSONL file (title + abstract).

    python3 embedding_speed.py MODEL_DIR PAPERS_JSONL COUNT THREADS

The reference for `dailypapers embed` on the same papers: all-MiniLM-L6-v2 from the same folder, PyTorch on THREADS
CPU threads, batch size 32, the model's own 256-token limit. Prints papers/s.
"""
import json
import sys
import time

import torch
from sentence_transformers import SentenceTransformer


def main():
    model_dir, papers, count, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    texts = []
    with open(papers) as lines:
        for line in lines:
            record = json.loads(line)
            texts.append(record["title"] + "\n" + record["abstract"])
            if len(texts) == count:
                break
    model = SentenceTransformer(model_dir, device="cpu")
    model.encode(texts[:32])
    started = time.perf_counter()
    model.encode(texts, batch_size=32)
    print(f"{len(texts) / (time.perf_counter() - started):.2f}")


if __name__ == "__main__":
    main()
