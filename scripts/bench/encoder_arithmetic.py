#!/usr/bin/env python3
"""The arithmetic limit of this machine for all-MiniLM-L6-v2, and how close measured rates come to it.

    python3 encoder_arithmetic.py MODEL_DIR PAPERS_JSONL COUNT CORES RATE_INT8 RATE_F32

Counts the tokens of the first COUNT papers (title + abstract, 256 at most, as `dailypapers embed` encodes them) and
the multiply-adds a pass needs: per token and layer 1,769,472 in the four dense layers (384×1152, 384×384, 384×1536,
1536×384), per sequence and layer 768·L² in attention (Q·Kᵀ and the weighted sum of V). The peak assumes two 512-bit
FMA units per core at the clock /proc/cpuinfo reports: 32 f32 multiply-adds a cycle, and 128 byte multiply-adds with
AVX-512 VNNI (64 per instruction, two a cycle). The int8 path runs the dense layers in bytes and attention in f32.
"""
import json
import re
import sys

from transformers import AutoTokenizer

DENSE_PER_TOKEN_LAYER = 384 * 1152 + 384 * 384 + 384 * 1536 + 1536 * 384
LAYERS = 6


def main():
    model, papers, count, cores = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rate_int8, rate_f32 = float(sys.argv[5]), float(sys.argv[6])
    tokenizer = AutoTokenizer.from_pretrained(model)
    lengths = []
    for _, line in zip(range(count), open(papers)):
        record = json.loads(line)
        lengths.append(len(tokenizer(record["title"] + "\n" + record["abstract"], truncation=True, max_length=256)["input_ids"]))
    dense = sum(LAYERS * length * DENSE_PER_TOKEN_LAYER for length in lengths) / len(lengths)
    attention = sum(LAYERS * 768 * length * length for length in lengths) / len(lengths)
    megahertz = float(re.search(r"cpu MHz\s*:\s*([\d.]+)", open("/proc/cpuinfo").read()).group(1))
    cycles = cores * megahertz * 1e6
    f32_peak, byte_peak = cycles * 32, cycles * 128
    limit_f32 = 1 / ((dense + attention) / f32_peak)
    limit_int8 = 1 / (dense / byte_peak + attention / f32_peak)
    print(f"- {len(lengths)} papers, {sum(lengths) / len(lengths):.0f} tokens each on average: "
          f"{2 * (dense + attention) / 1e9:.2f} GFLOP a paper ({100 * attention / (dense + attention):.0f} % of it attention)")
    print(f"- peak of {cores} cores at {megahertz:.0f} MHz: {2 * f32_peak / 1e9:.0f} GFLOP/s in f32, "
          f"{2 * byte_peak / 1e9:.0f} GOP/s in bytes (AVX-512 VNNI)")
    print(f"- f32 path: limit {limit_f32:.0f} papers/s, measured {rate_f32:.1f} = {100 * rate_f32 / limit_f32:.0f} % of it")
    print(f"- int8 path: limit {limit_int8:.0f} papers/s, measured {rate_int8:.1f} = {100 * rate_int8 / limit_int8:.0f} % of it")


if __name__ == "__main__":
    main()
