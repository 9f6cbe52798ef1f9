# Shared by the benchmark scripts: a work folder and the clean-up of what they start, free ports, nginx serving
# saved files, reading wrk's report. Scripts set server_pid and nginx_pid; everything goes at exit.
OUT=bench-results
WORK=$(mktemp -d)
mkdir -p "$OUT"
server_pid=""; nginx_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_nginx PORT LOCATIONS: nginx serving $WORK/www on PORT with the given extra location blocks; sets nginx_pid.
start_nginx() {
    local port=$1 locations=$2
    cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port;
        root $WORK/www;
        location = / { default_type "text/html; charset=utf-8"; try_files /index.html =404; }
        $locations
    }
}
NGINX
    chmod -R a+rX "$WORK"  # nginx workers run as an unprivileged user
    nginx -c "$WORK/nginx.conf" -p "$WORK" &
    nginx_pid=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
}

# wrk_summary FILE → "req/s p99_ms non2xx socket_errors(yes|no)" from a `wrk --latency` report.
wrk_summary() {
    python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", text).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: (.*)", text)
print(f"{rps:.0f} {p99:.2f} {errors.group(1) if errors else 0} {'yes' if sock else 'no'}")
PY
}
