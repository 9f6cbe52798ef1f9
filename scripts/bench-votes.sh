#!/usr/bin/env bash
# make bench, part 3: upvote throughput with 50 signed-in members (API tokens) on the SQLite default, and the
# feed page served while the votes run, next to nginx serving the same page bytes under the same vote load.
#   scripts/bench-votes.sh PATH/TO/dailypapers
# Appends to bench-results/results.md (and prints its part). Reads ../shared/data; never writes there.
set -euo pipefail
BIN=${1:?usage: scripts/bench-votes.sh PATH/TO/dailypapers}
SHARED_DATA=${SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
DURATION=${BENCH_DURATION:-10s}
MEMBERS=${BENCH_MEMBERS:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/bench/common.sh"

"$BIN" import --database "$WORK/votes.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
port=$(free_port)
# Limits out of the way (this measures the server, not the limiter); a cheap bcrypt only speeds up the set-up.
RATE_LIMITS="pages=10000000,api=10000000,signup=100000,vote=10000000" BCRYPT_COST=4 \
    "$BIN" serve --database "$WORK/votes.sqlite" --port "$port" --log-level error &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"

python3 "$HERE/bench/make_members.py" "$base" "$MEMBERS" > "$WORK/tokens.txt"
curl -sf "$base/api/daily_papers?limit=100" | python3 -c 'import json,sys; [print(item["paper"]["id"]) for item in json.load(sys.stdin)]' > "$WORK/papers.txt"

mkdir -p "$WORK/www"
curl -sf "$base/" -o "$WORK/www/index.html"
nginx_port=$(free_port)
start_nginx "$nginx_port" ""

# votes OUTPUT [PAUSE_MS]: the vote load, saturating, or paced to a fixed rate by a pause between requests.
votes() {
    TOKENS_FILE="$WORK/tokens.txt" PAPERS_FILE="$WORK/papers.txt" PAUSE_MS="${2:-0}" \
        wrk -t2 -c"$MEMBERS" -d"$DURATION" --latency -s "$HERE/bench/votes.lua" "$base" > "$WORK/$1"
}
# feed_during_votes NAME PAUSE_MS: GET / from us, then from nginx, each while the vote load runs.
feed_during_votes() {
    votes "votes-$1-feed.txt" "$2" & local vote_pid=$!
    wrk -t1 -c10 -d"$DURATION" --latency "$base/" > "$WORK/feed-$1.txt"
    wait $vote_pid
    votes "votes-$1-nginx.txt" "$2" & vote_pid=$!
    wrk -t1 -c10 -d"$DURATION" --latency "http://127.0.0.1:$nginx_port/" > "$WORK/nginx-$1.txt"
    wait $vote_pid
}
# The pause that offers about 2,000 votes/s with $MEMBERS connections (a cycle of 2 ms of work plus the pause).
target_pause=$(( MEMBERS * 1000 / 2000 - 2 ))

echo "== votes alone: $MEMBERS members"
votes votes-alone.txt
read -r alone_rps alone_p99 alone_errors _ <<<"$(wrk_summary "$WORK/votes-alone.txt")"
echo "votes alone: $alone_rps votes/s, p99 $alone_p99 ms, non-2xx $alone_errors"

echo "== votes offered at about 2,000/s"
votes votes-paced.txt "$target_pause"
read -r paced_rps paced_p99 paced_errors _ <<<"$(wrk_summary "$WORK/votes-paced.txt")"
echo "paced votes: $paced_rps votes/s, p99 $paced_p99 ms, non-2xx $paced_errors"

echo "== the feed page (10 connections on /) during the votes, then nginx's copy of / during the same votes"
feed_during_votes saturating 0
feed_during_votes paced "$target_pause"
read -r mixed_rps mixed_p99 mixed_errors _ <<<"$(wrk_summary "$WORK/votes-saturating-feed.txt")"
read -r feed_rps feed_p99 feed_errors _ <<<"$(wrk_summary "$WORK/feed-saturating.txt")"
read -r nginx_rps nginx_p99 _ _ <<<"$(wrk_summary "$WORK/nginx-saturating.txt")"
read -r pmixed_rps pmixed_p99 pmixed_errors _ <<<"$(wrk_summary "$WORK/votes-paced-feed.txt")"
read -r pfeed_rps pfeed_p99 pfeed_errors _ <<<"$(wrk_summary "$WORK/feed-paced.txt")"
read -r pnginx_rps pnginx_p99 _ _ <<<"$(wrk_summary "$WORK/nginx-paced.txt")"
ratio=$(python3 -c "print(f'{$feed_rps / $nginx_rps:.2f}')")
pratio=$(python3 -c "print(f'{$pfeed_rps / $pnginx_rps:.2f}')")

# Every vote was counted exactly once: the papers' community counts equal the vote rows.
consistent=$(python3 - "$WORK/votes.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT COUNT(*) FROM votes").fetchone()[0]
counted = db.execute("SELECT COALESCE(SUM(community_upvotes), 0) FROM papers").fetchone()[0]
print(f"{rows} vote rows, {counted} counted: {'consistent' if rows == counted else 'INCONSISTENT'}")
PY
)
echo "$consistent"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")

{
    echo
    echo "## Upvotes: $MEMBERS members with API tokens, wrk -t2 -c$MEMBERS -d$DURATION, SQLite, same run"
    echo
    echo "Each request is \`POST\` (60 %) or \`DELETE\` (40 %) \`/api/papers/{id}/upvote\` by a random member on one of the newest 100 papers."
    echo
    echo "| run | votes/s | p99 ms | non-2xx |"
    echo "|---|---|---|---|"
    echo "| saturating (no pause) | $alone_rps | $alone_p99 | $alone_errors |"
    echo "| offered at about 2,000/s (a random pause of 0–$((2 * target_pause)) ms before each request) | $paced_rps | $paced_p99 | $paced_errors |"
    echo "| saturating, while \`/\` is served | $mixed_rps | $mixed_p99 | $mixed_errors |"
    echo "| about 2,000/s, while \`/\` is served | $pmixed_rps | $pmixed_p99 | $pmixed_errors |"
    echo
    echo "| \`GET /\` (wrk -t1 -c10) during the votes | req/s | p99 ms | non-2xx |"
    echo "|---|---|---|---|"
    echo "| DailyPapers, votes saturating | $feed_rps | $feed_p99 | $feed_errors |"
    echo "| nginx, same bytes, votes saturating | $nginx_rps | $nginx_p99 | |"
    echo "| ratio | $ratio× | | |"
    echo "| DailyPapers, votes at about 2,000/s | $pfeed_rps | $pfeed_p99 | $pfeed_errors |"
    echo "| nginx, same bytes, votes at about 2,000/s | $pnginx_rps | $pnginx_p99 | |"
    echo "| ratio | $pratio× | | |"
    echo
    echo "After the runs: $consistent. Server RSS $((rss_kb / 1024)) MB."
} | tee -a "$OUT/results.md"
