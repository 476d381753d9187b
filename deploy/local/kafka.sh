#!/usr/bin/env bash
# Local Apache Kafka 4.1 (KRaft, no ZooKeeper, no Docker): one node, or BROKERS=3 nodes.
#
#   deploy/local/kafka.sh start    start it (or reuse whatever answers on the port) and create the topics;
#                                  with BROKERS=3, starts whichever node is not running (a killed one too)
#   deploy/local/kafka.sh stop     stop it (every node of BROKERS=3's cluster), if this script started it
#   deploy/local/kafka.sh status   does it answer, and is it ours?
#   BROKERS=3 deploy/local/kafka.sh kill-broker N   SIGKILL node N (fault runs; `start` brings it back)
#
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_PARTITIONS (use this
# partition count for every topic instead of topics.csv's), KAFKA_HEAP_OPTS
# (-Xms256m -Xmx768m, per node), KAFKA_START_TIMEOUT (90 s), BROKERS (1) and KAFKA_CLUSTER_PORT (19092): lib.sh.
# State: .local/kafka/{libs,data,classes,server.properties,cluster.id},
# .local/logs/kafka.log, .local/pids/kafka.pid.
# BROKERS=3: a cluster beside the single broker, on its own ports and state: node N is broker and
# controller in one process (a static quorum of the three), node.id N, client port KAFKA_CLUSTER_PORT
# + 10*(N-1), controller port one up; .local/kafka/cluster/{cluster.id,node-N/}, .local/logs/kafka-N.log,
# .local/pids/kafka-N.pid. Replication factor 3 (topics, offsets, transactions), min.insync.replicas 2:
# one node down, producers with acks=all still write.
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
KAFKA_CLASSES="$KAFKA_DIR/classes"
KAFKA_LOG="$LOG_DIR/kafka.log"
# Copy of the pom the jars were resolved from: a changed pom means re-resolve.
LIBS_STAMP="$KAFKA_LIBS/.resolved-from-pom.xml"
TOPICS_CSV="$REPO_ROOT/contracts/src/main/resources/topics.csv"
BOOTSTRAP="$KAFKA_BOOTSTRAP" # lib.sh: the single broker's address, or every node's
CLUSTER_DIR="$KAFKA_DIR/cluster"

# The admin tools log warnings only, to stderr.
TOOLS_JAVA=(java -Dlog4j2.configurationFile="$KAFKA_SRC/tools-log4j2.properties" -cp "$KAFKA_LIBS/*")

usage() {
  echo "usage: $0 start|stop|status|kill-broker N" >&2
  exit 2
}

# node_vars N: sets the N_* settings of node N. With BROKERS=1 node 1 is the single broker, with
# the names, ports and paths it always had.
node_vars() {
  local n=$1
  N_ID=$n
  if ((BROKERS == 1)); then
    N_NAME=kafka N_PORT=$KAFKA_PORT N_CTRL=$KAFKA_CONTROLLER_PORT N_DIR=$KAFKA_DIR N_LOG=$KAFKA_LOG
    N_VOTERS="1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT" N_RF=1 N_MIN_ISR=1 N_CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
  else
    N_NAME=kafka-$n N_PORT=$(kafka_node_port "$n") N_DIR=$CLUSTER_DIR/node-$n N_LOG=$LOG_DIR/kafka-$n.log
    N_CTRL=$((N_PORT + 1)) N_CLUSTER_ID_FILE="$CLUSTER_DIR/cluster.id"
    local i
    N_VOTERS=""
    for ((i = 1; i <= BROKERS; i++)); do
      N_VOTERS+="${N_VOTERS:+,}$i@$KAFKA_HOST:$(($(kafka_node_port "$i") + 1))"
    done
    # Three copies, two of them needed for a write: one node may be down without refusing producers.
    N_RF=$((BROKERS < 3 ? BROKERS : 3))
    N_MIN_ISR=$((N_RF > 1 ? N_RF - 1 : 1))
  fi
  N_DATA=$N_DIR/data N_PROPS=$N_DIR/server.properties
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

# For the node of the last node_vars call, like the functions below.
write_server_properties() {
  local line
  mkdir -p "$N_DATA"
  # Plain bash substitution: paths with '/', '&' or '|' need no sed escaping.
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line//@KAFKA_PORT@/$N_PORT}"
    line="${line//@KAFKA_CONTROLLER_PORT@/$N_CTRL}"
    line="${line//@LOG_DIRS@/$N_DATA}"
    line="${line//@NODE_ID@/$N_ID}"
    line="${line//@QUORUM_VOTERS@/$N_VOTERS}"
    line="${line//@REPLICATION_FACTOR@/$N_RF}"
    line="${line//@MIN_ISR@/$N_MIN_ISR}"
    printf '%s\n' "$line"
  done <"$KAFKA_SRC/server.properties" >"$N_PROPS"
}

# KRaft storage is formatted once; meta.properties marks a formatted log dir,
# so restarts keep their data.
ensure_formatted() {
  if [[ -f "$N_DATA/meta.properties" ]]; then
    return 0
  fi
  local cluster_id out
  # Every node of a cluster is formatted with the same id.
  if [[ -s "$N_CLUSTER_ID_FILE" ]]; then
    cluster_id="$(<"$N_CLUSTER_ID_FILE")"
  else
    cluster_id="$("${TOOLS_JAVA[@]}" kafka.tools.StorageTool random-uuid)" \
      || die "could not generate a cluster id"
    mkdir -p "$(dirname "$N_CLUSTER_ID_FILE")"
    printf '%s\n' "$cluster_id" >"$N_CLUSTER_ID_FILE"
  fi
  log "formatting KRaft storage of $N_NAME (cluster id $cluster_id)"
  # Static quorum (controller.quorum.voters): format takes no --standalone.
  if ! out="$("${TOOLS_JAVA[@]}" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$N_PROPS" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "formatting the storage in $N_DATA failed"
  fi
}

# For wait_for: 0 = every node's port open, 1 = not yet, 2 = one of our nodes died.
broker_port_check() {
  local n
  for ((n = 1; n <= BROKERS; n++)); do
    node_vars "$n"
    port_open "$KAFKA_HOST" "$N_PORT" && continue
    if [[ -n "$(pid_of "$N_NAME")" ]] && ! pid_alive "$N_NAME"; then
      return 2
    fi
    return 1
  done
}

launch_broker() {
  ensure_dirs
  write_server_properties
  ensure_formatted
  if port_open "$KAFKA_HOST" "$N_CTRL"; then
    die "controller port $N_CTRL is taken by another process; set KAFKA_CONTROLLER_PORT (or KAFKA_CLUSTER_PORT)"
  fi
  log "starting $N_NAME on $KAFKA_HOST:$N_PORT (log: ${N_LOG#"$REPO_ROOT"/})"
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM flags
  start_bg "$N_NAME" "$N_LOG" java $KAFKA_HEAP_OPTS \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$N_PROPS" 9>&- # the broker must not inherit (and so hold) the start lock
  log "$N_NAME pid $(pid_of "$N_NAME")"
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
  "${KAFKA_TOOLS_JAVA[@]}" LocalTopics \
    "$BOOTSTRAP" "$csv" "$timeout" "$KAFKA_PARTITIONS" || rc=$?
  case $rc in
    0) ;;
    3) return 3 ;;
    *) die "creating the topics failed (exit $rc)" ;;
  esac
}

cmd_start() {
  local t0=$SECONDS n launched=() pids=()
  ensure_dirs
  mkdir -p "$KAFKA_DIR"
  require_cmd java
  # Two scripts starting Kafka at once (up.sh and test.sh, say) must not race.
  exec 9>"$KAFKA_DIR/.start.lock"
  flock -w 180 9 || die "another kafka.sh start holds $KAFKA_DIR/.start.lock"

  ensure_libs # the topic tool needs the client jars, even for a reused broker
  # Compiled before a broker starts: on 2 cores javac would slow its start.
  ensure_topic_tool
  for ((n = 1; n <= BROKERS; n++)); do
    node_vars "$n"
    if port_open "$KAFKA_HOST" "$N_PORT"; then
      if pid_alive "$N_NAME"; then
        log "$N_NAME already answers on $KAFKA_HOST:$N_PORT (ours, pid $(pid_of "$N_NAME")); reusing it"
      else
        log "something already answers on $KAFKA_HOST:$N_PORT (not started by kafka.sh); reusing it"
      fi
    elif pid_alive "$N_NAME"; then
      # Ours but not listening yet: a start still under way. Wait, don't start twice.
      log "our $N_NAME (pid $(pid_of "$N_NAME")) is still starting; waiting for it"
    else
      launch_broker
      launched+=("$N_LOG")
    fi
    pids+=("$(pid_of "$N_NAME")")
  done

  # The timeout covers the brokers' start, not a first-run jar download.
  local t_wait=$SECONDS rc=0 remaining log_file
  wait_for broker_port_check "$KAFKA_START_TIMEOUT" "Kafka to listen on $BOOTSTRAP" || rc=$?
  if [[ $rc -eq 0 ]]; then
    remaining=$((KAFKA_START_TIMEOUT - (SECONDS - t_wait)))
    ((remaining > 5)) || remaining=5
    ensure_topics "$remaining" || rc=$?
  fi
  if [[ $rc -ne 0 ]]; then
    for log_file in "${launched[@]}"; do
      tail_log "$log_file" 40
    done
    if [[ $rc -eq 2 ]]; then
      die "a broker exited during start-up (log above)"
    fi
    die "Kafka did not become ready on $BOOTSTRAP within ${KAFKA_START_TIMEOUT}s"
  fi
  if ((${#launched[@]} == 0)); then
    log "Kafka ready on $BOOTSTRAP (reused) in $((SECONDS - t0))s"
  else
    log "Kafka ready on $BOOTSTRAP in $((SECONDS - t0))s (pid ${pids[*]}, log ${launched[*]#"$REPO_ROOT"/})"
  fi
}

cmd_stop() {
  local n names=() name
  for ((n = 1; n <= BROKERS; n++)); do
    node_vars "$n"
    if pid_alive "$N_NAME"; then names+=("$N_NAME"); fi
  done
  if ((${#names[@]} > 0)); then
    # All at once: a cluster's last node, stopped alone, would wait for a quorum that is gone.
    for name in "${names[@]}"; do
      stop_pid "$name" 30 &
    done
    wait
    return 0
  fi
  node_vars 1
  if port_open "$KAFKA_HOST" "$N_PORT"; then
    log "Kafka on $BOOTSTRAP was not started by kafka.sh; leaving it alone"
  else
    log "Kafka is not running (nothing to stop)"
  fi
}

cmd_status() {
  local n answering=0
  for ((n = 1; n <= BROKERS; n++)); do
    node_vars "$n"
    local answers=false
    if port_open "$KAFKA_HOST" "$N_PORT"; then
      answers=true
      answering=$((answering + 1))
    fi
    if pid_alive "$N_NAME"; then
      if [[ $answers == true ]]; then
        log "$N_NAME answers on $KAFKA_HOST:$N_PORT; started by kafka.sh (pid $(pid_of "$N_NAME"))"
      else
        log "$N_NAME started by kafka.sh (pid $(pid_of "$N_NAME")) but not answering on $KAFKA_HOST:$N_PORT yet"
      fi
      log "log: $N_LOG, data: $N_DATA"
    elif [[ $answers == true ]]; then
      log "something answers on $KAFKA_HOST:$N_PORT, but kafka.sh did not start it"
    else
      log "$N_NAME is not running on $KAFKA_HOST:$N_PORT"
    fi
  done
  ((answering > 0)) || return 3
}

# For fault runs: the broker process dies at once, as in a crash (no controlled shutdown).
cmd_kill_broker() {
  local n=$1
  if ! [[ "$n" =~ ^[1-9]$ ]] || ((n > BROKERS)); then
    die "kill-broker takes a node number from 1 to $BROKERS (BROKERS=$BROKERS)"
  fi
  node_vars "$n"
  pid_alive "$N_NAME" || die "$N_NAME is not running, or kafka.sh did not start it"
  log "SIGKILL $N_NAME (pid $(pid_of "$N_NAME"), $KAFKA_HOST:$N_PORT)"
  kill -KILL "$(pid_of "$N_NAME")"
}

case "${1:-}" in
  start | stop | status) [[ $# -eq 1 ]] || usage ;;
  kill-broker) [[ $# -eq 2 ]] || usage ;;
  *) usage ;;
esac
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill-broker) cmd_kill_broker "$2" ;;
esac
