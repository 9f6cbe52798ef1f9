#!/usr/bin/env bash
# make bench, harvest part: OAI-PMH records from the tests' stand-in (pages of 1,000 synthetic arXivRaw records, no
# politeness delay) harvested into SQLite and into PostgreSQL, next to a plain fetch-and-parse of the same pages.
#   scripts/bench-harvest.sh PATH/TO/dailypapers        (BENCH_HARVEST_RECORDS, default 100000)
# Appends to bench-results/results.md. Reads ../shared/data (or $SHARED_DATA).
set -euo pipefail
BIN=${1:?usage: scripts/bench-harvest.sh PATH/TO/dailypapers}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED_DATA=${SHARED_DATA:-$(cd "$HERE/../.." && pwd)/shared/data}
RECORDS=${BENCH_HARVEST_RECORDS:-100000}
. "$HERE/bench/common.sh"

echo "== harvest into SQLite: $RECORDS records"
sqlite_line=$(python3 "$HERE/bench/harvest_speed.py" "$BIN" "$WORK" "$SHARED_DATA" "$RECORDS" "$WORK/harvest.sqlite")
echo "$sqlite_line"

echo "== harvest into PostgreSQL: $RECORDS records"
chmod 755 "$WORK"  # the postgres user must reach its data folder
postgres_url=$("$HERE/postgres.sh" start "$WORK/pg" | tail -1)
postgres_line=$(python3 "$HERE/bench/harvest_speed.py" "$BIN" "$WORK" "$SHARED_DATA" "$RECORDS" "$postgres_url")
"$HERE/postgres.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
echo "$postgres_line"

{
    echo "## Harvest ($(date -u +%FT%TZ), $(nproc) cores)"
    echo "- SQLite: $sqlite_line"
    echo "- PostgreSQL: $postgres_line"
} >> "$OUT/results.md"
