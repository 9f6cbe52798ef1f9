#!/usr/bin/env bash
# make bench, library part (issue #29): a member with 10,000 saved papers and a collection of 2,000, on 12,000
# papers (the 9,877 real ones, embedded, and synthetic ones made of their sentences): `/saved` and the collection's
# page, searches within the reading list, the BibTeX export of the whole list, and `/` as the reference.
#   scripts/bench-library.sh PATH/TO/dailypapers
# Appends to bench-results/results.md.
set -euo pipefail
BIN=${1:?usage: scripts/bench-library.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
MODEL=${DAILYPAPERS_MODEL:-$(cd "$HERE/.." && pwd)/models/all-MiniLM-L6-v2}
COUNT=${BENCH_LIBRARY_REQUESTS:-200}
. "$HERE/bench/common.sh"
export RATE_LIMITS="pages=10000000,api=10000000"

echo "== 12,000 papers, embedded; a member with 10,000 saved and a collection of 2,000"
"$BIN" migrate --database "$WORK/real.sqlite" >/dev/null
"$BIN" import --database "$WORK/real.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
"$BIN" embed --database "$WORK/real.sqlite" --model "$MODEL" >/dev/null
python3 "$HERE/bench/synthesize.py" "$BIN" "$WORK/real.sqlite" "$WORK/library.sqlite" 12000 "$WORK" >/dev/null
DAILYPAPERS_PASSWORD=reader-password-1 "$BIN" user create reader --email reader@example.org --database "$WORK/library.sqlite" >/dev/null
collection=$(python3 - "$WORK/library.sqlite" <<'PY'
import random, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
user = db.execute("SELECT id FROM users WHERE username = 'reader'").fetchone()[0]
ids = [row[0] for row in db.execute("SELECT id FROM papers ORDER BY id")]
random.seed(5)
saved = random.sample(ids, 10_000)
now = int(time.time() * 1000)
db.executemany("INSERT INTO saved_papers (user_id, paper_id, saved_at, read_at, note) VALUES (?, ?, ?, ?, ?)",
               [(user, paper, now - index * 1000, now if index % 3 == 0 else None, "a note" if index % 10 == 0 else None)
                for index, paper in enumerate(saved)])
cid = "0123456789abcdef01234567"
db.execute("INSERT INTO collections (id, owner, owner_key, owner_user_id, title, description, private, theme, item_count, created_at, updated_at)"
           " VALUES (?, 'reader', 'reader', ?, 'Two thousand papers', '', 0, 'blue', 2000, ?, ?)", (cid, user, now, now))
db.executemany("INSERT INTO collection_items (id, collection_id, paper_id, position, note, added_at) VALUES (?, ?, ?, ?, ?, ?)",
               [(f"{index:024x}", cid, paper, index, None, now) for index, paper in enumerate(saved[:2000])])
db.commit()
print(f"/collections/reader/two-thousand-papers-{cid}")
PY
)
port=$(free_port)
"$BIN" serve --database "$WORK/library.sqlite" --port "$port" --model "$MODEL" --log-level info > "$WORK/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do grep -q "keyword index ready" "$WORK/serve.log" && break; sleep 0.2; done
rows=$(python3 "$HERE/bench/library_latency.py" "http://127.0.0.1:$port" "$WORK/library.sqlite" "$server_pid" reader reader-password-1 \
    "$collection" "$COUNT")
echo "$rows"
{
    echo
    echo "## Library: 10,000 saved papers and a collection of 2,000 (scripts/bench-library.sh, same run)"
    echo
    echo "$(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; one request at a time, signed in, $COUNT requests a row."
    echo
    echo "| what | requests | p50 ms | p99 ms |"
    echo "|---|---|---|---|"
    echo "$rows"
} | tee -a "$OUT/results.md"
