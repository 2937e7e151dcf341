#!/usr/bin/env bash
# The newcomer's path, checked end to end (CI runs it): dev/up.sh --offline, a request for week 2023-11-20, the
# issue published from recorded inputs by the test-only fake LLM, then dev/down.sh, after which none of the
# processes up.sh started may be left and none of its ports may still be open.
#
# Runs in a database and on ports of its own, so it does not touch a running setup: CHECK_DB (paperdigest_uprun;
# emptied first), CHECK_KAFKA_PORT (19392, controller +1), CHECK_PORT_BASE (19380: publisher, fetcher, summarizer,
# qa on the next three). Extra arguments go to up.sh (e.g. --small-model).
set -euo pipefail

cd "$(dirname "$0")/.."
WEEK=2023-11-20
export PAPERDIGEST_DB="${CHECK_DB:-paperdigest_uprun}"
export KAFKA_PORT="${CHECK_KAFKA_PORT:-19392}" KAFKA_CONTROLLER_PORT=$((${CHECK_KAFKA_PORT:-19392} + 1))
base="${CHECK_PORT_BASE:-19380}"
export PUBLISHER_PORT=$base FETCHER_PORT=$((base + 1)) SUMMARIZER_PORT=$((base + 2)) QA_PORT=$((base + 3))
export PAPERDIGEST_RUN_DIR="${PAPERDIGEST_RUN_DIR:-target/check-offline-run}"
# A broker without topics or offsets from an earlier check.
export KAFKA_FRESH=1
start=$SECONDS

# An empty store, so the week is made now and not found from an earlier check.
PAPERDIGEST_DB="$PAPERDIGEST_DB" bash dev/postgres-setup.sh >/dev/null
PGPASSWORD="${PAPERDIGEST_DB_PASSWORD:-paperdigest}" PGOPTIONS='-c client_min_messages=warning' psql -X -q \
  -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PAPERDIGEST_DB_USER:-paperdigest}" \
  -d "$PAPERDIGEST_DB" -c 'DROP SCHEMA IF EXISTS publisher, summarizer, qa, fetcher CASCADE' \
  -c 'CREATE SCHEMA publisher' -c 'CREATE SCHEMA summarizer' -c 'CREATE SCHEMA qa' -c 'CREATE SCHEMA fetcher'

bash dev/up.sh --offline "$@"
# What up.sh started, to look for after down.sh.
pids=$(cat "$PAPERDIGEST_RUN_DIR"/*.pid "$HOME/.cache/paper-digest/kafka-run-$KAFKA_PORT/kafka.pid" 2>/dev/null || true)
trap 'bash dev/down.sh' EXIT

curl -fsS -u "admin:$(cat "$PAPERDIGEST_RUN_DIR/admin-password")" -X POST "http://127.0.0.1:$FETCHER_PORT/api/issues" \
  -H 'Content-Type: application/json' -d "{\"week\":\"$WEEK\"}" >/dev/null
status=""
for _ in $(seq 1 600); do
  status=$(curl -fsS "http://127.0.0.1:$PUBLISHER_PORT/api/issues/$WEEK" 2>/dev/null \
    | grep -o '"status":"[A-Z_]*"' | head -1 | cut -d'"' -f4 || true)
  [[ $status == PUBLISHED ]] && break
  sleep 1
done
[[ $status == PUBLISHED ]] || { echo "week $WEEK not published within 10 minutes (status '$status')" >&2; exit 1; }
markdown=$(curl -fsS "http://127.0.0.1:$PUBLISHER_PORT/issues/$WEEK.md")
grep -q '^## GPQA: A Graduate-Level Google-Proof Q&A Benchmark$' <<<"$markdown" \
  || { echo "the published Markdown lacks GPQA's section" >&2; exit 1; }
echo "Week $WEEK published $((SECONDS - start)) s after the start, build included"

trap - EXIT
bash dev/down.sh
left=""
for pid in $pids; do
  kill -0 "$pid" 2>/dev/null && left="$left $pid"
done
[[ -z $left ]] || { echo "processes left behind by dev/down.sh:$left" >&2; exit 1; }
for port in "$PUBLISHER_PORT" "$FETCHER_PORT" "$SUMMARIZER_PORT" "$QA_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is still open after dev/down.sh" >&2
    exit 1
  fi
done
echo "dev/down.sh left no process behind ($(wc -w <<<"$pids") stopped) and closed every port"
