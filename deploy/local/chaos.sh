#!/usr/bin/env bash
# Faults during a simulated year: two instances of each consuming service (churn-ingest,
# defection-analyzer, review-scheduler, each pair on its own ports and one database and topic set),
# while the simulator publishes a year at a pace that spans the fault rounds. Each round is one
# fault, then a pause: an instance SIGKILLed and started again, the broker SIGKILLed and started
# again, or PostgreSQL crash-stopped (pg_ctlcluster ... stop -m immediate) and started again.
# The checks afterwards:
#   - the analyzer's month figures equal the simulator's truth to the cent (simulator verify-analysis);
#   - every inbound event is either applied (churn-ingest's inbox) or rejected (its dead letters),
#     never both and never twice; applied and rejected counts equal the simulator's valid and malformed.
#
# Env: CHAOS_ROUNDS (50), CHAOS_CUSTOMERS_PER_MONTH (150), CHAOS_SEED (random; printed, rerun with it),
#      CHAOS_PAUSE (4: seconds between faults), CHAOS_KEEP=1 keeps the services, databases and topics,
#      CHAOS_FAULTS (mixed; broker: every round SIGKILLs a broker), CHAOS_PUBLISH_SECONDS (how long the
#      year takes to publish; ROUNDS * (PAUSE + 3)), CHAOS_START_TIMEOUT (240 s for an instance's first
#      start: the analyzer trains its text model on a fresh database unless TEXT_MODEL_CACHE holds it), BROKERS (1; 3: against kafka.sh's 3-node cluster,
#      a round's broker fault SIGKILLs one node at random and starts it again: scale-out-year.sh).
# Needs the jars (mvn -B -DskipTests package). .ci/run runs a short version (test.sh: 10 rounds).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=chaos

ROUNDS="${CHAOS_ROUNDS:-50}"
PER_MONTH="${CHAOS_CUSTOMERS_PER_MONTH:-150}"
BASE=$((PER_MONTH * 40)) # a customer base around the losses: its month figures must stay exact too
SEED="${CHAOS_SEED:-$RANDOM}"
PAUSE="${CHAOS_PAUSE:-4}"
PREFIX="chaos-$(date +%s)."
FAULTS="${CHAOS_FAULTS:-mixed}"
[[ "$FAULTS" == mixed || "$FAULTS" == broker ]] || die "CHAOS_FAULTS is mixed or broker, not '$FAULTS'"
PUBLISH_SECONDS="${CHAOS_PUBLISH_SECONDS:-$((ROUNDS * (PAUSE + 3)))}"
START_TIMEOUT="${CHAOS_START_TIMEOUT:-240}"
WORK="$LOCAL_DIR/chaos"
SIM_JAR="$REPO_ROOT/simulator/target/simulator.jar"
PG_VERSION="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
# name module port database
INSTANCES=(
  "chaos-ingest-1 churn-ingest 18481 ingest_chaos"
  "chaos-ingest-2 churn-ingest 18491 ingest_chaos"
  "chaos-analyzer-1 defection-analyzer 18482 analyzer_chaos"
  "chaos-analyzer-2 defection-analyzer 18492 analyzer_chaos"
  "chaos-scheduler-1 review-scheduler 18483 scheduler_chaos"
  "chaos-scheduler-2 review-scheduler 18493 scheduler_chaos"
)
RANDOM=$SEED

postgres_up() {
  pg_isready -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -q
}

# Whatever happens, PostgreSQL and the broker are left running, and our services stopped.
cleanup() {
  local rc=$?
  postgres_up || as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start || true
  kafka_answers || "$DEPLOY_DIR/kafka.sh" start >/dev/null 2>&1 || true
  if [[ -n "${PUBLISHER:-}" ]]; then kill "$PUBLISHER" 2>/dev/null || true; fi
  if [[ "${CHAOS_KEEP:-}" != 1 ]]; then
    for spec in "${INSTANCES[@]}"; do
      read -r name _ <<<"$spec"
      stop_pid "$name" 20 >/dev/null 2>&1 || true
    done
    for db in ingest_chaos analyzer_chaos scheduler_chaos; do
      pg_sql postgres "drop database if exists $db" 2>/dev/null || true
    done
    delete_prefixed_topics "$PREFIX" >/dev/null 2>&1 || true
  fi
  ((rc == 0)) || log "failed; rerun with CHAOS_SEED=$SEED (logs: ${LOG_DIR#"$REPO_ROOT"/}/chaos-*.log)"
}
trap cleanup EXIT

# start_instance NAME MODULE PORT DB: in the background; the caller decides whether to wait.
start_instance() {
  local name=$1 module=$2 port=$3 db=$4
  local extra=()
  [[ "$module" == review-scheduler ]] && extra=(-Dquarkus.rest-client.analyzer.url=http://127.0.0.1:18482)
  local heap
  read -ra heap <<<"$(service_heap "$module")"
  service_java "$module"
  start_bg "$name" "$LOG_DIR/$name.log" env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" LOSS_TOPIC_PREFIX="$PREFIX" \
    DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db" \
    "${SERVICE_JAVA[@]}" "${heap[@]}" "${extra[@]}" -jar "$(svc_jar "$module")"
  disown "$(pid_of "$name")" 2>/dev/null || true # no "Killed" notice from bash when a round kills it
}

# An instance started while PostgreSQL was down exits (its migrations cannot run): start it again.
revive_dead() {
  local spec name module port db
  for spec in "${INSTANCES[@]}"; do
    read -r name module port db <<<"$spec"
    if ! pid_alive "$name"; then
      log "  $name is not running; starting it again"
      start_instance "$name" "$module" "$port" "$db"
    fi
  done
}

all_ready() {
  local spec name port
  for spec in "${INSTANCES[@]}"; do
    read -r name _ port _ <<<"$spec"
    pid_alive "$name" || return 2
    curl -fsS "http://127.0.0.1:$(management_port "$port")/q/health/ready" >/dev/null 2>&1 || return 1
  done
}

ensure_dirs
require_cmd java pg_isready pg_ctlcluster
[[ -n "$PG_VERSION" ]] || die "no PostgreSQL cluster under /etc/postgresql to crash-stop"
for module in churn-ingest defection-analyzer review-scheduler; do
  [[ -f "$REPO_ROOT/$module/target/quarkus-app/quarkus-run.jar" ]] || die "$module is not built: deploy/local/mvn -B -DskipTests package"
done
[[ -f "$SIM_JAR" ]] || die "simulator/target/simulator.jar is missing: deploy/local/mvn -B -DskipTests package"
"$DEPLOY_DIR/postgres.sh" >/dev/null
"$DEPLOY_DIR/kafka.sh" start >/dev/null
ensure_internal_keys # the services refuse to start without them (a fresh checkout has none yet)

log "seed $SEED: $ROUNDS fault rounds ($FAULTS), $PER_MONTH lost customers a month, topics ${PREFIX}*, Kafka $KAFKA_BOOTSTRAP"
for db in ingest_chaos analyzer_chaos scheduler_chaos; do fresh_db "$db"; done
create_prefixed_topics "$PREFIX" "$WORK" >/dev/null
java -jar "$SIM_JAR" --from 2025-01 --months 12 --customers-per-month "$PER_MONTH" --base-customers "$BASE" --dry-run \
  --expected-out "$WORK/expected.json" --fx-out "$WORK/fx.csv" --balance-out "$WORK/balance.csv" >/dev/null
events=$(count_of published "$WORK/expected.json")
valid=$(count_of valid "$WORK/expected.json")
malformed=$(count_of malformed "$WORK/expected.json")

# The first of each pair migrates its database alone; then the second joins.
for spec in "${INSTANCES[@]}"; do
  read -r name module port db <<<"$spec"
  start_instance "$name" "$module" "$port" "$db"
  if [[ "$name" == *-1 ]]; then
    wait_for "service_ready $name $port" "$START_TIMEOUT" "$name to be ready" || { tail_log "$LOG_DIR/$name.log"; die "$name did not start"; }
  fi
done
wait_for all_ready $((START_TIMEOUT + 60)) "all six instances to be ready" || die "the instances did not all start"
icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$WORK/fx.csv" http://127.0.0.1:18481/fx-rates >/dev/null
icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$WORK/balance.csv" \
  "http://127.0.0.1:18481/subscriptions/opening-balance?asOf=2025-01-01" >/dev/null

# The year is published at a pace that spans the rounds, so every fault falls mid-stream.
rate=$((events / PUBLISH_SECONDS + 1))
log "publishing $events events at $rate a second"
java -jar "$SIM_JAR" --from 2025-01 --months 12 --customers-per-month "$PER_MONTH" --base-customers "$BASE" \
  --bootstrap-servers "$KAFKA_BOOTSTRAP" --topic-prefix "$PREFIX" --events-per-second "$rate" \
  >"$LOG_DIR/chaos-publisher.log" 2>&1 &
PUBLISHER=$!
# Faults start once the publisher is sending (it checks the topics first, with a 15 s timeout).
publishing() {
  kill -0 "$PUBLISHER" 2>/dev/null || grep -qs '^publishing to' "$LOG_DIR/chaos-publisher.log" || return 2
  grep -qs '^publishing to' "$LOG_DIR/chaos-publisher.log" || return 1 # 1: not yet (the log may not exist yet)
}
wait_for publishing 60 "the simulator to start publishing" \
  || { tail_log "$LOG_DIR/chaos-publisher.log"; die "the simulator did not start publishing"; }
sleep "$PAUSE"

kills=0 brokers=0 databases=0
for round in $(seq 1 "$ROUNDS"); do
  fault=6 # CHAOS_FAULTS=broker: a broker every round
  [[ "$FAULTS" == broker ]] || fault=$((RANDOM % 10))
  node=1 broker=kafka
  # A cluster's node at random (RANDOM is drawn only then: a single-broker seed replays as before).
  if ((fault >= 6 && fault < 8 && BROKERS > 1)); then
    node=$((RANDOM % BROKERS + 1)) broker=kafka-$node
  fi
  if ((fault >= 6 && fault < 8)) && ! pid_alive "$broker"; then
    fault=0 # the broker answering here was not started by kafka.sh: not ours to kill
  fi
  if ((fault < 6)); then
    read -r name module port db <<<"${INSTANCES[RANDOM % ${#INSTANCES[@]}]}"
    log "round $round: SIGKILL $name"
    kill -KILL "$(pid_of "$name")" 2>/dev/null || true
    sleep 1
    start_instance "$name" "$module" "$port" "$db"
    kills=$((kills + 1))
  elif ((fault < 8)); then
    log "round $round: SIGKILL the broker $broker"
    "$DEPLOY_DIR/kafka.sh" kill-broker "$node" >/dev/null
    sleep 2
    # Starts the killed node again (the others answer: reused).
    "$DEPLOY_DIR/kafka.sh" start >/dev/null
    log "  $broker is back"
    brokers=$((brokers + 1))
  else
    log "round $round: PostgreSQL crash-stopped (-m immediate)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main stop -m immediate
    sleep 2
    as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start
    wait_for postgres_up 60 "PostgreSQL to accept connections"
    databases=$((databases + 1))
  fi
  sleep "$PAUSE"
  revive_dead
done
log "faults done: $kills instance kills, $brokers broker kills, $databases database crashes"

wait "$PUBLISHER" || { tail_log "$LOG_DIR/chaos-publisher.log"; die "the simulator could not publish the year"; }
PUBLISHER=
for _ in 1 2 3; do
  revive_dead
  wait_for all_ready 120 "all six instances to be ready again" && break
done
all_ready || die "not every instance recovered"

log "comparing the analyzer's figures with the simulator's truth"
java -jar "$SIM_JAR" verify-analysis --expected "$WORK/expected.json" --analyzer-url http://127.0.0.1:18482 --wait 300 \
  --token "$(internal_token defection-analyzer)"

wait_for "[[ \$(pg_sql ingest_chaos 'select count(*) from inbox') -ge $valid ]]" 120 "churn-ingest to apply $valid events" || true
applied=$(pg_sql ingest_chaos "select count(*) from inbox where consumer = 'churn-ingest'")
rejected=$(pg_sql ingest_chaos "select count(*) from dead_letter where consumer = 'churn-ingest'")
both=$(pg_sql ingest_chaos "select count(*) from dead_letter d join inbox i on i.event_id = d.event_id and i.source = d.event_source")
twice=$(pg_sql ingest_chaos "select count(*) from (select 1 from dead_letter where channel = 'KAFKA'
  group by consumer, topic, kafka_partition, kafka_offset having count(*) > 1) d")
log "churn-ingest: $applied applied (expected $valid), $rejected rejected (expected $malformed), $both both, $twice rejected twice"
[[ "$applied" == "$valid" ]] || die "applied $applied inbound events, the simulator sent $valid valid ones"
[[ "$rejected" == "$malformed" ]] || die "rejected $rejected inbound events, the simulator sent $malformed malformed ones"
[[ "$both" == 0 && "$twice" == 0 ]] || die "$both events are both applied and rejected, $twice rejected twice"
log "passed: seed $SEED, $ROUNDS rounds ($kills instance kills, $brokers broker kills, $databases database crashes), $events events, figures exact"
