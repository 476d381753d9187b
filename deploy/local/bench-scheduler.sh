#!/usr/bin/env bash
# Benchmark of review-scheduler's packet: defection-analyzer holds 3 years of history (1.5M
# defections written by SQL, about 41,700 a month, then rebuilt), review-scheduler builds a month's
# packet from it over REST and renders it. Prints the build (JSON) and PDF times.
#
# Env: BENCH_DEFECTIONS (1500000), BENCH_MONTH (2025-06).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench-scheduler

DEFECTIONS="${BENCH_DEFECTIONS:-1500000}"
MONTH="${BENCH_MONTH:-2025-06}"
A_PORT=18482
S_PORT=18483
PREFIX="benchs-$(date +%s)."
WORK="$LOCAL_DIR/bench"

cleanup() {
  stop_pid bench-s-analyzer 30 >/dev/null 2>&1 || true
  stop_pid bench-s-scheduler 30 >/dev/null 2>&1 || true
  pg_sql postgres "drop database if exists analyzer_bench_s" 2>/dev/null || true
  pg_sql postgres "drop database if exists scheduler_bench_s" 2>/dev/null || true
  delete_prefixed_topics "$PREFIX" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# seconds a request takes (curl's time_total); fails on an HTTP error
timed() {
  icurl review-scheduler -fsS -o "$WORK/last-response" -w '%{time_total}' -X "$1" "http://127.0.0.1:$S_PORT$2"
}

ensure_dirs
mkdir -p "$WORK"
"$DEPLOY_DIR/postgres.sh" >/dev/null
"$DEPLOY_DIR/kafka.sh" start >/dev/null
fresh_db analyzer_bench_s
fresh_db scheduler_bench_s
create_prefixed_topics "$PREFIX" "$WORK" >/dev/null
start_service_on bench-s-analyzer defection-analyzer "$A_PORT" analyzer_bench_s "$PREFIX" "$ANALYZER_MAX_HEAP"
log "writing $DEFECTIONS defections over 36 months and rebuilding their totals"
pg_sql analyzer_bench_s "$(sed "s/:n/$DEFECTIONS/" "$DEPLOY_DIR/bench/seed-defections.sql")"
for m in $(pg_sql analyzer_bench_s "select distinct loss_month from defection order by 1"); do
  icurl defection-analyzer -fsS -X POST "http://127.0.0.1:$A_PORT/admin/months/$m/rebuild" >/dev/null
done
log "$(pg_sql analyzer_bench_s "select count(*) from defection where loss_month = '$MONTH'") defections in $MONTH"
start_service_on bench-s-scheduler review-scheduler "$S_PORT" scheduler_bench_s "$PREFIX" -Xmx1g \
  "-Dquarkus.rest-client.analyzer.url=http://127.0.0.1:$A_PORT"
for i in $(seq 1 60); do
  icurl review-scheduler -fsS -X PUT -H 'Content-Type: application/json' "http://127.0.0.1:$S_PORT/executives/exec-$i" \
    -d "{\"name\":\"Executive $i\",\"email\":\"exec$i@example.com\",\"capacity\":$((3 + i % 2))}" >/dev/null
done
first=$(timed POST "/packets/$MONTH")
again=$(timed POST "/packets/$MONTH")
read_json=$(timed GET "/packets/$MONTH")
pdf_cold=$(timed GET "/packets/$MONTH/pdf")
pdf_warm=$(timed GET "/packets/$MONTH/pdf")
echo "RESULT: packet $MONTH built (analyzer reads + assembly + store) in ${first}s; rebuilt with the same data in ${again}s;" \
  "read as JSON in ${read_json}s (target: JSON packet <= 2 s)"
echo "RESULT: PDF rendered in ${pdf_cold}s on the first request, ${pdf_warm}s after (target <= 5 s)"
