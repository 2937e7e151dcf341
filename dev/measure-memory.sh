#!/usr/bin/env bash
# Measures the resident memory (RSS) of the four packaged services, the figures the Kubernetes requests and limits
# are sized from (deploy/kubernetes/README.md "Memory"): idle once started, and busy while they make week
# 2023-11-20 from recorded inputs (the system test's fixture server and its test-only fake LLM).
#
# Builds nothing. Package first (the four services, and the test tools OfflineRemotes runs from):
#   ./mvnw -B -o -q package -DskipTests -pl test-support,fetcher-service,summarizer-service,qa-service,publisher-service -am
# Needs the broker and database of README "By hand" (KAFKA_BOOTSTRAP_SERVERS, QUARKUS_DATASOURCE_JDBC_URL,
# _USERNAME, _PASSWORD). It works in the system test's database (<database>_system, made by dev/postgres-setup.sh)
# and empties its four service schemas first, so that every paper costs its LLM calls again.
#
# Each service runs with the JVM flags of the Dockerfile (JAVA_OPTS) in an emulated container of MEASURE_MEMORY
# (default 768m, the manifests' limit) and MEASURE_CPUS (default 1): -XX:MaxRAM and -XX:ActiveProcessorCount make
# the JVM size its heap and pick its collector as it would under those limits. Uses psql, curl and the JDK's jstat.
# Output and service logs: target/measure-memory/.
set -euo pipefail

cd "$(dirname "$0")/.."
MEMORY="${MEASURE_MEMORY:-768m}"
CPUS="${MEASURE_CPUS:-1}"
WEEK=2023-11-20
SERVICES=(publisher-service fetcher-service summarizer-service qa-service)
PORT_BASE="${MEASURE_PORT_BASE:-18180}"
ADMIN_PASSWORD=measure-memory
LOGS=target/measure-memory
: "${KAFKA_BOOTSTRAP_SERVERS:?export KAFKA_BOOTSTRAP_SERVERS (README "By hand")}"
: "${QUARKUS_DATASOURCE_JDBC_URL:?export QUARKUS_DATASOURCE_JDBC_URL (README "By hand")}"
DB_USER="${QUARKUS_DATASOURCE_USERNAME:-paperdigest}"
DB_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-paperdigest}"
JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL%%\?*}_system"

for service in "${SERVICES[@]}"; do
  [[ -f $service/target/quarkus-app/quarkus-run.jar ]] || { echo "$service is not packaged: see the top of $0" >&2; exit 1; }
done
[[ -f test-support/target/runtime-classpath.txt ]] || { echo "test-support is not packaged: see the top of $0" >&2; exit 1; }
mkdir -p "$LOGS"

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT
trap 'exit 1' INT TERM

echo "Emptying the service schemas of ${JDBC_URL#jdbc:} ..."
PGPASSWORD="$DB_PASSWORD" PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 \
  "${JDBC_URL#jdbc:}" -U "$DB_USER" -c 'DROP SCHEMA IF EXISTS publisher, summarizer, qa, fetcher CASCADE' \
  -c 'CREATE SCHEMA publisher' -c 'CREATE SCHEMA summarizer' -c 'CREATE SCHEMA qa' -c 'CREATE SCHEMA fetcher'

echo "Starting the fixture server and the fake LLM ..."
java -cp "test-support/target/classes:$(cat test-support/target/runtime-classpath.txt)" \
  org.paperdigest.testing.OfflineRemotes > "$LOGS/remotes.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q '^summarizer-service, qa-service:' "$LOGS/remotes.log" && break; sleep 1; done
FETCHER_REMOTES=$(sed -n 's/^fetcher-service: *//p' "$LOGS/remotes.log")
LLM_REMOTES=$(sed -n 's/^summarizer-service, qa-service: *//p' "$LOGS/remotes.log")
[[ -n $LLM_REMOTES ]] || { echo "OfflineRemotes did not start; see $LOGS/remotes.log" >&2; exit 1; }

declare -A PID_OF PORT_OF IDLE BUSY
i=0
for service in "${SERVICES[@]}"; do
  port=$((PORT_BASE + i)); i=$((i + 1))
  # The Dockerfile's JAVA_OPTS, then this run's port (a later -D wins).
  java_opts=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)
  [[ -n $java_opts ]] || { echo "no ENV JAVA_OPTS in Dockerfile" >&2; exit 1; }
  remotes=""
  case $service in
    fetcher-service) remotes=$FETCHER_REMOTES ;;
    summarizer-service | qa-service) remotes=$LLM_REMOTES ;;
  esac
  # shellcheck disable=SC2086 # flag lists are split on purpose
  java -XX:MaxRAM="$MEMORY" -XX:ActiveProcessorCount="$CPUS" $java_opts -Dquarkus.http.port="$port" \
    -Dkafka.bootstrap.servers="$KAFKA_BOOTSTRAP_SERVERS" -Dquarkus.datasource.jdbc.url="$JDBC_URL" \
    -Dquarkus.datasource.username="$DB_USER" -Dquarkus.datasource.password="$DB_PASSWORD" \
    -Dpaperdigest.admin.password="$ADMIN_PASSWORD" $remotes \
    -jar "$service/target/quarkus-app/quarkus-run.jar" > "$LOGS/$service.log" 2>&1 &
  PIDS+=($!); PID_OF[$service]=$!; PORT_OF[$service]=$port
done

rss_mib() { awk -v key="$2:" '$1 == key { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

for service in "${SERVICES[@]}"; do
  for _ in $(seq 1 180); do
    kill -0 "${PID_OF[$service]}" 2>/dev/null || { echo "$service exited; see $LOGS/$service.log" >&2; exit 1; }
    curl -fsS -o /dev/null "localhost:${PORT_OF[$service]}/q/health/ready" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "localhost:${PORT_OF[$service]}/q/health/started" \
    || { echo "$service not started within 3 minutes; see $LOGS/$service.log" >&2; exit 1; }
done
echo "All four ready; letting them settle for 30 s ..."
sleep 30
for service in "${SERVICES[@]}"; do IDLE[$service]=$(rss_mib "${PID_OF[$service]}" VmRSS); BUSY[$service]=0; done

echo "Making week $WEEK ..."
start=$(date +%s)
curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" -X POST "localhost:${PORT_OF[fetcher-service]}/api/issues" \
  -H 'Content-Type: application/json' -d "{\"week\":\"$WEEK\"}"
status=""
while (( $(date +%s) - start < 600 )); do
  for service in "${SERVICES[@]}"; do
    rss=$(rss_mib "${PID_OF[$service]}" VmRSS)
    (( rss > BUSY[$service] )) && BUSY[$service]=$rss
  done
  # The issue's own status is the first one; its papers' stages follow.
  status=$(curl -fsS "localhost:${PORT_OF[publisher-service]}/api/issues/$WEEK" 2>/dev/null \
    | grep -o '"status":"[A-Z_]*"' | head -1 | cut -d'"' -f4 || true)
  [[ $status == PUBLISHED ]] && break
  sleep 0.5
done
[[ $status == PUBLISHED ]] || { echo "week $WEEK not published within 10 minutes (status '$status'); see $LOGS" >&2; exit 1; }

echo
echo "Container emulated: memory $MEMORY, cpus $CPUS; week $WEEK published in $(( $(date +%s) - start )) s"
# heap: committed now (jstat: survivors, eden, old); RSS beyond it is the rest of the JVM (metaspace, code, threads).
heap_mib() { jstat -gc "$1" 2>/dev/null | awk 'NR == 2 { printf "%d", ($1 + $2 + $5 + $7) / 1024 }'; }
printf '%-20s %12s %12s %12s %12s %12s\n' service idle-RSS busy-RSS peak-RSS heap-now non-heap
for service in "${SERVICES[@]}"; do
  pid=${PID_OF[$service]}
  rss=$(rss_mib "$pid" VmRSS); heap=$(heap_mib "$pid"); rest=n/a
  [[ -n $heap ]] && rest=$((rss - heap))
  # peak: the kernel's high-water mark over the whole run, start-up included.
  printf '%-20s %12s %12s %12s %12s %12s\n' "$service" "${IDLE[$service]}" "${BUSY[$service]}" \
    "$(rss_mib "$pid" VmHWM)" "${heap:-n/a}" "$rest"
done
echo "(MiB)"
