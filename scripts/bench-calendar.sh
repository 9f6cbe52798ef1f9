#!/usr/bin/env bash
# make bench, calendar part: GET / on a day arXiv announces, a quiet day and a holiday (the site's clock set with
# CLOCK_START), each next to nginx serving the same bytes, plain and gzip, in one run. The front page shows arXiv's
# notice on quiet days; it must come from the fast path all the same.
#   scripts/bench-calendar.sh PATH/TO/dailypapers
# Appends to bench-results/results.md. Reads ../shared/data (or $SHARED_DATA).
set -euo pipefail
BIN=${1:?usage: scripts/bench-calendar.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
DURATION=${BENCH_DURATION:-10s}
. "$HERE/bench/common.sh"
export RATE_LIMITS="pages=100000000,api=100000000"

"$BIN" import --database "$WORK/feed.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null

# The suite's three days (tests/python/conftest.py): a Monday, a Saturday and Labor Day, 14:00 in New York.
declare -A DAYS=([announcing]=2026-08-24T18:00:00Z [quiet]=2026-08-29T18:00:00Z [holiday]=2026-09-07T18:00:00Z)

# rounds NAME PORT PATH HEADER → the median of three wrk rounds' summaries.
rounds() {
    for round in 1 2 3; do wrk -t2 -c50 -d"$DURATION" --latency -H "$4" "http://127.0.0.1:$2$3" > "$WORK/$1-$round.txt"; done
    for file in "$WORK/$1"-*.txt; do wrk_summary "$file"; done | sort -n | sed -n 2p
}
# row LABEL OURS NGINX → a table row with the ratio.
row() {
    read -r rps p99 non2xx _ <<<"$2"
    read -r theirs theirs_p99 _ <<<"$3"
    echo "| $1 | $rps | $p99 | $theirs | $theirs_p99 | $(python3 -c "print(f'{$rps / $theirs:.2f}')") | $non2xx |"
}

rows=()
for kind in announcing quiet holiday; do
    port=$(free_port)
    CLOCK_START=${DAYS[$kind]} "$BIN" serve --database "$WORK/feed.sqlite" --port "$port" --model /nonexistent-model --log-level error &
    server_pid=$!
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
    sleep 3
    rm -rf "$WORK/www"; mkdir -p "$WORK/www"
    curl -sf "http://127.0.0.1:$port/" -o "$WORK/www/index.html"
    curl -sf -H "Accept-Encoding: gzip" "http://127.0.0.1:$port/" -o "$WORK/www/index.html.gz"
    notice=$(grep -c 'quiet-day' "$WORK/www/index.html" || true)
    hit=$(curl -s -D - -o /dev/null -o /dev/null "http://127.0.0.1:$port/" "http://127.0.0.1:$port/" | grep -ci '^x-cache: hit' || true)
    echo "$kind: notice shown $notice, fast-path hits on a second request: $hit"
    nginx_port=$(free_port)
    start_nginx "$nginx_port" '
        location = /gz { default_type "text/html; charset=utf-8"; add_header Content-Encoding gzip; add_header Vary Accept-Encoding; try_files /index.html.gz =404; }'
    ours=$(rounds "ours-$kind" "$port" / "X-Bench: plain"); nginx=$(rounds "nginx-$kind" "$nginx_port" / "X-Bench: plain")
    ours_gzip=$(rounds "ours-gz-$kind" "$port" / "Accept-Encoding: gzip"); nginx_gzip=$(rounds "nginx-gz-$kind" "$nginx_port" /gz "Accept-Encoding: gzip")
    rows+=("$(row "$kind" "$ours" "$nginx")" "$(row "$kind, gzip" "$ours_gzip" "$nginx_gzip")")
    echo "${rows[-2]}"; echo "${rows[-1]}"
    kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done

{
    echo
    echo "## \`/\` on arXiv's calendar ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, 9,877 papers, no model, wrk -t2 -c50, median of 3 rounds of $DURATION each side)"
    echo
    echo "| day (CLOCK_START) | DailyPapers req/s | p99 ms | nginx req/s | nginx p99 ms | ratio | non-2xx |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
} >> "$OUT/results.md"
tail -n 10 "$OUT/results.md"
