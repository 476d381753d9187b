#!/usr/bin/env bash
# Benchmark of defection-analyzer, in two parts.
#  1. Keeping up (BENCH_PART=chain): deploy/local/bench-chain.sh, churn-ingest and the analyzer draining
#     the same stream together, then a steady load and its end-to-end latency (see that script).
#  2. Queries on 3 years of history: 1.5M defections are written straight into a second analyzer
#     database (SQL, 36 months), each month is rebuilt through the admin endpoint, then the ranked
#     causes of a month and the 12-month trend are requested repeatedly: p50/p95/max latency.
#
# Env: BENCH_PART (all|chain|queries), BENCH_DEFECTIONS (1500000), BENCH_REQUESTS (300), plus
#      bench-chain.sh's for part 1. BENCH_ANALYZER_OPTS adds JVM options to the analyzer.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench-analyzer

PART="${BENCH_PART:-all}"
DEFECTIONS="${BENCH_DEFECTIONS:-1500000}"
REQUESTS="${BENCH_REQUESTS:-300}"
PORT=18182
WORK="$LOCAL_DIR/bench"

cleanup() {
  stop_pid bench-analyzer 30 >/dev/null 2>&1 || true
  stop_pid bench-ingest 30 >/dev/null 2>&1 || true
}
trap cleanup EXIT

ensure_dirs
mkdir -p "$WORK"
"$DEPLOY_DIR/postgres.sh" >/dev/null
"$DEPLOY_DIR/kafka.sh" start >/dev/null
[[ -f "$REPO_ROOT/defection-analyzer/target/quarkus-app/quarkus-run.jar" ]] \
  || (cd "$REPO_ROOT" && "$MVN" -B -q -DskipTests package -pl defection-analyzer,churn-ingest,simulator -am)

# p50/p95/max in ms of the request times (seconds) in a file.
percentiles() {
  sort -n "$1" | awk '{t[NR]=$1*1000} END {printf "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)", t[int(NR*0.5)], t[int(NR*0.95)], t[NR], NR}'
}

queries() {
  local prefix="benchq-$(date +%s)." m t0
  fresh_db analyzer_bench_q
  create_prefixed_topics "$prefix" "$WORK" >/dev/null
  start_service_on bench-analyzer defection-analyzer "$PORT" analyzer_bench_q "$prefix" "$ANALYZER_MAX_HEAP"
  log "writing $DEFECTIONS defections over 36 months (2023-01..2025-12)"
  t0=$SECONDS
  pg_sql analyzer_bench_q "$(sed "s/:n/$DEFECTIONS/" "$DEPLOY_DIR/bench/seed-defections.sql")"
  log "written in $((SECONDS - t0))s; rebuilding the 36 months' totals through POST /admin/months/{m}/rebuild"
  t0=$SECONDS
  for m in $(pg_sql analyzer_bench_q "select distinct loss_month from defection order by 1"); do
    icurl defection-analyzer -fsS -X POST "http://127.0.0.1:$PORT/admin/months/$m/rebuild" >/dev/null
  done
  echo "RESULT: rebuilt 36 months from $DEFECTIONS defections in $((SECONDS - t0))s"
  : >"$WORK/causes.times"
  : >"$WORK/trend.times"
  for ((i = 0; i < REQUESTS; i++)); do
    m=$(printf '%d-%02d' $((2023 + RANDOM % 3)) $((1 + RANDOM % 12)))
    icurl defection-analyzer -fsS -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/months/$m/causes?rankBy=arr" >>"$WORK/causes.times"
    icurl defection-analyzer -fsS -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT/trends?to=$m" >>"$WORK/trend.times"
  done
  echo "RESULT: ranked causes of a month: $(percentiles "$WORK/causes.times") (target p95 <= 50 ms)"
  echo "RESULT: 12-month trend: $(percentiles "$WORK/trend.times") (target p95 <= 100 ms)"
  stop_pid bench-analyzer 30 >/dev/null
  pg_sql postgres "drop database if exists analyzer_bench_q"
  delete_prefixed_topics "$prefix" >/dev/null
}

case "$PART" in
  chain) "$DEPLOY_DIR/bench-chain.sh" ;;
  queries) queries ;;
  all) "$DEPLOY_DIR/bench-chain.sh" && queries ;;
  *) die "BENCH_PART must be all, chain or queries" ;;
esac
