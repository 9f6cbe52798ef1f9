#!/usr/bin/env bash
# make bench, "For you" part (issue #30): the ranking's quality against arxiv-sanity-lite's method and newest-first,
# on simulated members made through the real site and API (scripts/bench/for_you.py; constants chosen on half A of
# the members, every figure reported on half B).
#   scripts/bench-for-you.sh PATH/TO/dailypapers
# Appends to bench-results/results.md.
set -euo pipefail
BIN=${1:?usage: scripts/bench-for-you.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
MODEL=${DAILYPAPERS_MODEL:-$(cd "$HERE/.." && pwd)/models/all-MiniLM-L6-v2}
MEMBERS=${BENCH_FOR_YOU_MEMBERS:-60}
. "$HERE/bench/common.sh"

echo "== For you against arxiv-sanity-lite, $MEMBERS members per cut-off"
quality=$(python3 "$HERE/bench/for_you.py" "$BIN" "$MODEL" "$SHARED_DATA/hf-daily-papers.jsonl" "$WORK/for-you" --members-per-cutoff "$MEMBERS")
echo "$quality"
echo "== /api/me/for-you for 1,000 members on 100,000 papers (5,000 new in the week), and personal digests"
python3 "$HERE/bench/synthesize.py" "$BIN" "$WORK/for-you/base.sqlite" "$WORK/big.sqlite" 100000 "$WORK" >/dev/null
# A harvested week: 5,000 of the synthetic papers announced new by arXiv in the 7 days up to the newest featured day.
python3 - "$WORK/big.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ids = [row[0] for row in db.execute("SELECT id FROM papers WHERE featured_on IS NULL ORDER BY id LIMIT 5000")]
db.executemany("UPDATE papers SET announced_on = ?, announce_type = 'new' WHERE id = ?",
               [(f"2026-08-{15 + index % 7}", paper) for index, paper in enumerate(ids)])
db.commit()
PY
port=$(free_port)
CLOCK_START=2026-08-21T21:00:00Z BCRYPT_COST=4 RATE_LIMITS="pages=100000000,api=100000000,vote=100000000,signup=100000000,login=100000000" \
    "$BIN" serve --database "$WORK/big.sqlite" --port "$port" --model "$MODEL" --log-level warning > "$WORK/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
latency=$(python3 "$HERE/bench/for_you_latency.py" "http://127.0.0.1:$port" "$WORK/big.sqlite" 1000)
echo "$latency"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
python3 -c "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute(\"INSERT INTO personal_digests (user_id, cadence, chosen_at) SELECT id, 'daily', 1 FROM users\"); db.commit()" "$WORK/big.sqlite"
digest=$(CLOCK_START=2026-08-21T21:00:00Z SMTP_URL=smtp://127.0.0.1:9 MAIL_FROM=bench@example.org "$BIN" digest send --date 2026-08-21 \
    --database "$WORK/big.sqlite" --model "$MODEL" 2>&1 | grep -A1 "^personal digests" || true)
echo "$digest"
{
    echo
    echo "## For you (scripts/bench-for-you.sh, $(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "$quality"
    echo
    echo "\`/api/me/for-you?limit=50\` on 100,000 papers (5,000 new in the week), 1,000 members, one request at a time:"
    echo
    echo "$latency"
    echo
    echo "Personal digests of those 1,000 members (\`dailypapers digest send\`):"
    echo
    echo "$digest"
} >> "$OUT/results.md"
