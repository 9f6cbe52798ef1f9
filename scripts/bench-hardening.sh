#!/usr/bin/env bash
# make bench, hardening part (#34): `/` next to hostile clients, and the response cache's memory against its limit.
#   1. `/` alone (the reference), beside 20 clients sending 4,000-character searches as fast as they are answered,
#      and beside 2,000 slow connections from one address (POST bodies trickling a byte at a time): wrk's p99.
#   2. CACHE_BYTES=64 MiB filled with 100,000 small API answers (a day each since 1901), or every paper page twice,
#      each on a fresh server: its growth in resident memory, less the growth with a 1 MiB cache, against the limit.
#   scripts/bench-hardening.sh PATH/TO/dailypapers
# Appends to bench-results/results.md. Reads ../shared/data (or $SHARED_DATA) and models/ (make models).
set -euo pipefail
BIN=${1:?usage: scripts/bench-hardening.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
MODEL=${DAILYPAPERS_MODEL:-$(cd "$HERE/.." && pwd)/models/all-MiniLM-L6-v2}
DURATION=${BENCH_DURATION:-10s}
. "$HERE/bench/common.sh"
export RATE_LIMITS="pages=100000000,api=100000000,login=100000000"
hostile_pid=""
trap 'kill $hostile_pid 2>/dev/null || true; cleanup' EXIT

"$BIN" import --database "$WORK/feed.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
"$BIN" embed --database "$WORK/feed.sqlite" --model "$MODEL" >/dev/null

# serve [ENV=VALUE…] → starts the server on $port with the model (sets server_pid).
serve() {
    port=$(free_port)
    env "$@" "$BIN" serve --database "$WORK/feed.sqlite" --port "$port" --model "$MODEL" --log-level error &
    server_pid=$!
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    sleep 5
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
# front NAME → wrk's summary of `/` (gzip, as browsers ask) for DURATION.
front() {
    wrk -t2 -c20 -d"$DURATION" --latency -H "Accept-Encoding: gzip" "http://127.0.0.1:$port/" > "$WORK/$1.txt"
    wrk_summary "$WORK/$1.txt"
}
# beside NAME MODE COUNT → `/` while hostile.py MODE runs, after it has warmed up; then what the hostile side saw.
beside() {
    python3 "$HERE/bench/hostile.py" "$2" "$port" "$3" > "$WORK/$1-hostile.txt" &
    hostile_pid=$!
    sleep 8
    front "$1"
    kill "$hostile_pid"; wait "$hostile_pid" 2>/dev/null || true; hostile_pid=""
}

echo "== / beside hostile clients"
serve
alone=$(front alone)
searching=$(beside searching search 20)
searched=$(tail -1 "$WORK/searching-hostile.txt")
slow=$(beside slow slow 2000)
slowed=$(tail -1 "$WORK/slow-hostile.txt")
alone_again=$(front alone-again)
echo "alone: $alone; beside searches: $searching ($searched); beside slow connections: $slow ($slowed); alone again: $alone_again"
stop

echo "== the response cache's memory (CACHE_BYTES=64 MiB, and 1 MiB for what serving costs without it)"
python3 -c "import sqlite3,sys; print('\n'.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT id FROM papers')))" "$WORK/feed.sqlite" > "$WORK/ids.txt"
# fill KIND BYTES → cache_memory.py's report for a fresh server (no model: the cache alone) with CACHE_BYTES=BYTES.
fill() {
    port=$(free_port)
    CACHE_BYTES=$2 "$BIN" serve --database "$WORK/feed.sqlite" --port "$port" --model /nonexistent-model --log-level error &
    server_pid=$!
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    sleep 3
    if [ "$1" = api ]; then python3 "$HERE/bench/cache_memory.py" "$port" "$server_pid" api 100000
    else python3 "$HERE/bench/cache_memory.py" "$port" "$server_pid" papers 100000 "$WORK/ids.txt"; fi
    stop
}
api_small=$(fill api 1048576); api=$(fill api 67108864)
papers_small=$(fill papers 1048576); papers=$(fill papers 67108864)
echo "$api_small"; echo "$api"; echo "$papers_small"; echo "$papers"

# row LABEL SUMMARY → a table row: req/s, p99, non-2xx, and p99 against the reference.
row() {
    read -r rps p99 non2xx _ <<<"$2"
    read -r _ reference _ <<<"$alone"
    echo "| $1 | $rps | $p99 | $(python3 -c "print(f'{$p99 / $reference:.1f}')")× | $non2xx |"
}
# memory REPORT_64MIB REPORT_1MIB → a table row: the growth with the cache, without it, and the difference per limit.
memory() {
    python3 - "$1" "$2" <<'PY'
import json, sys
full, small = json.loads(sys.argv[1]), json.loads(sys.argv[2])
cache = (full["grown_kib"] - small["grown_kib"]) / 1024
print(f"| {full['kind']} | {full['requests']:,} | {full['grown_kib'] / 1024:.1f} MB | {small['grown_kib'] / 1024:.1f} MB | {cache:.1f} MiB | {cache / 64:.2f}× |")
PY
}
{
    echo
    echo "## / beside hostile clients, and the cache's memory (scripts/bench-hardening.sh)"
    echo
    echo "wrk -t2 -c20 -d$DURATION on \`/\` (gzip), 9,877 papers, the model loaded; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)."
    echo
    echo "| \`/\` while | req/s | p99 ms | p99 vs alone | non-2xx |"
    echo "|---|---|---|---|---|"
    row "alone (reference)" "$alone"
    row "20 clients search 4,000 characters (${searched#search })" "$searching"
    row "2,000 slow connections from one address (${slowed#slow })" "$slow"
    row "alone again" "$alone_again"
    echo
    echo "The server's growth in resident memory while it answers the requests, with CACHE_BYTES = 64 MiB and with 1 MiB"
    echo "(what serving them costs without the cache: SQLite's page cache, the allocator); the difference is the cache's:"
    echo
    echo "| answers | requests | grown, 64 MiB | grown, 1 MiB | the cache's | / limit |"
    echo "|---|---|---|---|---|---|"
    memory "$api" "$api_small"
    memory "$papers" "$papers_small"
} | tee -a "$OUT/results.md"
