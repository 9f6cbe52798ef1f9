#!/usr/bin/env bash
# make bench, hardening part (#34): `/` next to hostile clients, and the response cache's memory against its limit.
#   1. `/` alone (the reference), beside 20 clients sending 4,000-character searches as fast as they are answered,
#      and beside 2,000 slow connections from one address (POST bodies trickling a byte at a time): wrk's p99.
#   2. CACHE_BYTES=64 MiB filled with 50,000 small API answers (a day each since 1901), then every paper
#      page twice: the server's resident memory before and after, against the limit.
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

echo "== the response cache's memory (CACHE_BYTES=64 MiB)"
serve CACHE_BYTES=67108864
sqlite3 "$WORK/feed.sqlite" "SELECT id FROM papers" > "$WORK/ids.txt" 2>/dev/null \
    || python3 -c "import sqlite3,sys; print('\n'.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT id FROM papers')))" "$WORK/feed.sqlite" > "$WORK/ids.txt"
api=$(python3 "$HERE/bench/cache_memory.py" "$port" "$server_pid" api 50000)
papers=$(python3 "$HERE/bench/cache_memory.py" "$port" "$server_pid" papers 100000 "$WORK/ids.txt")
echo "$api"; echo "$papers"
stop

# row LABEL SUMMARY → a table row: req/s, p99, non-2xx, and p99 against the reference.
row() {
    read -r rps p99 non2xx _ <<<"$2"
    read -r _ reference _ <<<"$alone"
    echo "| $1 | $rps | $p99 | $(python3 -c "print(f'{$p99 / $reference:.1f}')")× | $non2xx |"
}
memory() {
    python3 - "$1" <<'PY'
import json, sys
m = json.loads(sys.argv[1])
print(f"| {m['kind']} | {m['requests']:,} | {m['rss_before_kib'] // 1024} MB | {m['rss_after_kib'] // 1024} MB | {m['grown_kib'] / 1024:.1f} MB | {m['grown_kib'] / 65536:.2f} |")
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
    echo "CACHE_BYTES = 64 MiB; the server's resident memory before and after filling the cache:"
    echo
    echo "| answers | requests | RSS before | RSS after | grown | grown / limit |"
    echo "|---|---|---|---|---|---|"
    memory "$api"
    memory "$papers"
} | tee -a "$OUT/results.md"
