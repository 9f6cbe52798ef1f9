#!/usr/bin/env bash
# make bench: import throughput and HTTP throughput/latency against nginx serving the same bytes, in one run.
#   scripts/bench.sh PATH/TO/dailypapers
# Writes bench-results/results.md (and prints it). Reads ../shared/data (or $SHARED_DATA); never writes there.
set -euo pipefail
BIN=${1:?usage: scripts/bench.sh PATH/TO/dailypapers}
SHARED_DATA=${SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
DATA_FILE="$SHARED_DATA/hf-daily-papers.jsonl"
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
. "$(dirname "$0")/bench/common.sh"

echo "== import: $DATA_FILE"
import_rates=()
for run in 1 2 3; do
    rm -f "$WORK"/import.sqlite*
    "$BIN" migrate --database "$WORK/import.sqlite" >/dev/null
    start=$(date +%s.%N)
    "$BIN" import --database "$WORK/import.sqlite" "$DATA_FILE" 2>/dev/null | tail -1
    end=$(date +%s.%N)
    rate=$(python3 -c "print(round(9877 / ($end - $start)))")
    import_rates+=("$rate")
    echo "run $run: $rate papers/s"
done
median_import=$(printf '%s\n' "${import_rates[@]}" | sort -n | sed -n 2p)
reimport_start=$(date +%s.%N)
"$BIN" import --database "$WORK/import.sqlite" "$DATA_FILE" 2>/dev/null | tail -1
reimport_rate=$(python3 -c "print(round(9877 / ($(date +%s.%N) - $reimport_start)))")

echo "== HTTP: server on the imported database"
port=$(free_port)
# The rate limits are set out of the way: this measures serving, not the limiter.
RATE_LIMITS="pages=10000000,api=10000000" "$BIN" serve --database "$WORK/import.sqlite" --port "$port" --log-level error &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

latest_day=$(curl -sf "http://127.0.0.1:$port/api/daily_papers?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["publishedAt"][:10])')
mkdir -p "$WORK/www/api"
curl -sf "http://127.0.0.1:$port/" -o "$WORK/www/index.html"
curl -sf "http://127.0.0.1:$port/api/daily_papers?date=$latest_day" -o "$WORK/www/api/daily.json"

nginx_port=$(free_port)
start_nginx "$nginx_port" 'location = /api/daily_papers { default_type "application/json; charset=utf-8"; alias '"$WORK"'/www/api/daily.json; }'
for path in / /api/daily_papers; do
    cmp -s <(curl -sf "http://127.0.0.1:$nginx_port$path") "$WORK/www$([ "$path" = / ] && echo /index.html || echo /api/daily.json)" \
        || { echo "nginx does not serve the saved bytes at $path" >&2; exit 1; }
done

# wrk_run URL → "req/s p99_ms non2xx socket_errors"
wrk_run() {
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" > "$WORK/wrk.txt"
    wrk_summary "$WORK/wrk.txt"
}

results=()
for target in "/" "/api/daily_papers?date=$latest_day"; do
    ours=$(wrk_run "http://127.0.0.1:$port$target")
    theirs=$(wrk_run "http://127.0.0.1:$nginx_port${target%%\?*}")
    results+=("$target|$ours|$theirs")
    echo "$target  dailypapers: $ours   nginx: $theirs"
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
page_bytes=$(stat -c %s "$WORK/www/index.html")
api_bytes=$(stat -c %s "$WORK/www/api/daily.json")

{
    echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo). Data: hf-daily-papers.jsonl (9,877 papers, 580 days)."
    echo
    echo "## Import (release build)"
    echo
    echo "| run | papers/s |"
    echo "|---|---|"
    for i in 0 1 2; do echo "| $((i + 1)) | ${import_rates[$i]} |"; done
    echo "| median | **$median_import** |"
    echo "| re-import (all unchanged) | $reimport_rate |"
    echo
    echo "## HTTP: wrk -t2 -c$CONNECTIONS -d$DURATION, against nginx serving the same bytes from files, same run"
    echo
    echo "Response sizes: \`/\` $page_bytes bytes, \`/api/daily_papers?date=$latest_day\` $api_bytes bytes."
    echo
    echo "| path | DailyPapers req/s | p99 ms | nginx req/s | nginx p99 ms | ratio | non-2xx |"
    echo "|---|---|---|---|---|---|---|"
    for row in "${results[@]}"; do
        IFS='|' read -r path ours theirs <<<"$row"
        read -r rps p99 errors _ <<<"$ours"
        read -r nrps np99 _ _ <<<"$theirs"
        ratio=$(python3 -c "print(f'{$rps / $nrps:.2f}')")
        echo "| \`$path\` | $rps | $p99 | $nrps | $np99 | $ratio× | $errors |"
    done
    echo
    echo "Server RSS after the HTTP runs: $((rss_kb / 1024)) MB."
} > "$OUT/results.md"
cat "$OUT/results.md"
