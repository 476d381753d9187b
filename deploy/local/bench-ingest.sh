#!/usr/bin/env bash
# Benchmark: ~1M simulator events through the real broker and churn-ingest into PostgreSQL.
# The events are published first, then churn-ingest starts and drains them; the figure is
# events consumed per second of draining (validate, dedupe, join, value, store, outbox).
# Then the raw baseline drains the same topics (`simulator raw-drain`: each record stored as one
# row, one transaction per poll, offsets committed after the database commit, the same consumer
# count and batch size), and the last line is churn-ingest's sustained rate as a ratio to it: the
# ratio is the figure to compare across runs, as this machine's speed drifts by about 15%.
#
# Env: BENCH_CUSTOMERS_PER_MONTH (40000), BENCH_MONTHS (12) -> about 1M events,
#      BENCH_TIMEOUT (900 s), BENCH_KEEP=1 keeps the bench topics and database (else both are dropped),
#      BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording) to churn-ingest,
#      BENCH_WARMUP_PERCENT (20): the sustained figure counts from the moment this share of the
#      valid events is stored, after the JIT compilers have warmed the service up,
#      BENCH_PREFIX names the topics (default bench-<time>.). With BENCH_KEEP=1 it also waits until
#      the outbox relay has published every loss.defections event (bench-analyzer.sh consumes them),
#      and the relay keeps the sent rows instead of deleting them, which costs it some throughput.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench

PER_MONTH="${BENCH_CUSTOMERS_PER_MONTH:-40000}"
MONTHS="${BENCH_MONTHS:-12}"
TIMEOUT="${BENCH_TIMEOUT:-900}"
WARMUP_PERCENT="${BENCH_WARMUP_PERCENT:-20}"
PORT=18181
DB=ingest_bench
RAW_DB=ingest_bench_raw
PREFIX="${BENCH_PREFIX:-bench-$(date +%s).}"
BENCH_DIR="$LOCAL_DIR/bench"
KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT:-9092}"
INGEST_JAR="$REPO_ROOT/churn-ingest/target/quarkus-app/quarkus-run.jar"
SIM_JAR="$REPO_ROOT/simulator/target/simulator.jar"

cleanup() {
  stop_pid bench-ingest 30 >/dev/null 2>&1 || true
}
trap cleanup EXIT

ensure_dirs
mkdir -p "$BENCH_DIR"
"$DEPLOY_DIR/postgres.sh" >/dev/null
"$DEPLOY_DIR/kafka.sh" start
if [[ ! -f "$INGEST_JAR" || ! -f "$SIM_JAR" ]]; then
  log "building churn-ingest and the simulator"
  (cd "$REPO_ROOT" && "$MVN" -B -q -DskipTests package -pl churn-ingest,simulator -am)
fi

log "fresh database $DB and topics ${PREFIX}*"
fresh_db "$DB"
create_prefixed_topics "$PREFIX" "$BENCH_DIR"

log "publishing: $PER_MONTH lost customers a month for $MONTHS months"
java -jar "$SIM_JAR" --customers-per-month "$PER_MONTH" --months "$MONTHS" \
  --bootstrap-servers "$KAFKA_BOOTSTRAP" --topic-prefix "$PREFIX" \
  --expected-out "$BENCH_DIR/expected.json" --fx-out "$BENCH_DIR/fx.csv"
published=$(count_of published "$BENCH_DIR/expected.json")
valid=$(count_of valid "$BENCH_DIR/expected.json")
malformed=$(count_of malformed "$BENCH_DIR/expected.json")

log "starting churn-ingest on port $PORT to drain $published events"
# With BENCH_KEEP=1 the sent outbox rows are kept: bench-analyzer.sh counts the defection events from them.
keep_sent=false
[[ "${BENCH_KEEP:-}" == 1 ]] && keep_sent=true
# 2 GB of heap, half of it young: a consumer's batch in flight (5,000 events as bytes, trees, records
# and documents) is copied at every young collection, and a larger young generation collects less often
# (106/108 against 114/111 µs of CPU per event with -Xmx1g in alternating runs).
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
start_service_on bench-ingest churn-ingest "$PORT" "$DB" "$PREFIX" -Xmx2g -Xmn1g "-Dloss.outbox.keep-sent=$keep_sent" \
  ${BENCH_JAVA_OPTS:-}
icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$BENCH_DIR/fx.csv" \
  "http://127.0.0.1:$PORT/fx-rates" >/dev/null
t0=$SECONDS
t0_ms=$(date +%s%3N)
t0_busy=$(busy_ticks)
# Until 95% are in, progress comes from PostgreSQL's table statistics (rows inserted, flushed by
# busy backends about once a second): counting a million rows every second would cost the database
# more CPU than the measurement is worth. Idle backends flush late, so the end is counted exactly.
stats_sql="select coalesce(sum(n_tup_ins) filter (where relname = 'inbox'), 0) || ' ' ||
  coalesce(sum(n_tup_ins) filter (where relname = 'dead_letter'), 0) from pg_stat_user_tables"
exact_sql="select (select count(*) from inbox) || ' ' || (select count(*) from dead_letter)"
warm_ms='' warm_stored=0
# One psql session answers every poll: starting psql each second took 2% of the machine's CPU.
coproc POLL { psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${DB_USER:-lossreview}" -d "$DB" -Atq 2>&1; }
poll() {
  local answer
  echo "$1;" >&"${POLL[1]}"
  read -r -t 60 answer <&"${POLL[0]}" || die "no answer from PostgreSQL to: $1"
  echo "$answer"
}
while true; do
  read -r accepted rejected <<<"$(poll "$stats_sql")"
  if ((accepted * 100 >= valid * 95)); then
    read -r accepted rejected <<<"$(poll "$exact_sql")"
  fi
  if [[ -z "$warm_ms" ]] && ((accepted * 100 >= valid * WARMUP_PERCENT)); then
    warm_ms=$(date +%s%3N)
    read -r warm_accepted warm_rejected <<<"$(poll "$exact_sql")"
    warm_stored=$((warm_accepted + warm_rejected))
    log "warmed up: $warm_stored events stored; the sustained figure counts from here"
  fi
  elapsed=$((SECONDS - t0))
  ((elapsed % 5 == 0)) && log "$accepted of $valid valid events stored, $rejected of $malformed rejected (${elapsed}s)"
  if ((accepted >= valid && rejected >= malformed)); then
    break
  fi
  ((elapsed < TIMEOUT)) || die "not drained after ${TIMEOUT}s"
  sleep 1 # polled each second: the figure is good to about a second
done
end_ms=$(date +%s%3N)
elapsed_ms=$((end_ms - t0_ms))
eval "exec ${POLL[1]}>&-" # ends the polling psql
busy_ms=$((($(busy_ticks) - t0_busy) * 1000 / $(getconf CLK_TCK)))
elapsed=$(((elapsed_ms + 500) / 1000))
((elapsed_ms > 0)) || elapsed_ms=1
sustained_ms=$((end_ms - warm_ms))
((sustained_ms > 0)) || sustained_ms=1
echo "RESULT: churn-ingest drained $published events in ${elapsed}s = $((published * 1000 / elapsed_ms)) events/s" \
  "(valid $valid, malformed $malformed, duplicates $(count_of duplicates "$BENCH_DIR/expected.json"))"
# Events consumed after the mark: the stored ones, plus the duplicates among them pro rata.
after=$((published - warm_stored * published / (valid + malformed)))
# CPU per event does not depend on how long the drain waited for anything; on shared hardware it still
# drifts with the host's speed, so compare two versions in alternating runs.
echo "RESULT: CPU: $((busy_ms / 1000)) core-seconds busy while draining (all processes) =" \
  "$((busy_ms * 1000 / published)) µs per event"
sustained_rate=$((after * 1000 / sustained_ms))
echo "RESULT: sustained after warm-up: $after events in $((sustained_ms / 1000))s = $sustained_rate events/s"
if [[ "${BENCH_KEEP:-}" == 1 ]]; then
  wait_for "((\$(pg_sql $DB 'select count(*) from outbox where sent_at is null') == 0))" 600 \
    "the outbox relay to publish every event"
  log "outbox relayed: $(pg_sql "$DB" "select count(*) from outbox where topic like '%loss.defections'") loss.defections events"
fi
stop_pid bench-ingest 30 >/dev/null || true # the baseline gets the machine to itself, as churn-ingest had
log "raw baseline: the same $published records into one table of $RAW_DB"
fresh_db "$RAW_DB"
raw_out=$(java -jar "$SIM_JAR" raw-drain --bootstrap-servers "$KAFKA_BOOTSTRAP" --topic-prefix "$PREFIX" \
  --jdbc-url "jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$RAW_DB?user=${DB_USER:-lossreview}&password=${DB_PASSWORD:-lossreview}&reWriteBatchedInserts=true" \
  --consumers "${INGEST_CONSUMERS:-2}" --expect "$published" --warmup-percent "$WARMUP_PERCENT")
echo "$raw_out"
pg_sql postgres "drop database if exists $RAW_DB"
raw_rate=$(sed -n 's/.*sustained after warm-up:.* = \([0-9]*\) records.*/\1/p' <<<"$raw_out")
echo "RESULT: churn-ingest sustained / raw baseline sustained = $sustained_rate / $raw_rate =" \
  "$(awk -v a="$sustained_rate" -v b="$raw_rate" 'BEGIN { printf "%.3f", a / b }')"
if [[ "${BENCH_KEEP:-}" != 1 ]]; then
  pg_sql postgres "drop database if exists $DB"
  delete_prefixed_topics "$PREFIX" >/dev/null
fi
