#!/usr/bin/env bash
# make bench (mail part): compose and send digests to 100,000 subscribers through postfix's smtp-sink, next to
# smtp-source -> smtp-sink in the same run (the limit of this machine and sink).
#   scripts/bench-mail.sh PATH/TO/dailypapers
set -euo pipefail
BIN=${1:?usage: scripts/bench-mail.sh PATH/TO/dailypapers}
SHARED_DATA=${SHARED_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
SUBSCRIBERS=${BENCH_SUBSCRIBERS:-100000}
DAY=2026-08-21
OUT=bench-results
WORK=$(mktemp -d)
mkdir -p "$OUT"
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

echo "== mail: $SUBSCRIBERS subscribers, the papers of $DAY"
"$BIN" import --database "$WORK/mail.sqlite" "$SHARED_DATA/hf-daily-papers.jsonl" >/dev/null
python3 - "$WORK/subscribers.jsonl" "$SUBSCRIBERS" <<'PY'
import json, random, sys
random.seed(7)
topics = [["reinforcement learning"], ["diffusion"], ["agents"], ["llm", "reasoning"], ["video generation"], ["robotics"]]
with open(sys.argv[1], "w") as file:
    for number in range(int(sys.argv[2])):
        entry = {"email": f"reader{number:06d}@example.org"}
        draw = random.random()
        if draw < 0.3:
            entry["topics"] = random.choice(topics)   # 30 % narrow by topic
        elif draw > 0.9:
            entry["frequency"] = "weekly"            # 10 % weekly
        file.write(json.dumps(entry) + "\n")
PY
"$BIN" subscribers import --database "$WORK/mail.sqlite" "$WORK/subscribers.jsonl"

rate() { grep -A1 "^$1" "$2" | grep -o '[0-9]* subscribers/s' | cut -d' ' -f1; }
"$BIN" digest send --database "$WORK/mail.sqlite" --date "$DAY" --dry-run > "$WORK/dry.txt"
compose_only=$(rate "daily:$DAY" "$WORK/dry.txt")

smtp-sink -u nobody "127.0.0.1:$port" 1024 &
sink_pid=$!
sleep 0.5
SMTP_URL="smtp://127.0.0.1:$port" "$BIN" digest send --database "$WORK/mail.sqlite" --date "$DAY" > "$WORK/send.txt"
cat "$WORK/send.txt"
compose_and_queue=$(rate "daily:$DAY" "$WORK/send.txt")
sent=$(grep -o '^Sent [0-9]*' "$WORK/send.txt" | cut -d' ' -f2)
send_rate=$(grep -o '[0-9]* messages/s' "$WORK/send.txt" | cut -d' ' -f1)
size=$(python3 -c "import sqlite3,sys; print(int(sqlite3.connect(sys.argv[1]).execute('SELECT AVG(LENGTH(message)) FROM outbox').fetchone()[0]))" "$WORK/mail.sqlite")

reference_count=20000
start=$(date +%s.%N)
smtp-source -d -s 1 -m "$reference_count" -l "$size" -f papers@example.org -t reader@example.org "127.0.0.1:$port"
reference_rate=$(python3 -c "print(round($reference_count / ($(date +%s.%N) - $start)))")
ratio=$(python3 -c "print(f'{$send_rate / $reference_rate:.2f}')")

{
    echo "# Mail benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "$SUBSCRIBERS confirmed subscribers (30 % with topics, 10 % weekly), the daily and weekly editions of $DAY."
    echo
    echo "| figure | value |"
    echo "|---|---|"
    echo "| composing alone (daily edition, --dry-run) | **$compose_only digests/s** |"
    echo "| composing and writing the outbox | $compose_and_queue digests/s |"
    echo "| messages sent to smtp-sink | $sent, average $size bytes |"
    echo "| DailyPapers → smtp-sink, one connection | **$send_rate messages/s** |"
    echo "| smtp-source → smtp-sink, one session (-d -s 1), same size | $reference_rate messages/s |"
    echo "| ratio | **$ratio×** |"
} > "$OUT/mail.md"
cat "$OUT/mail.md"
