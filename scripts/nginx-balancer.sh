#!/usr/bin/env bash
# nginx in front of several `dailypapers serve` instances, as docs/deploy.md describes, run in the foreground.
#   scripts/nginx-balancer.sh DIR PORT UPSTREAM_PORT...
# Writes DIR/nginx.conf from deploy/nginx.conf (listening on 127.0.0.1:PORT) and runs nginx until killed.
set -euo pipefail
dir=${1:?usage: $0 DIR PORT UPSTREAM_PORT...}; port=${2:?}; shift 2
[ $# -gt 0 ] || { echo "name at least one upstream port" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
servers=""
for upstream in "$@"; do servers+="        server 127.0.0.1:$upstream max_fails=1 fail_timeout=2s;"$'\n'; done
{
    echo "daemon off;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/nginx-error.log warn;"
    [ "$(id -u)" -eq 0 ] && echo "user root;"  # the temporary folders belong to whoever runs the tests
    python3 - "$here/deploy/nginx.conf" "$port" "$servers" "$dir" <<'PY'
import sys
template, port, servers, folder = sys.argv[1:]
text = open(template).read()
text = text.split("# --- begin ---\n", 1)[1]
text = text.replace("listen 80;", f"listen 127.0.0.1:{port};")
text = text.replace("        server 127.0.0.1:8081 max_fails=1 fail_timeout=2s;\n        server 127.0.0.1:8082 max_fails=1 fail_timeout=2s;\n        server 127.0.0.1:8083 max_fails=1 fail_timeout=2s;\n", servers)
text = text.replace("http {", f"http {{\n    client_body_temp_path {folder}/body;\n    proxy_temp_path {folder}/proxy;", 1)
print(text)
PY
} > "$dir/nginx.conf"
exec nginx -c "$dir/nginx.conf" -p "$dir"
