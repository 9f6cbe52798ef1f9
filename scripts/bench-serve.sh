#!/usr/bin/env bash
# make bench, feed page part: GET / next to nginx serving the same bytes, idle and while the server embeds 10,000
# freshly imported papers in the background (at the lowest OS priority), in one run; how much the requests slow
# the embedding down; then a soak of mixed traffic (feed, search, votes) for BENCH_SOAK (default 10 minutes).
#   scripts/bench-serve.sh PATH/TO/dailypapers
# Appends to bench-results/results.md. Reads ../shared/data (or $SHARED_DATA) and models/ (make models).
set -euo pipefail
BIN=${1:?usage: scripts/bench-serve.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
MODEL=${DAILYPAPERS_MODEL:-$(cd "$HERE/.." && pwd)/models/all-MiniLM-L6-v2}
DURATION=${BENCH_DURATION:-10s}
SOAK=${BENCH_SOAK:-600s}
. "$HERE/bench/common.sh"
export RATE_LIMITS="pages=100000000,api=100000000,signup=100000,vote=100000000"

"$BIN" import --database "$WORK/feed.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null

# serve MODEL_DIR → starts the server on $port (sets server_pid).
serve() {
    port=$(free_port)
    BCRYPT_COST=4 "$BIN" serve --database "$WORK/feed.sqlite" --port "$port" --model "$1" --log-level error &
    server_pid=$!
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    sleep 5  # the keyword index fills once at start: measure the steady state
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
# pair NAME → "ours|nginx" wrk summaries of GET /: three alternating rounds (ours, nginx, ours, …), each side's
# median round, so that a noisy moment of the shared machine does not decide the ratio.
# pair NAME [NGINX_PATH HEADER]: our `/` and nginx's copy of it, three alternating rounds each; with a header
# (Accept-Encoding: gzip), both send the compressed bytes.
pair() {
    local theirs=${2:-/} header=${3:-X-Bench: plain}
    for round in 1 2 3; do
        wrk -t2 -c50 -d"$DURATION" --latency -H "$header" "http://127.0.0.1:$port/" > "$WORK/ours-$1-$round.txt"
        wrk -t2 -c50 -d"$DURATION" --latency -H "$header" "http://127.0.0.1:$nginx_port$theirs" > "$WORK/nginx-$1-$round.txt"
    done
    echo "$(median_summary "$WORK"/ours-"$1"-*.txt)|$(median_summary "$WORK"/nginx-"$1"-*.txt)"
}
# median_summary FILE… → the wrk_summary of the round with the median req/s.
median_summary() {
    for file in "$@"; do wrk_summary "$file"; done | sort -n | sed -n "$(( ($# + 1) / 2 ))p"
}
embedded() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=10).execute('SELECT COUNT(*) FROM paper_embeddings').fetchone()[0])" "$WORK/feed.sqlite"; }

echo "== idle: no model, so no background work"
serve /nonexistent-model
mkdir -p "$WORK/www/assets"
curl -sf "http://127.0.0.1:$port/" -o "$WORK/www/index.html"
curl -sf -H "Accept-Encoding: gzip" "http://127.0.0.1:$port/" -o "$WORK/www/index.html.gz"
org_plain=$(curl -sf "http://127.0.0.1:$port/nvidia" | wc -c)
org_gzip=$(curl -sf -H "Accept-Encoding: gzip" "http://127.0.0.1:$port/nvidia" | wc -c)
# The page's stylesheet, scripts and icon, so that nginx's copy paints the same page.
for asset in $(grep -o '/assets/[^"]*' "$WORK/www/index.html" | sort -u); do curl -sf "http://127.0.0.1:$port$asset" -o "$WORK/www$asset"; done
nginx_port=$(free_port)
start_nginx "$nginx_port" '
        location = /gz { default_type "text/html; charset=utf-8"; add_header Content-Encoding gzip; add_header Vary Accept-Encoding; try_files /index.html.gz =404; }
        location /assets/ { types { text/css css; text/javascript js; image/svg+xml svg; } }'
cmp -s <(curl -sf "http://127.0.0.1:$nginx_port/") "$WORK/www/index.html" || { echo "nginx does not serve the saved bytes" >&2; exit 1; }
cmp -s <(curl -sf "http://127.0.0.1:$nginx_port/gz") "$WORK/www/index.html.gz" || { echo "nginx does not serve the compressed bytes" >&2; exit 1; }
idle=$(pair idle)
echo "idle: $idle"
idle_gzip=$(pair idle-gzip /gz "Accept-Encoding: gzip")
echo "idle, gzip: $idle_gzip"
read -r paint_ours paint_ours_p90 paint_nginx paint_nginx_p90 <<<"$(python3 "$HERE/bench/first_paint.py" "http://127.0.0.1:$port/" "http://127.0.0.1:$nginx_port/" 20)"
echo "phone first paint of /: ours $paint_ours ms (p90 $paint_ours_p90), nginx $paint_nginx ms (p90 $paint_nginx_p90)"
stop

echo "== while embedding: the model on, $(embedded) of 9,877 papers embedded at start"
serve "$MODEL"
before=$(embedded); started=$(date +%s.%N)
sleep 20
quiet_rate=$(python3 -c "print(($(embedded) - $before) / ($(date +%s.%N) - $started))")
before=$(embedded); started=$(date +%s.%N)
busy=$(pair busy)
busy_gzip=$(pair busy-gzip /gz "Accept-Encoding: gzip")
loaded_rate=$(python3 -c "print(($(embedded) - $before) / ($(date +%s.%N) - $started))")
echo "while embedding: $busy; gzip: $busy_gzip; embedding $quiet_rate papers/s alone, $loaded_rate papers/s under the load"
remaining=$((9877 - $(embedded)))
[ "$remaining" -gt 0 ] || echo "warning: embedding finished during the measurement" >&2

echo "== soak: $SOAK of mixed traffic (feed 60 %, search 20 %, votes 20 %)"
base="http://127.0.0.1:$port"
python3 "$HERE/bench/make_members.py" "$base" 20 > "$WORK/tokens.txt"
curl -sf "$base/api/daily_papers?limit=100" | python3 -c 'import json,sys; [print(item["paper"]["id"]) for item in json.load(sys.stdin)]' > "$WORK/papers.txt"
wrk -t2 -c20 -d30s -s "$HERE/bench/mixed.lua" "$base" >/dev/null 2>&1 || true  # warm-up: caches and indexes fill
rss_start=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
TOKENS_FILE="$WORK/tokens.txt" PAPERS_FILE="$WORK/papers.txt" WORDS="language model vision agent robot diffusion reasoning video" \
    wrk -t2 -c20 -d"$SOAK" --latency -s "$HERE/bench/mixed.lua" "$base" > "$WORK/soak.txt"
rss_end=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
read -r soak_rps soak_p99 soak_non2xx soak_socket <<<"$(wrk_summary "$WORK/soak.txt")"
soak_requests=$(awk '/requests in/ {print $1}' "$WORK/soak.txt")
growth=$(python3 -c "print(f'{($rss_end - $rss_start) / $rss_start * 100:.1f}')")
echo "soak: $soak_requests requests, $soak_rps req/s, p99 $soak_p99 ms, non-2xx $soak_non2xx, socket errors $soak_socket, RSS $((rss_start / 1024)) → $((rss_end / 1024)) MB ($growth %)"
stop

row() {
    IFS='|' read -r ours theirs <<<"$2"
    read -r rps p99 errors _ <<<"$ours"
    read -r nrps np99 _ _ <<<"$theirs"
    echo "| $1 | $rps | $p99 | $nrps | $np99 | $(python3 -c "print(f'{$rps / $nrps:.2f}')")× | $errors |"
}
{
    echo
    echo "## The feed page next to nginx, idle and while embedding (scripts/bench-serve.sh)"
    echo
    echo "wrk -t2 -c50 -d$DURATION on \`/\` ($(stat -c %s "$WORK/www/index.html") bytes; $(stat -c %s "$WORK/www/index.html.gz") bytes gzip-compressed), nginx serving the same bytes from a file, same run;"
    echo "three alternating rounds, each side's median round."
    echo
    echo "| while | DailyPapers req/s | p99 ms | nginx req/s | nginx p99 ms | ratio | non-2xx |"
    echo "|---|---|---|---|---|---|---|"
    row "idle (no model)" "$idle"
    row "idle, \`Accept-Encoding: gzip\`" "$idle_gzip"
    row "embedding the imported papers" "$busy"
    row "embedding, \`Accept-Encoding: gzip\`" "$busy_gzip"
    echo
    echo "First contentful paint of \`/\` on an emulated phone (headless Chromium, 390×844 at 3×, cache off, 20 alternating loads):"
    echo "ours $paint_ours ms median ($paint_ours_p90 ms p90), nginx serving the same page and assets $paint_nginx ms ($paint_nginx_p90 ms)."
    echo
    echo "Weight: \`/\` $(stat -c %s "$WORK/www/index.html") bytes, $(stat -c %s "$WORK/www/index.html.gz") on the wire; \`/nvidia\` $org_plain bytes, $org_gzip on the wire."
    echo
    echo "Background embedding: $(printf %.1f "$quiet_rate") papers/s with no requests, $(printf %.1f "$loaded_rate") papers/s while \`/\` was under load"
    echo "($(python3 -c "r = $quiet_rate / max($loaded_rate, 1e-9); print(f'{r:.1f}× longer to embed' if r < 1000 else 'embedding paused')") while the site is saturated: the embedder's threads run at nice 19)."
    echo
    echo "Soak, $SOAK of mixed traffic (wrk -t2 -c20: \`/\` 60 %, search 20 %, votes by 20 members 20 %): $soak_requests requests,"
    echo "$soak_rps req/s, p99 $soak_p99 ms, non-2xx $soak_non2xx, socket errors: $soak_socket; RSS $((rss_start / 1024)) MB → $((rss_end / 1024)) MB ($growth %)."
} >> "$OUT/results.md"
tail -n 22 "$OUT/results.md"
