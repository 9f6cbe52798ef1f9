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
{
    echo
    echo "## For you: quality against arxiv-sanity-lite (scripts/bench-for-you.sh, $(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "$quality"
} >> "$OUT/results.md"
