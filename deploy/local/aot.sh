#!/usr/bin/env bash
# Makes each service's AOT cache, so it starts in about two thirds of the time: JDK 25's ahead-of-time cache (JEP 483,
# 514, 515) holds the classes a start-up loads and links, already parsed, and the profile of the code it runs.
#
#   deploy/local/aot.sh [MODULE...]     all four services when none is named
#
# Each service has one training run: started with Java 25 on a scratch database and scratch topics, waited on until
# ready, its health and metrics read, then stopped; at exit the JVM writes
# <module>/target/quarkus-app/app.aot (75-120 MB) and the Java that made it into app.aot.java. From then on up.sh, the
# benchmarks and chaos.sh start that module with that Java and the cache (lib.sh, service_java), until the module is
# built again: a cache older than any jar of the build is not used. SERVICE_AOT=off starts without the caches.
# The container images run Java 17 and do not use them (docs/kubernetes.md).
#
# Needs a Java 25 or newer (the default java or a JDK under /usr/lib/jvm), PostgreSQL and Kafka (up.sh starts them),
# and the services built. Takes about 20 s per service.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=aot

MODULES=("$@")
((${#MODULES[@]})) || MODULES=(churn-ingest defection-analyzer review-scheduler api-gateway)
PORT=18780
DB=aot_training
PREFIX="aot-training-$$."

java_home_at_least 25 >/dev/null || die "the AOT cache needs Java 25 or newer, and none was found (the default java, /usr/lib/jvm/*)"
pg_sql postgres "select 1" >/dev/null 2>&1 ||
  die "PostgreSQL does not answer: start the stack's parts first (deploy/local/postgres.sh, deploy/local/kafka.sh start)"
port_open 127.0.0.1 "${KAFKA_PORT:-9092}" || die "Kafka is not running on ${KAFKA_PORT:-9092}: deploy/local/kafka.sh start"

cleanup() {
  stop_pid aot-training 120 >/dev/null 2>&1 || true
  delete_prefixed_topics "$PREFIX" >/dev/null 2>&1 || true
  pg_sql postgres "drop database if exists $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

create_prefixed_topics "$PREFIX" "$LOCAL_DIR/aot" >/dev/null
for module in "${MODULES[@]}"; do
  jar="$(svc_jar "$module")"
  [[ -f "$jar" ]] || die "$module is not built ($jar): deploy/local/mvn -B -q -DskipTests install"
  dir="$(dirname "$jar")"
  rm -f "$dir/app.aot" "$dir/app.aot.java"
  fresh_db "$DB" >/dev/null
  read -ra heap <<<"$(service_heap "$module")"
  t0=$SECONDS
  log "training run of $module"
  AOT_TRAINING="$dir/app.aot" start_service_on aot-training "$module" "$PORT" "$DB" "$PREFIX" "${heap[@]}"
  for path in /q/health /q/metrics; do
    curl -fsS -o /dev/null "http://127.0.0.1:$(management_port "$PORT")$path" || warn "$module: $path did not answer"
  done
  # The JVM writes the cache after the application stopped: that takes a few seconds more.
  stop_pid aot-training 120 >/dev/null
  [[ -s "$dir/app.aot" ]] || { tail_log "$LOG_DIR/aot-training.log"; die "$module's training run wrote no AOT cache"; }
  echo "$(java_home_at_least 25)/bin/java" >"$dir/app.aot.java"
  log "$module: ${dir#"$REPO_ROOT"/}/app.aot, $(($(stat -c %s "$dir/app.aot") / 1048576)) MB, in $((SECONDS - t0))s"
done
