#!/usr/bin/env bash
# Read benchmark: publishes week 2023-11-20 offline (dev/up.sh --offline, recorded inputs, the test-only fake LLM),
# then measures with wrk (1 thread, 16 connections, 8 s) how the publisher serves the issue's page, Markdown, JSON,
# the Atom feed and a revalidation answered 304, beside the same bytes as files served by the publisher's own
# static-file handler (Vert.x, at /files/ through paperdigest.publisher.static-folder, set for this run only) and
# by nginx (a temporary instance with its own configuration, PID and temporary paths). Prints requests/s and p99
# for each, and the publisher's share of each of the other two. Needs wrk and nginx (Debian nginx-light).
#
# Like dev/up.sh, it builds only what is missing: after changing code, run ./mvnw -B package -DskipTests first.
# Runs in a database and on ports of its own, like dev/check-offline-run.sh: BENCH_DB (paperdigest_benchread;
# emptied first), BENCH_KAFKA_PORT (19492, controller +1), BENCH_PORT_BASE (19480: publisher, fetcher, summarizer,
# qa on the next three; nginx on base + 5). BENCH_DURATION (8s) and BENCH_CONNECTIONS (16) change the load.
set -euo pipefail

cd "$(dirname "$0")/.."
WEEK=2023-11-20
DURATION="${BENCH_DURATION:-8s}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
export PAPERDIGEST_DB="${BENCH_DB:-paperdigest_benchread}"
export KAFKA_PORT="${BENCH_KAFKA_PORT:-19492}" KAFKA_CONTROLLER_PORT=$((${BENCH_KAFKA_PORT:-19492} + 1))
base="${BENCH_PORT_BASE:-19480}"
export PUBLISHER_PORT=$base FETCHER_PORT=$((base + 1)) SUMMARIZER_PORT=$((base + 2)) QA_PORT=$((base + 3))
NGINX_PORT=$((base + 5))
export PAPERDIGEST_RUN_DIR="${PAPERDIGEST_RUN_DIR:-target/bench-read}"
export KAFKA_FRESH=1
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install wrk nginx-light curl)" >&2; exit 1; }
done

WORK=$(mktemp -d)
FILES="$WORK/files"
mkdir -p "$FILES"
# nginx's workers run as nobody when it is started as root: they must be able to read the files.
chmod 755 "$WORK"
# The publisher serves the folder as static files for this run only.
export PAPERDIGEST_PUBLISHER_STATIC_FOLDER="$FILES"

PAPERDIGEST_DB="$PAPERDIGEST_DB" bash dev/postgres-setup.sh >/dev/null
PGPASSWORD="${PAPERDIGEST_DB_PASSWORD:-paperdigest}" PGOPTIONS='-c client_min_messages=warning' psql -X -q \
  -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PAPERDIGEST_DB_USER:-paperdigest}" \
  -d "$PAPERDIGEST_DB" -c 'DROP SCHEMA IF EXISTS publisher, summarizer, qa, fetcher CASCADE' \
  -c 'CREATE SCHEMA publisher' -c 'CREATE SCHEMA summarizer' -c 'CREATE SCHEMA qa' -c 'CREATE SCHEMA fetcher'

stop() {
  [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  bash dev/down.sh >/dev/null || true
  rm -rf "$WORK"
}
bash dev/up.sh --offline >/dev/null
trap stop EXIT

publisher="http://127.0.0.1:$PUBLISHER_PORT"
curl -fsS -u "admin:$(cat "$PAPERDIGEST_RUN_DIR/admin-password")" -X POST "http://127.0.0.1:$FETCHER_PORT/api/issues" \
  -H 'Content-Type: application/json' -d "{\"week\":\"$WEEK\"}" >/dev/null
status=""
for _ in $(seq 1 600); do
  status=$(curl -fsS "$publisher/api/issues/$WEEK" 2>/dev/null | grep -o '"status":"[A-Z_]*"' | head -1 | cut -d'"' -f4 || true)
  [[ $status == PUBLISHED ]] && break
  sleep 1
done
[[ $status == PUBLISHED ]] || { echo "week $WEEK not published within 10 minutes (status '$status')" >&2; exit 1; }

# What is measured: name, the publisher's path, the file holding the same bytes.
NAMES=(HTML Markdown "JSON revision" "JSON issue" Feed)
PATHS=("/issues/$WEEK" "/issues/$WEEK.md" "/api/issues/$WEEK/revisions/1" "/api/issues/$WEEK" "/feed.atom")
FILE_NAMES=(issue.html issue.md revision.json issue.json feed.atom)
for i in "${!PATHS[@]}"; do
  curl -fsS -o "$FILES/${FILE_NAMES[$i]}" "$publisher${PATHS[$i]}"
done

cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/client-body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  types { text/html html; text/markdown md; application/json json; application/atom+xml atom; }
  sendfile on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $FILES;
    location /files/ { alias $FILES/; }
  }
}
EOF
nginx -e "$WORK/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf"
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/files/issue.md" 2>/dev/null && break; sleep 0.1; done

# The header that makes a server answer 304 for a URL: its ETag, else its Last-Modified.
revalidation() {
  local headers etag modified
  headers=$(curl -fsS -D - -o /dev/null "$1" | tr -d '\r')
  etag=$(sed -n 's/^[Ee][Tt]ag: //p' <<<"$headers")
  modified=$(sed -n 's/^[Ll]ast-[Mm]odified: //p' <<<"$headers")
  if [[ -n $etag ]]; then echo "If-None-Match: $etag"; else echo "If-Modified-Since: $modified"; fi
}

# Requests/s and p99 (ms) of one wrk run; fails on any answer that is not the one expected.
measure() {
  local url=$1 header=${2:-} expect=${3:-200} out code
  code=$(curl -s -o /dev/null -w '%{http_code}' ${header:+-H "$header"} "$url")
  [[ $code == "$expect" ]] || { echo "$url answered $code, not $expect" >&2; exit 1; }
  out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency ${header:+-H "$header"} "$url")
  if grep -q 'Non-2xx or 3xx' <<<"$out" || grep -q 'Socket errors' <<<"$out"; then
    echo "$out" >&2
    echo "wrk saw errors at $url" >&2
    exit 1
  fi
  awk '/Requests\/sec/ { rps = $2 }
       $1 == "99%" { v = $2; ms = v + 0
                     if (v ~ /us$/) ms = ms / 1000; else if (v ~ /ms$/) ms = ms; else if (v ~ /s$/) ms = ms * 1000
                     p99 = ms }
       END { printf "%.0f %.1f\n", rps, p99 }' <<<"$out"
}

row() {
  local name=$1 mine=$2 static=$3 nginx=$4 header_mine=${5:-} header_static=${6:-} header_nginx=${7:-} expect=${8:-200}
  read -r p_rps p_p99 < <(measure "$mine" "$header_mine" "$expect")
  read -r s_rps s_p99 < <(measure "$static" "$header_static" "$expect")
  read -r n_rps n_p99 < <(measure "$nginx" "$header_nginx" "$expect")
  printf '%-14s %10s %8s %10s %8s %10s %8s %9s %9s\n' "$name" "$p_rps" "$p_p99" "$s_rps" "$s_p99" "$n_rps" "$n_p99" \
    "$(awk -v a="$p_rps" -v b="$s_rps" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$p_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')"
}

# The JIT compiles the publisher's read path before it is measured.
for path in "${PATHS[@]}"; do
  wrk -t1 -c"$CONNECTIONS" -d3s "$publisher$path" >/dev/null
done

echo "Read benchmark: week $WEEK ($(wc -c <"$FILES/issue.html") bytes of HTML), wrk 1 thread, $CONNECTIONS connections, $DURATION each; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %10s %8s %10s %8s %10s %8s %9s %9s\n' "" publisher "" static "" nginx "" "publisher/" "publisher/"
printf '%-14s %10s %8s %10s %8s %10s %8s %9s %9s\n' format "req/s" "p99 ms" "req/s" "p99 ms" "req/s" "p99 ms" static nginx
for i in "${!PATHS[@]}"; do
  row "${NAMES[$i]}" "$publisher${PATHS[$i]}" "$publisher/files/${FILE_NAMES[$i]}" \
    "http://127.0.0.1:$NGINX_PORT/files/${FILE_NAMES[$i]}"
done
row "HTML 304" "$publisher/issues/$WEEK" "$publisher/files/issue.html" "http://127.0.0.1:$NGINX_PORT/files/issue.html" \
  "$(revalidation "$publisher/issues/$WEEK")" "$(revalidation "$publisher/files/issue.html")" \
  "$(revalidation "http://127.0.0.1:$NGINX_PORT/files/issue.html")" 304
echo "Targets: publisher/static >= 1.00, publisher/nginx >= 0.25, publisher p99 <= 30 ms. \"JSON issue\" is"
echo "/api/issues/{id} (status, progress and deliveries, read live); \"JSON revision\" is the stored revision."
