#!/usr/bin/env bash
# Stops exactly what dev/up.sh started, from what it wrote into its run folder: the four services and the offline
# remotes by their PIDs, then the broker and PostgreSQL only if up.sh was the one that started them. Logs stay.
#
# Env: PAPERDIGEST_RUN_DIR (target/dev-run), as for up.sh.
set -uo pipefail

cd "$(dirname "$0")/.."
RUN="${PAPERDIGEST_RUN_DIR:-target/dev-run}"

# TERM, then KILL after 30 s: the services shut down gracefully (consumers leave their groups) within seconds.
stop_pid() {
  local name=$1 pid=$2
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "$name (pid $pid) was not running"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped (pid $pid)"; return; }
    sleep 0.5
  done
  echo "$name did not stop within 30 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

shopt -s nullglob
for pidfile in "$RUN"/*.pid; do
  stop_pid "$(basename "$pidfile" .pid)" "$(cat "$pidfile")"
  rm -f "$pidfile"
done

if [[ -f $RUN/kafka.started ]]; then
  read -r port controller <"$RUN/kafka.started"
  KAFKA_PORT=$port KAFKA_CONTROLLER_PORT=$controller bash dev/kafka.sh stop
  rm -f "$RUN/kafka.started"
fi

if [[ -f $RUN/postgres.started ]]; then
  read -r version cluster <"$RUN/postgres.started"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop && echo "PostgreSQL $version/$cluster stopped"
  rm -f "$RUN/postgres.started"
fi
