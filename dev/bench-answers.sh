#!/usr/bin/env bash
# Answer-throughput benchmark: a custom issue of five papers through the four packaged services, the fake LLM
# answering each call 2 s after it arrived; prints the wall time beside the ideal, for the first issue of services just
# started and for a second one of the same services warm (system-tests AnswerThroughputBenchmark).
# Needs the broker and PostgreSQL as for the tests (dev/kafka.sh start, dev/postgres-setup.sh) and their
# KAFKA_BOOTSTRAP_SERVERS / QUARKUS_DATASOURCE_* variables (defaults: the local ones).
set -euo pipefail
cd "$(dirname "$0")/.."
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
export QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://127.0.0.1:5432/paperdigest}"
export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-paperdigest}"
export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-paperdigest}"
./mvnw -B -q install -DskipTests
./mvnw -B verify -pl system-tests -Dit.test=AnswerThroughputBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E 'Answer throughput|issue,|calls|ideal|wall time|time line|Tests run:|ERROR' || true
