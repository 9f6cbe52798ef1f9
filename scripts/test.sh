#!/usr/bin/env bash
# The whole suite (`make test`): one throw-away PostgreSQL server for all of it, then the Swift tests (every store
# contract test runs on SQLite and on that server) and the Python tests (real HTTP clients, SMTP, nginx in front of
# several instances). The server is stopped and its folder removed however the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_dir=$(mktemp -d /tmp/dailypapers-test-pg.XXXXXX)
trap 'scripts/postgres.sh stop "$pg_dir"; rm -rf "$pg_dir"' EXIT
TEST_POSTGRES_URL=$(scripts/postgres.sh start "$pg_dir" | tail -1)
export TEST_POSTGRES_URL TEST_POSTGRES_DIR=$pg_dir
echo "test PostgreSQL: $TEST_POSTGRES_URL"
swift test --skip-build
python3 -m pytest -q tests/python
