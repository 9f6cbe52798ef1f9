#!/usr/bin/env bash
# make bench, search part: embedding throughput next to sentence-transformers, search quality on Cranfield and on real
# papers searched by keywords and by a sentence (next to rank_bm25 and sentence-transformers), and query
# latency at 10k real papers and at BENCH_SEARCH_PAPERS (default 1,000,000) papers, in one run.
#   scripts/bench-search.sh PATH/TO/dailypapers
# Appends to bench-results/results.md. Reads ../shared/data (or $SHARED_DATA) and models/ (make models).
set -euo pipefail
BIN=${1:?usage: scripts/bench-search.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
MODEL=${DAILYPAPERS_MODEL:-$(cd "$HERE/.." && pwd)/models/all-MiniLM-L6-v2}
LARGE=${BENCH_SEARCH_PAPERS:-1000000}
SPEED_PAPERS=${BENCH_EMBED_PAPERS:-1000}
QUERIES=${BENCH_SEARCH_QUERIES:-200}
THREADS=$(nproc)
. "$HERE/bench/common.sh"
export RATE_LIMITS="pages=10000000,api=10000000"

echo "== embedding throughput: the first $SPEED_PAPERS papers of hf-daily-papers.jsonl, $THREADS threads"
head -n "$SPEED_PAPERS" "$SHARED_DATA/hf-daily-papers.jsonl" > "$WORK/speed.jsonl"
reference_rate=$(python3 "$HERE/bench/embedding_speed.py" "$MODEL" "$WORK/speed.jsonl" "$SPEED_PAPERS" "$THREADS" 2>/dev/null | tail -1)
"$BIN" migrate --database "$WORK/real.sqlite" >/dev/null
"$BIN" import --database "$WORK/real.sqlite" "$WORK/speed.jsonl" >/dev/null
swift_line=$("$BIN" embed --database "$WORK/real.sqlite" --model "$MODEL" --threads "$THREADS" | tail -1)
swift_rate=$(sed -E 's/.*\(([0-9.]+) papers\/s\).*/\1/' <<<"$swift_line")
speed_ratio=$(python3 -c "print(f'{$swift_rate / $reference_rate:.2f}')")
echo "sentence-transformers $reference_rate papers/s; dailypapers embed $swift_rate papers/s = ${speed_ratio}×"

echo "== search quality on Cranfield"
quality=$(python3 "$HERE/bench/cranfield.py" "$BIN" "$WORK" "$SHARED_DATA/cranfield" "$WORK/cranfield.sqlite" --model "$MODEL" 2>/dev/null)
echo "$quality"

echo "== search quality on real papers: four keywords and a one-sentence summary of 400 papers"
hf_quality=$(python3 "$HERE/bench/hf_queries.py" "$BIN" "$WORK/hf-quality" "$SHARED_DATA/hf-daily-papers.jsonl" "$MODEL" 2>/dev/null)
echo "$hf_quality"

echo "== the other real papers embedded (for the 10k latency)"
"$BIN" import --database "$WORK/real.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
"$BIN" embed --database "$WORK/real.sqlite" --model "$MODEL" --threads "$THREADS" | tail -1

# latency DATABASE LABEL → one table row per mode, and the server's RSS.
latency() {
    local database=$1 label=$2 port
    port=$(free_port)
    "$BIN" serve --database "$database" --port "$port" --model "$MODEL" --log-level info > "$WORK/serve-$label.log" 2>&1 &
    server_pid=$!
    # Measured once the keyword index is filled (before that, SQL answers keyword searches).
    for _ in $(seq 1200); do grep -q "keyword index ready" "$WORK/serve-$label.log" && break; sleep 0.5; done
    {
        echo "- $label: vectors loaded in $(grep -o 'load_time=[0-9.]*' "$WORK/serve-$label.log" | cut -d= -f2 | cut -c1-5) s,"
        echo "  keyword index filled in $(grep -o 'fill_time=[0-9.]*' "$WORK/serve-$label.log" | cut -d= -f2 | cut -c1-5) s"
    } >> "$WORK/startup.txt"
    python3 "$HERE/bench/search_latency.py" "http://127.0.0.1:$port" "$database" "$QUERIES" > "$WORK/latency-$label.jsonl"
    local rss_kb
    rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    python3 - "$WORK/latency-$label.jsonl" "$label" "$((rss_kb / 1024))" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    row = json.loads(line)
    print(f"| {sys.argv[2]} | {row['mode']} | {row['queries']} | {row['p50_ms']} | {row['p99_ms']} | {sys.argv[3]} MB |")
PY
}

echo "== latency at 10k real papers"
rows_small=$(latency "$WORK/real.sqlite" "9,877 real papers")
echo "$rows_small"

echo "== $LARGE papers: real ones plus synthetic ones"
python3 "$HERE/bench/synthesize.py" "$BIN" "$WORK/real.sqlite" "$WORK/large.sqlite" "$LARGE" "$WORK"
"$BIN" search --database "$WORK/large.sqlite" --mode keyword warm >/dev/null  # indexes the imported papers for keywords
rows_large=$(latency "$WORK/large.sqlite" "$LARGE papers")
echo "$rows_large"

{
    echo
    echo "## Search: embedding, quality, latency (scripts/bench-search.sh, same run)"
    echo
    echo "Embedding throughput, title + abstract of the first $SPEED_PAPERS papers of hf-daily-papers.jsonl, 256-token limit, $THREADS threads:"
    echo "sentence-transformers (PyTorch) $reference_rate papers/s; \`dailypapers embed\` $swift_rate papers/s = **${speed_ratio}×**."
    echo
    echo "$quality"
    echo
    echo "Real papers (\`scripts/bench/hf_queries.py\`: Hugging Face's keywords and summaries as queries, removed from the corpus):"
    echo
    echo "$hf_quality"
    echo
    echo "Query latency through \`/api/papers/search?limit=10\`, one request at a time (semantic and hybrid include embedding the query):"
    echo
    echo "| papers | mode | queries | p50 ms | p99 ms | server RSS |"
    echo "|---|---|---|---|---|---|"
    echo "$rows_small"
    echo "$rows_large"
    echo
    echo "Start-up of \`serve\` (searches are answered from the first second; keyword searches go to SQL until the index is filled):"
    echo
    cat "$WORK/startup.txt"
} | tee -a "$OUT/results.md"
