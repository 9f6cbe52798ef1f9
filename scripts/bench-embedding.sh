#!/usr/bin/env bash
# make bench, embedding part (issue #28): the encoder's int8 and f32 paths next to sentence-transformers on this CPU.
#   scripts/bench-embedding.sh PATH/TO/dailypapers
# In one run: the CPU and the kernels chosen; `dailypapers embed` (int8, then forced f32) and sentence-transformers
# (PyTorch, same threads) on the same first BENCH_EMBED_PAPERS papers, alternated for three rounds; the int8 vectors
# against the f32 ones on 2,000 papers; Cranfield and the real-paper sets with each path; semantic search latency at
# 9,877 papers with each path; the machine's arithmetic limit for the model. Appends to bench-results/results.md.
set -euo pipefail
BIN=${1:?usage: scripts/bench-embedding.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
MODEL=${DAILYPAPERS_MODEL:-$(cd "$HERE/.." && pwd)/models/all-MiniLM-L6-v2}
PAPERS=${BENCH_EMBED_PAPERS:-1000}
THREADS=$(nproc)
. "$HERE/bench/common.sh"
export RATE_LIMITS="pages=10000000,api=10000000"
unset EMBEDDING_PRECISION

cpu=$(lscpu | sed -n 's/^Model name: *//p')
echo "== $cpu, $THREADS cores"
head -n "$PAPERS" "$SHARED_DATA/hf-daily-papers.jsonl" > "$WORK/speed.jsonl"
"$BIN" migrate --database "$WORK/speed.sqlite" >/dev/null
"$BIN" import --database "$WORK/speed.sqlite" "$WORK/speed.jsonl" >/dev/null

# embed_rate PRECISION → papers/s of `dailypapers embed` on a fresh copy of the papers; the kernel line in $WORK/kernels-PRECISION.
embed_rate() {
    cp "$WORK/speed.sqlite" "$WORK/round.sqlite"
    EMBEDDING_PRECISION=$1 "$BIN" embed --database "$WORK/round.sqlite" --model "$MODEL" --threads "$THREADS" > "$WORK/embed.out"
    grep '^embedding kernels' "$WORK/embed.out" > "$WORK/kernels-$1"
    tail -1 "$WORK/embed.out" | sed -E 's/.*\(([0-9.]+) papers\/s\).*/\1/'
}

echo "== throughput: the first $PAPERS papers, $THREADS threads, three rounds"
rounds=""
for round in 1 2 3; do
    reference=$(python3 "$HERE/bench/embedding_speed.py" "$MODEL" "$WORK/speed.jsonl" "$PAPERS" "$THREADS" 2>/dev/null | tail -1)
    int8=$(embed_rate auto)
    f32=$(embed_rate f32)
    line=$(python3 -c "r,a,b=$reference,$int8,$f32; print(f'| {$round} | {r} | {a} ({a/r:.2f}×) | {b} ({b/r:.2f}×) |')")
    echo "$line"; rounds+="$line"$'\n'
done
medians=$(python3 - "$rounds" <<'PY'
import re, statistics, sys
rows = [re.findall(r"([\d.]+) \(([\d.]+)×\)", line) for line in sys.argv[1].strip().splitlines()]
int8 = statistics.median(float(row[0][1]) for row in rows); f32 = statistics.median(float(row[1][1]) for row in rows)
rate8 = statistics.median(float(row[0][0]) for row in rows); rate32 = statistics.median(float(row[1][0]) for row in rows)
print(f"{int8:.2f} {f32:.2f} {rate8} {rate32}")
PY
)
read -r ratio_int8 ratio_f32 rate_int8 rate_f32 <<<"$medians"
echo "median ratios to sentence-transformers: int8 ${ratio_int8}×, f32 ${ratio_f32}×"

echo "== the machine's arithmetic limit for the model"
arithmetic=$(python3 "$HERE/bench/encoder_arithmetic.py" "$MODEL" "$WORK/speed.jsonl" "$PAPERS" "$THREADS" "$rate_int8" "$rate_f32" 2>/dev/null)
echo "$arithmetic"

echo "== int8 vectors against f32 ones, 2,000 papers"
vectors=$(python3 "$HERE/bench/int8_quality.py" "$BIN" "$MODEL" "$SHARED_DATA/hf-daily-papers.jsonl" 2000 "$WORK/vectors" 2>/dev/null)
echo "$vectors"

echo "== search quality with each path"
for precision in auto f32; do
    mkdir -p "$WORK/hf-$precision" "$WORK/cranfield-$precision"
    [ "$precision" = f32 ] && cp "$WORK"/hf-auto/reference-*.npy "$WORK/hf-f32/"  # sentence-transformers' vectors, computed once
    EMBEDDING_PRECISION=$precision python3 "$HERE/bench/cranfield.py" "$BIN" "$WORK/cranfield-$precision" "$SHARED_DATA/cranfield" \
        "$WORK/cranfield-$precision.sqlite" --model "$MODEL" 2>/dev/null > "$WORK/quality-$precision.md"
    EMBEDDING_PRECISION=$precision python3 "$HERE/bench/hf_queries.py" "$BIN" "$WORK/hf-$precision" "$SHARED_DATA/hf-daily-papers.jsonl" \
        "$MODEL" 2>/dev/null >> "$WORK/quality-$precision.md"
done
difference=$(python3 - "$WORK/quality-auto.md" "$WORK/quality-f32.md" <<'PY'
import re, sys
number = re.compile(r"\d\.\d+")
rows = [[line for line in open(path) if line.startswith("| ")] for path in sys.argv[1:]]
worst = (0.0, "")
for one, other in zip(*rows):
    for a, b in zip(number.findall(one), number.findall(other)):
        if abs(float(a) - float(b)) > worst[0]:
            worst = (abs(float(a) - float(b)), one.split("|")[1].strip())
print(f"{worst[0]:.4f} ({worst[1] or 'every figure equal'})")
PY
)
echo "largest difference between the int8 and f32 quality figures: $difference"
paired=$(python3 "$HERE/bench/paired_difference.py" "$WORK/hf-auto/ranks.json" "$WORK/hf-f32/ranks.json")
echo "$paired"

echo "== semantic search latency at 9,877 papers with each path"
"$BIN" migrate --database "$WORK/real.sqlite" >/dev/null
"$BIN" import --database "$WORK/real.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
"$BIN" embed --database "$WORK/real.sqlite" --model "$MODEL" >/dev/null
latency_rows=""
for precision in auto f32; do
    port=$(free_port)
    EMBEDDING_PRECISION=$precision "$BIN" serve --database "$WORK/real.sqlite" --port "$port" --model "$MODEL" --log-level info \
        > "$WORK/serve-$precision.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 600); do grep -q "keyword index ready" "$WORK/serve-$precision.log" && break; sleep 0.2; done
    python3 "$HERE/bench/search_latency.py" "http://127.0.0.1:$port" "$WORK/real.sqlite" 200 > "$WORK/latency-$precision.jsonl"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    rows=$(python3 - "$WORK/latency-$precision.jsonl" "$precision" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    row = json.loads(line)
    if row["mode"] != "keyword":
        print(f"| {sys.argv[2]} | {row['mode']} | {row['queries']} | {row['p50_ms']} | {row['p99_ms']} |")
PY
)
    echo "$rows"; latency_rows+="$rows"$'\n'
done

{
    echo
    echo "## Embedding: int8 and f32 next to sentence-transformers (scripts/bench-embedding.sh, same run)"
    echo
    echo "$cpu, $THREADS cores. $(cat "$WORK/kernels-auto")."
    echo
    echo "\`dailypapers embed --threads $THREADS\` and sentence-transformers (PyTorch, $THREADS threads, batch 32) on the first $PAPERS papers, papers/s:"
    echo
    echo "| round | sentence-transformers | int8 (auto) | f32 (EMBEDDING_PRECISION=f32) |"
    echo "|---|---|---|---|"
    printf "%s" "$rounds"
    echo
    echo "Median ratios: int8 **${ratio_int8}×**, f32 **${ratio_f32}×**."
    echo
    echo "$arithmetic"
    echo
    echo "Vectors, as stored:"
    echo
    echo "$vectors"
    echo
    echo "Largest difference between any int8 and f32 search-quality figure (Cranfield, real papers): **$difference**."
    echo
    echo "The real-paper sets query by query (int8 − f32, every query; rows where no query moved are left out):"
    echo
    echo "$paired"
    echo
    echo "| path | mode | queries | p50 ms | p99 ms |"
    echo "|---|---|---|---|---|"
    printf "%s" "$latency_rows"
    echo
    echo "Quality figures, int8:"
    echo
    cat "$WORK/quality-auto.md"
    echo
    echo "Quality figures, f32:"
    echo
    cat "$WORK/quality-f32.md"
} | tee -a "$OUT/results.md"
