#!/usr/bin/env bash
# Idempotently prepares the local PostgreSQL for Paper Digest: a login role, a
# database owned by it, and one schema per service (each service's Flyway
# migrations run in its own schema). Safe to run any number of times.
#
# Env: PGHOST (127.0.0.1), PGPORT (5432), PGUSER superuser (postgres),
#      PAPERDIGEST_DB (paperdigest), PAPERDIGEST_DB_USER (paperdigest),
#      PAPERDIGEST_DB_PASSWORD (paperdigest),
#      PAPERDIGEST_INSTALL=1 to apt-get install PostgreSQL when it is missing (CI),
#      PAPERDIGEST_FRESH=1 to drop the databases first (CI: a machine's server may keep
#      schemas and migration history from earlier runs of other versions of the project).
set -euo pipefail

# One schema per service; add new services here.
SCHEMAS=(publisher summarizer qa fetcher)

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${PAPERDIGEST_DB:-paperdigest}"
DB_USER="${PAPERDIGEST_DB_USER:-paperdigest}"
DB_PASSWORD="${PAPERDIGEST_DB_PASSWORD:-paperdigest}"
# The system test gets a database of its own so that it can start from empty without touching yours.
DATABASES=("$DB" "${DB}_system")

# Only a server on this machine can be installed or started by us.
is_local() { [[ "$PGHOST" == 127.0.0.1 || "$PGHOST" == localhost || "$PGHOST" == ::1 || "$PGHOST" == /* ]]; }

if ! command -v pg_lsclusters >/dev/null && is_local && [[ "${PAPERDIGEST_INSTALL:-0}" == 1 ]]; then
  echo "Installing PostgreSQL ..."
  # Debian's package creates and starts the 'main' cluster (trust auth for local TCP is not default:
  # the superuser connects through the Unix socket below when TCP asks for a password).
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q; then
  if is_local && command -v pg_lsclusters >/dev/null; then
    # No systemd in containers/CI: start the local cluster on our port directly.
    read -r version cluster _ < <(pg_lsclusters -h | awk -v p="$PGPORT" '$3 == p' || true) || true
    if [[ -n "${cluster:-}" ]]; then
      echo "Starting PostgreSQL $version cluster '$cluster' ..."
      pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    fi
  fi
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  pg_isready || { echo "PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }
fi

# The superuser session: TCP first; for a local server whose TCP login needs a
# password we don't have, fall back to the Unix socket as the postgres OS user.
psql_super() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
if ! psql_super -d postgres -c 'select 1' >/dev/null 2>&1 && is_local && [[ $(id -u) == 0 ]]; then
  psql_super() { su postgres -c "$(printf '%q ' psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$PGPORT" "$@")"; }
fi

# Role: create or bring the password up to date. psql's :'var' quoting avoids injection.
psql_super -d postgres -v user="$DB_USER" -v pw="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'pw')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'pw') \gexec
SQL

for db in "${DATABASES[@]}"; do
  if [[ "${PAPERDIGEST_FRESH:-0}" == 1 ]]; then
    psql_super -d postgres -v db="$db" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db') \gexec
SQL
  fi
  # CREATE DATABASE cannot run inside a DO block or function, hence \gexec.
  psql_super -d postgres -v db="$db" -v user="$DB_USER" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'user') \gexec
SQL

  for schema in "${SCHEMAS[@]}"; do
    psql_super -d "$db" -v schema="$schema" -v user="$DB_USER" <<'SQL'
SELECT format('CREATE SCHEMA %I AUTHORIZATION %I', :'schema', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = :'schema') \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', :'schema', :'user') \gexec
SQL
  done
done

echo "PostgreSQL ready: postgresql://$DB_USER@$PGHOST:$PGPORT/{${DATABASES[*]}} (schemas: ${SCHEMAS[*]})"
