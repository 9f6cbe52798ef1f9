#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests and benchmarks: Debian's PostgreSQL 15, an unprivileged user,
# a temporary data folder, 127.0.0.1 only, a free port.
#   scripts/postgres.sh start DIR   — initdb + start; prints the server's URL (also written to DIR/url)
#   scripts/postgres.sh stop DIR    — fast shutdown
#   scripts/postgres.sh kill DIR    — stop at once (immediate mode), for restart tests
#   scripts/postgres.sh restart DIR — start again on the same port and data
set -euo pipefail
action=${1:?usage: $0 start|stop|kill|restart DIR}
dir=${2:?usage: $0 start|stop|kill|restart DIR}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "PostgreSQL is not installed (scripts/install-deps.sh test installs it)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run it as the postgres user the Debian package creates.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

pg_start() {
    local port; port=$(cat "$dir/port")
    as_owner "$pgbin/pg_ctl -D '$dir/data' -l '$dir/log' -w -t 30 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=256MB\" start" >/dev/null
}

case "$action" in
    start)
        mkdir -p "$dir"
        [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
        if [ ! -d "$dir/data" ]; then
            as_owner "$pgbin/initdb -D '$dir/data' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
        fi
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' > "$dir/port"
        pg_start
        echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres" | tee "$dir/url"
        ;;
    restart) pg_start ;;
    stop) as_owner "$pgbin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true ;;
    kill) as_owner "$pgbin/pg_ctl -D '$dir/data' -m immediate -w stop" >/dev/null ;;
    *) echo "usage: $0 start|stop|kill|restart DIR" >&2; exit 2 ;;
esac
