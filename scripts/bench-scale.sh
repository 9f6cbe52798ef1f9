#!/usr/bin/env bash
# make bench, part 4: PostgreSQL and scale-out. The feed page and the API on the SQLite single instance, on one
# PostgreSQL instance and on three PostgreSQL instances behind nginx (deploy/nginx.conf), all in one run, then
# upvote throughput on PostgreSQL, and keyword search quality on Cranfield on both engines. A throw-away PostgreSQL server is started for the run and removed after it.
#   scripts/bench-scale.sh PATH/TO/dailypapers
# Appends to bench-results/results.md (and prints its part). Reads ../shared/data; never writes there.
set -euo pipefail
BIN=${1:?usage: scripts/bench-scale.sh PATH/TO/dailypapers}
SHARED_DATA=${SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
MEMBERS=${BENCH_MEMBERS:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/bench/common.sh"

pids=()
scale_cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "$HERE/postgres.sh" stop "$WORK/pg"
    cleanup
}
trap scale_cleanup EXIT

# Limits out of the way (this measures serving, not the limiter); a cheap bcrypt only speeds up the set-up.
export RATE_LIMITS="pages=10000000,api=10000000,signup=100000,vote=10000000" BCRYPT_COST=4
chmod a+rx "$WORK"  # the postgres user reaches its data folder through it
pg_url=$("$HERE/postgres.sh" start "$WORK/pg" | tail -1)
sqlite="$WORK/scale.sqlite"
postgres="${pg_url%/*}/dailypapers?pool=${BENCH_PG_POOL:-10}"  # BENCH_PG_POOL=N compares pool sizes
psql "$pg_url" -qc "CREATE DATABASE dailypapers"
"$BIN" import --database "$sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
start=$(date +%s.%N)
"$BIN" import --database "$postgres" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
pg_import_rate=$(python3 -c "print(round(9877 / ($(date +%s.%N) - $start)))")
echo "import into PostgreSQL: $pg_import_rate papers/s"

# serve DATABASE: starts an instance; its port is left in $port.
serve() {
    port=$(free_port)
    "$BIN" serve --database "$1" --port "$port" --log-level error --trusted-proxies 127.0.0.1 >"$WORK/serve-$port.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
}
# balance NAME PORT...: nginx in front of the given instances; its port is left in $port.
balance() {
    local name=$1; shift; port=$(free_port)
    "$HERE/nginx-balancer.sh" "$WORK/nginx-$name" "$port" "$@" >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
}
# measure LABEL BASE: wrk on / and on the API day; prints "label | / req/s | p99 | API req/s | p99 | non-2xx".
measure() {
    local label=$1 base=$2 day
    day=$(curl -sf "$base/api/daily_papers?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["publishedAt"][:10])')
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$base/" > "$WORK/page-$label.txt"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$base/api/daily_papers?date=$day" > "$WORK/api-$label.txt"
    read -r page_rps page_p99 page_errors page_sock <<<"$(wrk_summary "$WORK/page-$label.txt")"
    read -r api_rps api_p99 api_errors api_sock <<<"$(wrk_summary "$WORK/api-$label.txt")"
    echo "$page_rps $page_p99 $api_rps $api_p99 $((page_errors + api_errors)) $page_sock$api_sock"
}

serve "$sqlite"; sqlite_port=$port
pg_ports=()
for _ in 1 2 3; do serve "$postgres"; pg_ports+=("$port"); done
balance one "${pg_ports[0]}"; one_port=$port
balance three "${pg_ports[@]}"; three_port=$port

echo "== GET / and GET /api/daily_papers (wrk -t2 -c$CONNECTIONS -d$DURATION each)"
declare -A results
for setup in sqlite pg-direct pg-one pg-three; do
    case $setup in
        sqlite) base="http://127.0.0.1:$sqlite_port" ;;
        pg-direct) base="http://127.0.0.1:${pg_ports[0]}" ;;
        pg-one) base="http://127.0.0.1:$one_port" ;;
        pg-three) base="http://127.0.0.1:$three_port" ;;
    esac
    results[$setup]=$(measure "$setup" "$base")
    echo "$setup: ${results[$setup]}"
done
read -r one_page _ one_api _ _ _ <<<"${results[pg-one]}"
read -r three_page _ three_api _ _ _ <<<"${results[pg-three]}"
page_gain=$(python3 -c "print(f'{$three_page / $one_page:.2f}')")
api_gain=$(python3 -c "print(f'{$three_api / $one_api:.2f}')")

echo "== upvotes on PostgreSQL: $MEMBERS members with API tokens"
base="http://127.0.0.1:${pg_ports[0]}"
python3 "$HERE/bench/make_members.py" "$base" "$MEMBERS" > "$WORK/tokens.txt"
curl -sf "$base/api/daily_papers?limit=100" | python3 -c 'import json,sys; [print(item["paper"]["id"]) for item in json.load(sys.stdin)]' > "$WORK/papers.txt"
vote_run() {
    TOKENS_FILE="$WORK/tokens.txt" PAPERS_FILE="$WORK/papers.txt" PAUSE_MS=0 \
        wrk -t2 -c"$MEMBERS" -d"$DURATION" --latency -s "$HERE/bench/votes.lua" "$1" > "$WORK/$2"
}
vote_run "$base" votes-pg-one.txt
vote_run "http://127.0.0.1:$three_port" votes-pg-three.txt
read -r votes_one_rps votes_one_p99 votes_one_errors _ <<<"$(wrk_summary "$WORK/votes-pg-one.txt")"
read -r votes_three_rps votes_three_p99 votes_three_errors _ <<<"$(wrk_summary "$WORK/votes-pg-three.txt")"
consistent=$(psql "${postgres%%\?*}" -Atc "SELECT (SELECT COUNT(*) FROM votes) || ' vote rows, ' || (SELECT COALESCE(SUM(community_upvotes), 0) FROM papers) || ' counted'")
echo "votes: one instance $votes_one_rps/s p99 $votes_one_p99 ms; three behind nginx $votes_three_rps/s p99 $votes_three_p99 ms; $consistent"

echo "== keyword search quality on Cranfield, both engines"
psql "$pg_url" -qc "CREATE DATABASE cranfield"
cranfield_table=$(python3 "$HERE/bench/cranfield.py" "$BIN" "$WORK" "$SHARED_DATA/cranfield" "$WORK/cranfield.sqlite" "${pg_url%/*}/cranfield")
echo "$cranfield_table"

row() {
    read -r page_rps page_p99 api_rps api_p99 errors sock <<<"${results[$2]}"
    echo "| $1 | $page_rps | $page_p99 | $api_rps | $api_p99 | $errors | $([ "$sock" = nono ] && echo none || echo yes) |"
}
{
    echo
    echo "## PostgreSQL and several instances: wrk -t2 -c$CONNECTIONS -d$DURATION per line, same run"
    echo
    echo "hf-daily-papers.jsonl (9,877 papers) in SQLite and in a PostgreSQL 15 started for the run (fsync off, on the same"
    echo "2 cores as everything else), each PostgreSQL instance with a pool of ${BENCH_PG_POOL:-10} connections."
    echo "Import into PostgreSQL: $pg_import_rate papers/s."
    echo
    echo "| setup | \`/\` req/s | p99 ms | API day req/s | p99 ms | non-2xx | socket errors |"
    echo "|---|---|---|---|---|---|---|"
    row "SQLite, one instance" sqlite
    row "PostgreSQL, one instance, direct" pg-direct
    row "PostgreSQL, one instance behind nginx" pg-one
    row "PostgreSQL, three instances behind nginx" pg-three
    echo
    echo "Three instances against one behind the same nginx: $page_gain× on \`/\`, $api_gain× on the API."
    echo
    echo "| upvotes on PostgreSQL ($MEMBERS members, API tokens) | votes/s | p99 ms | non-2xx |"
    echo "|---|---|---|---|"
    echo "| one instance, direct | $votes_one_rps | $votes_one_p99 | $votes_one_errors |"
    echo "| three instances behind nginx | $votes_three_rps | $votes_three_p99 | $votes_three_errors |"
    echo
    echo "After the runs: $consistent."
    echo
    echo "### Keyword search on Cranfield (1,398 abstracts, 225 queries, graded judgements), same run"
    echo
    echo "$cranfield_table"
} | tee -a "$OUT/results.md"
