#!/usr/bin/env bash
# Runs Paper Digest on this machine in one command, without Docker: prepares PostgreSQL, starts the broker, builds
# what is missing, starts the four services (logs under one folder), waits until each is ready and prints the URLs.
# dev/down.sh stops exactly what this started.
#
#   dev/up.sh              the real dair-ai list and arXiv; the LLM from QUARKUS_LANGCHAIN4J_OPENAI_BASE_URL,
#                          _API_KEY and _CHAT_MODEL_MODEL_NAME (README "Run it")
#   dev/up.sh --offline    recorded inputs (fixture server) and the test-only fake LLM: no network, no key
#   dev/up.sh --offline --small-model
#                          the same, with the services asking for json_object and the fake answering as small
#                          local models do (code fences, sentences around the JSON, now and then cut off)
#
# Env: PAPERDIGEST_DB (paperdigest; the database, made by dev/postgres-setup.sh), PGHOST/PGPORT,
#      KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), PUBLISHER_PORT (8080), FETCHER_PORT (8081),
#      SUMMARIZER_PORT (8082), QA_PORT (8083), PAPERDIGEST_ADMIN_PASSWORD (default: a random one, printed),
#      PAPERDIGEST_RUN_DIR (target/dev-run: logs, PIDs, and what down.sh is to stop), and any QUARKUS_* or
#      PAPERDIGEST_* setting of the services, which they read from the environment.
set -euo pipefail

cd "$(dirname "$0")/.."
OFFLINE=0
SMALL_MODEL=""
for arg in "$@"; do
  case $arg in
    --offline) OFFLINE=1 ;;
    --small-model) SMALL_MODEL=--small-model ;;
    *) echo "usage: $0 [--offline [--small-model]]" >&2; exit 2 ;;
  esac
done
[[ -z $SMALL_MODEL || $OFFLINE == 1 ]] || { echo "--small-model needs --offline" >&2; exit 2; }

RUN="${PAPERDIGEST_RUN_DIR:-target/dev-run}"
DB="${PAPERDIGEST_DB:-paperdigest}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"
export KAFKA_PORT="${KAFKA_PORT:-9092}" KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
declare -A PORT=([publisher-service]="${PUBLISHER_PORT:-8080}" [fetcher-service]="${FETCHER_PORT:-8081}"
  [summarizer-service]="${SUMMARIZER_PORT:-8082}" [qa-service]="${QA_PORT:-8083}")
# The publisher first: it consumes every topic, so nothing another service emits waits for it.
SERVICES=(publisher-service fetcher-service summarizer-service qa-service)

if compgen -G "$RUN/*.pid" >/dev/null; then
  echo "$RUN holds a run that was not stopped: run dev/down.sh first" >&2
  exit 1
fi
for service in "${SERVICES[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/${PORT[$service]}") 2>/dev/null; then
    echo "port ${PORT[$service]} ($service) is in use; choose another with its *_PORT variable" >&2
    exit 1
  fi
done
mkdir -p "$RUN/logs"
RUN="$(cd "$RUN" && pwd)"

# From here on a failure stops whatever this run started.
trap 'echo "dev/up.sh failed; stopping what it started" >&2; PAPERDIGEST_RUN_DIR="$RUN" bash dev/down.sh >&2' ERR

# ---- PostgreSQL: stopped by down.sh only if it was this run that started it.
pg_was_up=0
pg_isready -q && pg_was_up=1
PAPERDIGEST_DB="$DB" bash dev/postgres-setup.sh
if [[ $pg_was_up == 0 ]]; then
  read -r version cluster _ < <(pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p')
  echo "$version $cluster" >"$RUN/postgres.started"
fi

# ---- Kafka: likewise.
if ! bash dev/kafka.sh status >/dev/null; then
  bash dev/kafka.sh start
  echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" >"$RUN/kafka.started"
fi

# ---- Build what is missing (package, not install: nothing is written outside this clone's target folders).
missing=0
for service in "${SERVICES[@]}"; do
  [[ -f $service/target/quarkus-app/quarkus-run.jar ]] || missing=1
done
[[ $OFFLINE == 0 || -f test-support/target/runtime-classpath.txt ]] || missing=1
if [[ $missing == 1 ]]; then
  echo "Building (./mvnw -B package -DskipTests; log in $RUN/logs/build.log) ..."
  ./mvnw -B package -DskipTests >"$RUN/logs/build.log" 2>&1 \
    || { tail -n 30 "$RUN/logs/build.log" >&2; false; }
fi

# ---- Remotes for --offline: the fixture server and the fake LLM, from the test tools (module test-support).
FETCHER_FLAGS=""
LLM_FLAGS=""
if [[ $OFFLINE == 1 ]]; then
  echo "Starting the fixture server and the test-only fake LLM ..."
  java -cp "test-support/target/classes:$(cat test-support/target/runtime-classpath.txt)" \
    org.paperdigest.testing.OfflineRemotes $SMALL_MODEL >"$RUN/logs/offline-remotes.log" 2>&1 </dev/null &
  echo $! >"$RUN/offline-remotes.pid"
  for _ in $(seq 1 120); do
    grep -q '^summarizer-service, qa-service:' "$RUN/logs/offline-remotes.log" && break
    kill -0 "$(cat "$RUN/offline-remotes.pid")" 2>/dev/null || break
    sleep 1
  done
  FETCHER_FLAGS=$(sed -n 's/^fetcher-service: *//p' "$RUN/logs/offline-remotes.log")
  LLM_FLAGS=$(sed -n 's/^summarizer-service, qa-service: *//p' "$RUN/logs/offline-remotes.log")
  [[ -n $LLM_FLAGS ]] || { echo "the offline remotes did not start; see $RUN/logs/offline-remotes.log" >&2; false; }
fi

# ---- The four services.
ADMIN_PASSWORD="${PAPERDIGEST_ADMIN_PASSWORD:-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}"
(umask 077 && echo "$ADMIN_PASSWORD" >"$RUN/admin-password")
for service in "${SERVICES[@]}"; do
  flags=""
  case $service in
    fetcher-service) flags=$FETCHER_FLAGS ;;
    summarizer-service | qa-service) flags=$LLM_FLAGS ;;
  esac
  # shellcheck disable=SC2086 # flag lists are split on purpose
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME="${PAPERDIGEST_DB_USER:-paperdigest}" \
    QUARKUS_DATASOURCE_PASSWORD="${PAPERDIGEST_DB_PASSWORD:-paperdigest}" \
    PAPERDIGEST_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    PAPERDIGEST_PUBLISHER_PUBLIC_URL="${PAPERDIGEST_PUBLISHER_PUBLIC_URL:-http://localhost:${PORT[publisher-service]}}" \
    java -Dquarkus.http.port="${PORT[$service]}" $flags -jar "$service/target/quarkus-app/quarkus-run.jar" \
    >"$RUN/logs/$service.log" 2>&1 </dev/null &
  echo $! >"$RUN/$service.pid"
done

echo "Waiting for the services to be ready ..."
for service in "${SERVICES[@]}"; do
  pid=$(cat "$RUN/$service.pid")
  for _ in $(seq 1 180); do
    kill -0 "$pid" 2>/dev/null || { echo "$service exited; last lines of $RUN/logs/$service.log:" >&2
      tail -n 20 "$RUN/logs/$service.log" >&2; false; }
    curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$service]}/q/health/ready" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$service]}/q/health/ready" \
    || { echo "$service not ready within 3 minutes; see $RUN/logs/$service.log" >&2; false; }
done
trap - ERR

publisher="http://localhost:${PORT[publisher-service]}"
fetcher="http://localhost:${PORT[fetcher-service]}"
cat <<EOF

Paper Digest is running$([[ $OFFLINE == 1 ]] && echo " offline (recorded inputs, test-only fake LLM${SMALL_MODEL:+ answering like a small model})").
  Issues:      $publisher/            (API: $publisher/api/issues, $publisher/q/swagger-ui)
  Fetcher:     $fetcher/api/issues    (admin user 'admin', password in $RUN/admin-password)
  Summarizer:  http://localhost:${PORT[summarizer-service]}/q/health    Q&A: http://localhost:${PORT[qa-service]}/q/health
  Logs:        $RUN/logs/
Make an issue:
  curl -u "admin:\$(cat $RUN/admin-password)" -X POST $fetcher/api/issues -H 'Content-Type: application/json' -d '{"week":"2023-11-20"}'
  then open $publisher/issues/2023-11-20
Stop everything this started: $([[ -n ${PAPERDIGEST_RUN_DIR:-} ]] && echo "PAPERDIGEST_RUN_DIR=$RUN ")dev/down.sh
EOF
