#!/usr/bin/env bash
# Local single-node Apache Kafka 4.1 (KRaft, no ZooKeeper, no Docker).
#
#   deploy/local/kafka.sh start    start it (or reuse whatever answers on the port) and create the topics
#   deploy/local/kafka.sh stop     stop it, if this script started it
#   deploy/local/kafka.sh status   does it answer, and is it ours?
#
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_PARTITIONS (use this
# partition count for every topic instead of topics.csv's), KAFKA_HEAP_OPTS
# (-Xms256m -Xmx768m), KAFKA_START_TIMEOUT (90 s).
# State: .local/kafka/{libs,data,classes,server.properties,cluster.id},
# .local/logs/kafka.log, .local/pids/kafka.pid.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=kafka

KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_PARTITIONS="${KAFKA_PARTITIONS:-}"

KAFKA_SRC="$DEPLOY_DIR/kafka"
KAFKA_DIR="$LOCAL_DIR/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CLASSES="$KAFKA_DIR/classes"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_LOG="$LOG_DIR/kafka.log"
# Copy of the pom the jars were resolved from: a changed pom means re-resolve.
LIBS_STAMP="$KAFKA_LIBS/.resolved-from-pom.xml"
TOPICS_CSV="$REPO_ROOT/contracts/src/main/resources/topics.csv"
BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"

# The admin tools log warnings only, to stderr.
TOOLS_JAVA=(java -Dlog4j2.configurationFile="$KAFKA_SRC/tools-log4j2.properties" -cp "$KAFKA_LIBS/*")
TOPICS_JAVA=(java -Dlog4j2.configurationFile="$KAFKA_SRC/tools-log4j2.properties" -cp "$KAFKA_LIBS/*:$KAFKA_CLASSES")

usage() {
  echo "usage: $0 start|stop|status" >&2
  exit 2
}

# Fetches the broker's jars by Maven coordinates (deploy/local/kafka/pom.xml).
ensure_libs() {
  if [[ -f "$LIBS_STAMP" ]] && cmp -s "$KAFKA_SRC/pom.xml" "$LIBS_STAMP"; then
    return 0
  fi
  require_cmd mvn
  log "resolving the Kafka 4.1.1 jars with Maven into ${KAFKA_LIBS#"$REPO_ROOT"/} (first run or changed pom only)..."
  # Into a fresh folder, swapped in at the end: no stale jar of an older pom
  # stays on the classpath, and a failed run leaves the old set intact.
  local fresh="$KAFKA_LIBS.new" out="$LOG_DIR/kafka-resolve.log"
  rm -rf "$fresh"
  mkdir -p "$fresh"
  # -q keeps a good run silent; on failure show what Maven said.
  if ! "$MVN" -B -q -f "$KAFKA_SRC/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$fresh" >"$out" 2>&1; then
    cat "$out" >&2
    rm -rf "$fresh"
    die "could not resolve the Kafka jars (Maven output above, also in $out)"
  fi
  cp "$KAFKA_SRC/pom.xml" "$fresh/$(basename "$LIBS_STAMP")"
  rm -rf "$KAFKA_LIBS"
  mv "$fresh" "$KAFKA_LIBS"
  log "resolved $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars"
}

# LocalTopics.java waits for the admin API and creates all topics in one JVM;
# compiled once because the source launcher would add ~3 s to every start.
ensure_topic_tool() {
  local cls="$KAFKA_CLASSES/LocalTopics.class" src="$KAFKA_SRC/LocalTopics.java"
  if [[ -f "$cls" && ! "$src" -nt "$cls" && ! "$LIBS_STAMP" -nt "$cls" ]]; then
    return 0
  fi
  require_cmd javac
  rm -rf "$KAFKA_CLASSES"
  mkdir -p "$KAFKA_CLASSES"
  javac -nowarn -d "$KAFKA_CLASSES" -cp "$KAFKA_LIBS/*" "$src" \
    || die "could not compile $src"
}

write_server_properties() {
  local line
  mkdir -p "$KAFKA_DATA"
  # Plain bash substitution: paths with '/', '&' or '|' need no sed escaping.
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line//@KAFKA_PORT@/$KAFKA_PORT}"
    line="${line//@KAFKA_CONTROLLER_PORT@/$KAFKA_CONTROLLER_PORT}"
    line="${line//@LOG_DIRS@/$KAFKA_DATA}"
    printf '%s\n' "$line"
  done <"$KAFKA_SRC/server.properties" >"$KAFKA_PROPS"
}

# KRaft storage is formatted once; meta.properties marks a formatted log dir,
# so restarts keep their data.
ensure_formatted() {
  if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    return 0
  fi
  local cluster_id out
  if [[ -s "$KAFKA_DIR/cluster.id" ]]; then
    cluster_id="$(<"$KAFKA_DIR/cluster.id")"
  else
    cluster_id="$("${TOOLS_JAVA[@]}" kafka.tools.StorageTool random-uuid)" \
      || die "could not generate a cluster id"
    printf '%s\n' "$cluster_id" >"$KAFKA_DIR/cluster.id"
  fi
  log "formatting KRaft storage (cluster id $cluster_id)"
  # Static quorum (controller.quorum.voters): format takes no --standalone.
  if ! out="$("${TOOLS_JAVA[@]}" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$KAFKA_PROPS" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "formatting the storage in $KAFKA_DATA failed"
  fi
}

# For wait_for: 0 = port open, 1 = not yet, 2 = our broker died.
broker_port_check() {
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    return 0
  fi
  if [[ -n "$(pid_of kafka)" ]] && ! pid_alive kafka; then
    return 2
  fi
  return 1
}

launch_broker() {
  ensure_dirs
  write_server_properties
  ensure_formatted
  if port_open "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_CONTROLLER_PORT is taken by another process; set KAFKA_CONTROLLER_PORT"
  fi
  log "starting the broker on $BOOTSTRAP (log: ${KAFKA_LOG#"$REPO_ROOT"/})"
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM flags
  start_bg kafka "$KAFKA_LOG" java $KAFKA_HEAP_OPTS \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" 9>&- # the broker must not inherit (and so hold) the start lock
  log "broker pid $(pid_of kafka)"
}

# Waits for the admin API (the port opens a little before requests are served)
# and creates topics.csv's topics with --if-not-exists semantics, in one JVM.
ensure_topics() {
  local timeout=$1 csv="-"
  if [[ -f "$TOPICS_CSV" ]]; then
    csv="$TOPICS_CSV"
    log "ensuring the topics of ${TOPICS_CSV#"$REPO_ROOT"/}${KAFKA_PARTITIONS:+ (KAFKA_PARTITIONS=$KAFKA_PARTITIONS for all)}"
  else
    warn "${TOPICS_CSV#"$REPO_ROOT"/} not found: no topics created (checking the broker answers only)"
  fi
  local rc=0
  "${TOPICS_JAVA[@]}" LocalTopics \
    "$BOOTSTRAP" "$csv" "$timeout" "$KAFKA_PARTITIONS" || rc=$?
  case $rc in
    0) ;;
    3) return 3 ;;
    *) die "creating the topics failed (exit $rc)" ;;
  esac
}

cmd_start() {
  local t0=$SECONDS
  ensure_dirs
  mkdir -p "$KAFKA_DIR"
  require_cmd java
  # Two scripts starting Kafka at once (up.sh and test.sh, say) must not race.
  exec 9>"$KAFKA_DIR/.start.lock"
  flock -w 180 9 || die "another kafka.sh start holds $KAFKA_DIR/.start.lock"

  local reused=false
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    reused=true
    if pid_alive kafka; then
      log "Kafka already answers on $BOOTSTRAP (ours, pid $(pid_of kafka)); reusing it"
    else
      log "something already answers on $BOOTSTRAP (not started by kafka.sh); reusing it"
    fi
    ensure_libs # the topic tool needs the client jars
  elif pid_alive kafka; then
    # Ours but not listening yet: a start still under way. Wait, don't start twice.
    log "our broker (pid $(pid_of kafka)) is still starting; waiting for it"
    ensure_libs
  else
    ensure_libs
    # Compiled before the broker starts: on 2 cores javac would slow its start.
    ensure_topic_tool
    launch_broker
  fi
  ensure_topic_tool

  # The timeout covers the broker's start, not a first-run jar download.
  local t_wait=$SECONDS rc=0 remaining
  wait_for broker_port_check "$KAFKA_START_TIMEOUT" "Kafka to listen on $BOOTSTRAP" || rc=$?
  if [[ $rc -eq 0 ]]; then
    remaining=$((KAFKA_START_TIMEOUT - (SECONDS - t_wait)))
    ((remaining > 5)) || remaining=5
    ensure_topics "$remaining" || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then
    if [[ $reused == false ]]; then
      tail_log "$KAFKA_LOG" 40
    fi
    if [[ $rc -eq 2 ]]; then
      die "the broker exited during start-up (log above: ${KAFKA_LOG#"$REPO_ROOT"/})"
    fi
    die "Kafka did not become ready on $BOOTSTRAP within ${KAFKA_START_TIMEOUT}s"
  fi
  if [[ $reused == true ]]; then
    log "Kafka ready on $BOOTSTRAP (reused) in $((SECONDS - t0))s"
  else
    log "Kafka ready on $BOOTSTRAP in $((SECONDS - t0))s (pid $(pid_of kafka), log ${KAFKA_LOG#"$REPO_ROOT"/})"
  fi
}

cmd_stop() {
  if stop_pid kafka 30; then
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "Kafka on $BOOTSTRAP was not started by kafka.sh; leaving it alone"
  else
    log "Kafka is not running (nothing to stop)"
  fi
}

cmd_status() {
  local answers=false
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    answers=true
  fi
  if pid_alive kafka; then
    if [[ $answers == true ]]; then
      log "Kafka answers on $BOOTSTRAP; started by kafka.sh (pid $(pid_of kafka))"
    else
      log "Kafka started by kafka.sh (pid $(pid_of kafka)) but not answering on $BOOTSTRAP yet"
    fi
    log "log: $KAFKA_LOG, data: $KAFKA_DATA"
  elif [[ $answers == true ]]; then
    log "something answers on $BOOTSTRAP, but kafka.sh did not start it"
  else
    log "Kafka is not running on $BOOTSTRAP"
    return 3
  fi
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage ;;
esac
