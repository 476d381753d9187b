#!/usr/bin/env bash
# Benchmark of the whole chain: churn-ingest and defection-analyzer running together on the same stream,
# on fresh topics and databases (also `BENCH_PART=chain deploy/local/bench-analyzer.sh`). Two parts:
#  1. Catching up: ~1M simulator events are published first, then both services start and drain them
#     together. Prints churn-ingest's inbound rate and the rate it published defection events at, the
#     analyzer's rate over the same run, and how long after churn-ingest's last defection event the
#     analyzer had applied them all: the analyzer keeps up when that is a matter of seconds.
#  2. A steady load: the simulator publishes at a fixed rate (5,000 inbound events/s) for two minutes
#     while both run; the end-to-end latency of each defection event, from the publication of the inbound
#     event behind it to the analyzer's commit of its month totals (loss.chain.latency: churn-ingest's
#     relay passes the inbound event's Kafka timestamp on as a header), is read from the analyzer's
#     histogram after a warm-up: p50/p95/p99, each the upper bound of its histogram bucket.
#
# Env: BENCH_CUSTOMERS_PER_MONTH (40000) and BENCH_MONTHS (12) for part 1 (about 1M events),
#      BENCH_STEADY_RATE (5000 events/s), BENCH_STEADY_SECONDS (120), BENCH_STEADY_WARMUP (30 s),
#      BENCH_CHAIN_PARTS (catch-up,steady), BENCH_ANALYZER_OPTS / BENCH_INGEST_OPTS add JVM options.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench-chain

PER_MONTH="${BENCH_CUSTOMERS_PER_MONTH:-40000}"
MONTHS="${BENCH_MONTHS:-12}"
RATE="${BENCH_STEADY_RATE:-5000}"
STEADY_SECONDS="${BENCH_STEADY_SECONDS:-120}"
WARMUP="${BENCH_STEADY_WARMUP:-30}"
PARTS="${BENCH_CHAIN_PARTS:-catch-up,steady}"
INGEST_PORT=18181
ANALYZER_PORT=18182
WORK="$LOCAL_DIR/bench"
KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT:-9092}"
SIM_JAR="$REPO_ROOT/simulator/target/simulator.jar"
DEFECTIONS_CONSUMER=defection-analyzer.defections

cleanup() {
  stop_pid bench-analyzer 30 >/dev/null 2>&1 || true
  stop_pid bench-ingest 30 >/dev/null 2>&1 || true
  [[ -z "${SIM_PID:-}" ]] || kill "$SIM_PID" 2>/dev/null || true
}
trap cleanup EXIT

# start_chain PREFIX: the analyzer on PREFIX's topics, and once the machine is idle (its first start trains the
# text model and measures it in the background; later starts load it), churn-ingest on a fresh database, FX rates
# loaded. The analyzer's database is kept from one part to the next.
start_chain() {
  local prefix=$1
  fresh_db ingest_bench
  # The analyzer's maximum heap as up.sh gives it (java.sh): without TEXT_MODEL_CACHE's model it trains one first.
  # shellcheck disable=SC2086 # the *_OPTS hold several options
  start_service_on bench-analyzer defection-analyzer "$ANALYZER_PORT" analyzer_bench "$prefix" "$ANALYZER_MAX_HEAP" \
    ${BENCH_ANALYZER_OPTS:-}
  wait_idle
  # shellcheck disable=SC2086
  start_service_on bench-ingest churn-ingest "$INGEST_PORT" ingest_bench "$prefix" -Xmx2g -Xmn1g ${BENCH_INGEST_OPTS:-}
  icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$WORK/fx.csv" \
    "http://127.0.0.1:$INGEST_PORT/fx-rates" >/dev/null
}

stop_chain() {
  stop_pid bench-ingest 30 >/dev/null || true
  stop_pid bench-analyzer 30 >/dev/null || true
}

# Progress from PostgreSQL's table statistics (rows inserted; flushed by busy backends about once a second):
# counting a million-row table every two seconds would cost the database more than the measurement is worth.
# inserted DB TABLE...: the rows inserted into those tables.
inserted() {
  local db=$1
  shift
  pg_sql "$db" "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables where relname in ($(printf "'%s'," "$@" | sed 's/,$//'))"
}
# Exact: churn-ingest's stored inbound events (valid and rejected) and unsent outbox rows; the analyzer's applied
# (or duplicate) defection events.
ingest_state() {
  pg_sql ingest_bench "select (select count(*) from inbox) + (select count(*) from dead_letter), (select count(*) from outbox)" |
    tr '|' ' '
}
analyzer_applied() {
  pg_sql analyzer_bench "select count(*) from inbox where consumer = '$DEFECTIONS_CONSUMER'"
}

# defection_events PREFIX: how many records the loss.defections topic holds.
defection_events() {
  "${KAFKA_TOOLS_JAVA[@]}" org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --topic "${1}loss.defections" --time -1 | awk -F: '{ n += $NF } END { print n + 0 }'
}

now_ms() { date +%s%3N; }

catch_up() {
  local prefix="bench-chain-$(date +%s)." published valid malformed expected t0 t_ingest t_analyzer stored unsent total applied
  local applied0
  create_prefixed_topics "$prefix" "$WORK" >/dev/null
  log "part 1, catching up: publishing $PER_MONTH lost customers a month for $MONTHS months"
  java -jar "$SIM_JAR" --customers-per-month "$PER_MONTH" --months "$MONTHS" --bootstrap-servers "$KAFKA_BOOTSTRAP" \
    --topic-prefix "$prefix" --expected-out "$WORK/chain-expected.json" --fx-out "$WORK/fx.csv" >/dev/null
  published=$(count_of published "$WORK/chain-expected.json")
  valid=$(count_of valid "$WORK/chain-expected.json")
  malformed=$(count_of malformed "$WORK/chain-expected.json")
  expected=$((valid + malformed))
  start_chain "$prefix"
  applied0=$(analyzer_applied)
  t0=$(now_ms)
  while true; do
    stored=$(inserted ingest_bench inbox dead_letter)
    log "churn-ingest: about $stored of $expected inbound events stored; analyzer: about" \
      "$(inserted analyzer_bench inbox) defection events applied"
    if ((stored * 100 >= expected * 95)); then
      read -r stored unsent <<<"$(ingest_state)"
      ((stored >= expected && unsent == 0)) && break
    fi
    (($(now_ms) - t0 < 1200000)) || die "churn-ingest did not drain in 20 minutes"
    sleep 2
  done
  t_ingest=$(now_ms)
  total=$(defection_events "$prefix")
  while (($(analyzer_applied) - applied0 < total)); do
    (($(now_ms) - t0 < 1800000)) || die "the analyzer did not catch up in 30 minutes"
    sleep 1
  done
  t_analyzer=$(now_ms)
  applied=$(($(analyzer_applied) - applied0))
  stop_chain
  echo "RESULT: chain, catching up: churn-ingest stored $expected inbound events and published $total defection events" \
    "in $(((t_ingest - t0) / 1000))s = $((published * 1000 / (t_ingest - t0))) inbound events/s," \
    "$((total * 1000 / (t_ingest - t0))) defection events/s"
  echo "RESULT: chain, catching up: the analyzer applied $applied defection events in $(((t_analyzer - t0) / 1000))s" \
    "= $((applied * 1000 / (t_analyzer - t0))) events/s, done $(((t_analyzer - t_ingest) / 1000))s after churn-ingest's last one" \
    "(analyzer / churn-ingest publishing rate = $(awk -v a="$t_ingest" -v b="$t_analyzer" -v t="$t0" 'BEGIN { printf "%.2f", (a - t) / (b - t) }'))"
  delete_prefixed_topics "$prefix" >/dev/null
}

# histogram FILE PORT METRIC CONSUMER: a service's latency histogram now, "upper-bound count" per line.
histogram() {
  curl -fsS "http://127.0.0.1:$(management_port "$2")/q/metrics" |
    awk -v name="$3_bucket{" -v consumer="consumer=\"$4\"" 'index($0, name) == 1 && index($0, consumer) {
      match($0, /le="[^"]*"/); print substr($0, RSTART + 4, RLENGTH - 5), $NF }' >"$1"
}

# snapshot TAG: the whole chain's latency, and each hop's (a record's publication to its consumer's commit).
snapshot() {
  histogram "$WORK/chain-$1.txt" "$ANALYZER_PORT" loss_chain_latency_seconds "$DEFECTIONS_CONSUMER"
  histogram "$WORK/ingest-hop-$1.txt" "$INGEST_PORT" loss_consumer_record_age_seconds churn-ingest
  histogram "$WORK/analyzer-hop-$1.txt" "$ANALYZER_PORT" loss_consumer_record_age_seconds "$DEFECTIONS_CONSUMER"
}

# window_percentiles BEFORE AFTER: p50/p95/p99 of what the histogram counted between the two snapshots.
window_percentiles() {
  awk 'NR == FNR { before[$1] = $2; next } { print $1, $2 - before[$1] }' "$1" "$2" | sort -g |
    awk '{ le[NR] = $1; n[NR] = $2 } END {
      total = n[NR]; split("0.5 0.95 0.99", q, " ")
      for (k = 1; k <= 3; k++) for (i = 1; i <= NR; i++) if (n[i] >= q[k] * total) { p[k] = le[i]; break }
      printf "p50 <= %.3f s, p95 <= %.3f s, p99 <= %.3f s over %d defection events", p[1], p[2], p[3], total }'
}

steady() {
  local prefix="bench-steady-$(date +%s)." per_customer per_month t0 busy0 stored unsent applied0 sim_rc=0
  create_prefixed_topics "$prefix" "$WORK" >/dev/null
  # Inbound events per lost customer, from the simulator's own figures (about 2), to size the stream.
  java -jar "$SIM_JAR" --customers-per-month 1000 --months 12 --dry-run --expected-out "$WORK/steady-probe.json" \
    --fx-out "$WORK/fx.csv" >/dev/null
  per_customer=$(awk -v p="$(count_of published "$WORK/steady-probe.json")" 'BEGIN { print p / 12000 }')
  per_month=$(awk -v r="$RATE" -v s="$STEADY_SECONDS" -v e="$per_customer" 'BEGIN { printf "%d", r * s / e / 12 }')
  start_chain "$prefix"
  applied0=$(analyzer_applied)
  log "part 2, steady load: $RATE inbound events/s for ${STEADY_SECONDS}s ($per_month lost customers a month for 12 months)"
  java -jar "$SIM_JAR" --customers-per-month "$per_month" --months 12 --bootstrap-servers "$KAFKA_BOOTSTRAP" \
    --topic-prefix "$prefix" --events-per-second "$RATE" --expected-out "$WORK/steady-expected.json" \
    --fx-out "$WORK/steady-fx.csv" >"$LOG_DIR/bench-steady-simulator.log" 2>&1 &
  SIM_PID=$!
  t0=$SECONDS
  sleep "$WARMUP"
  snapshot before
  busy0=$(busy_ticks)
  log "warmed up after ${WARMUP}s; measuring until the stream ends"
  wait "$SIM_PID" || sim_rc=$?
  SIM_PID=
  ((sim_rc == 0)) || { tail_log "$LOG_DIR/bench-steady-simulator.log"; die "the simulator failed"; }
  local busy_pct=$((($(busy_ticks) - busy0) * 100 / $(getconf CLK_TCK) / (SECONDS - t0 - WARMUP) / $(nproc)))
  while true; do # the last events still on their way through
    read -r stored unsent <<<"$(ingest_state)"
    local expected=$(($(count_of valid "$WORK/steady-expected.json") + $(count_of malformed "$WORK/steady-expected.json")))
    ((stored >= expected && unsent == 0)) && (($(analyzer_applied) - applied0 >= $(defection_events "$prefix"))) && break
    ((SECONDS - t0 < STEADY_SECONDS + 600)) || die "the chain did not drain the steady stream"
    sleep 1
  done
  snapshot after
  grep -q . "$WORK/chain-after.txt" || die "the analyzer exposes no loss.chain.latency histogram"
  echo "RESULT: chain, steady $(sed -n 's/.* at \([0-9,]*\) events\/s$/\1/p' "$LOG_DIR/bench-steady-simulator.log" | tail -1) inbound events/s for ${STEADY_SECONDS}s:" \
    "end-to-end latency (inbound publication -> month totals committed) $(window_percentiles "$WORK/chain-before.txt" "$WORK/chain-after.txt");" \
    "machine ${busy_pct}% busy"
  echo "RESULT: chain, steady: the hops (a record's publication to its consumer's commit): churn-ingest" \
    "$(window_percentiles "$WORK/ingest-hop-before.txt" "$WORK/ingest-hop-after.txt" | sed 's/ over .*//');" \
    "the analyzer, after churn-ingest's relay published the defection event:" \
    "$(window_percentiles "$WORK/analyzer-hop-before.txt" "$WORK/analyzer-hop-after.txt" | sed 's/ over .*//')"
  stop_chain
  delete_prefixed_topics "$prefix" >/dev/null
}

ensure_dirs
mkdir -p "$WORK"
"$DEPLOY_DIR/postgres.sh" >/dev/null
"$DEPLOY_DIR/kafka.sh" start >/dev/null
for module in churn-ingest defection-analyzer; do
  [[ -f "$(svc_jar "$module")" ]] || (cd "$REPO_ROOT" && "$MVN" -B -q -DskipTests package -pl churn-ingest,defection-analyzer,simulator -am)
done
[[ -f "$SIM_JAR" ]] || (cd "$REPO_ROOT" && "$MVN" -B -q -DskipTests package -pl simulator -am)
fresh_db analyzer_bench
[[ ",$PARTS," != *,catch-up,* ]] || catch_up
[[ ",$PARTS," != *,steady,* ]] || steady
pg_sql postgres "drop database if exists ingest_bench"
pg_sql postgres "drop database if exists analyzer_bench"
