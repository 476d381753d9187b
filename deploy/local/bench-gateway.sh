#!/usr/bin/env bash
# Load test of the api-gateway, the part people wait on, with real tokens from the local identity
# provider, on loopback, bounded in time. It starts the local stack itself (up.sh, demo year loaded)
# with the gateway's per-caller rate limit lifted, waits until the machine is idle, then:
#  1. at fixed arrival rates (BENCH_RATES requests/s, BENCH_SECONDS each), the month dashboard, the
#     ranked causes, a page of defections and the packet JSON through the gateway: throughput achieved,
#     p50/p95/p99 latency, and CPU per request in the services' JVMs;
#  2. the gateway's cost: the same read (ranked causes) straight from defection-analyzer and through the
#     gateway, at the highest fixed rate, and the saturation throughput of each (BENCH_USERS requests in
#     flight at all times);
#  3. each service's resident memory (RSS) idle and after the load (their time to ready:
#     deploy/local/bench-startup.sh).
# The load generator is Gatling (load-tests/, through Maven; an open model: requests arrive on schedule,
# Poisson-spaced, whether or not the earlier ones were answered). The stack keeps running afterwards,
# rate limit lifted: stop it with deploy/local/down.sh.
#
# Env: BENCH_RATES ("100 250 500"), BENCH_SECONDS (15), BENCH_USERS (8), SKIP_BUILD (1 when the jars exist).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench-gateway

RATES="${BENCH_RATES:-100 250 500}"
SECONDS_EACH="${BENCH_SECONDS:-15}"
USERS="${BENCH_USERS:-8}"
GATEWAY=http://127.0.0.1:${GATEWAY_PORT:-8080}
ANALYZER=http://127.0.0.1:${ANALYZER_PORT:-8082}
SERVICE_NAMES=(churn-ingest defection-analyzer review-scheduler api-gateway)
UNLIMITED=100000000 # requests per caller and minute: the load test is one caller

# jvm_ticks NAME...: CPU time (user + system, clock ticks) those services' processes have used so far.
jvm_ticks() {
  local name total=0
  for name in "$@"; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$(pid_of "$name")/stat")))
  done
  echo "$total"
}

rss_mb() { # NAME: resident memory of that service's process, in MB
  awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$(pid_of "$1")/status"
}

# gatling NAME URL TOKEN RATE|users=N: one Gatling run; prints its summary lines.
gatling() {
  local name=$1 url=$2 token=$3 load=$4 args
  if [[ "$load" == users=* ]]; then args=(-Dload.users="${load#users=}"); else args=(-Dload.rate="$load"); fi
  "$MVN" -B -q -f "$REPO_ROOT/load-tests/pom.xml" gatling:test -Dload.name="$name" -Dload.url="$url" \
    -Dload.token="$token" -Dload.seconds="$SECONDS_EACH" "${args[@]}" 2>&1 \
    | sed -n '/---- Global Information/,/====/p' || true
}

# Each service's CPU while idle (consumers polling, health, schedules), in ticks per 100 s: subtracted
# from what a run measured, as a run lasts longer than its requests (Maven, Gatling's start, its report).
declare -A IDLE_TICKS
measure_idle_cpu() {
  local name
  declare -A before
  for name in "${SERVICE_NAMES[@]}"; do before[$name]=$(jvm_ticks "$name"); done
  sleep 20
  for name in "${SERVICE_NAMES[@]}"; do IDLE_TICKS[$name]=$((($(jvm_ticks "$name") - before[$name]) * 5)); done
}

# load LABEL URL TOKEN RATE|users=N JVM...: one measured run, one table row; the CPU those JVMs used per
# answered request, beyond their idle use, is left in CPU_US.
load() {
  local label=$1 url=$2 token=$3 rate=$4 out t0 ok ko started idle=0 name
  shift 4
  t0=$(jvm_ticks "$@")
  started=$(date +%s%3N)
  out=$(gatling "$label" "$url" "$token" "$rate")
  for name in "$@"; do idle=$((idle + IDLE_TICKS[$name] * ($(date +%s%3N) - started) / 100000)); done
  ok=$(awk -F'|' '/request count/ { gsub(/[ ,]/, "", $3); print $3 }' <<<"$out")
  ko=$(awk -F'|' '/request count/ { gsub(/[ ,]/, "", $4); print $4 }' <<<"$out")
  [[ -n "$ok" && "$ok" -gt 0 ]] || die "$label: no answers (is the stack up? Gatling printed: $out)"
  CPU_US=$((($(jvm_ticks "$@") - t0 - idle) * 1000000 / $(getconf CLK_TCK) / ok))
  pct() { awk -F'|' -v p="$1" '$0 ~ "response time " p "th percentile" { gsub(/[ ,]/, "", $2); print $2 }' <<<"$out"; }
  printf '%-32s %8s %9s %7s %7s %7s %7s %8s\n' "$label" "${rate/users=/closed }" \
    "$(awk -F'|' '/mean throughput/ { gsub(/[ ,]/, "", $2); print $2 }' <<<"$out")" "$(pct 50)" "$(pct 95)" "$(pct 99)" \
    "$ko" "$CPU_US"
}

header() {
  printf '%-32s %8s %9s %7s %7s %7s %7s %8s\n' "read" "rate/s" "served/s" "p50 ms" "p95 ms" "p99 ms" "failed" "CPU µs"
}

require_cmd curl awk
if ready "${GATEWAY_PORT:-8080}"; then
  die "the stack is already running: the load test starts its own with the rate limit lifted; stop it with deploy/local/down.sh"
fi
[[ -f "$(svc_jar api-gateway)" ]] && export SKIP_BUILD="${SKIP_BUILD:-1}"
log "starting the stack with the demo year, the gateway's rate limit lifted"
GATEWAY_RATE_LIMIT_PER_MINUTE=$UNLIMITED "$DEPLOY_DIR/up.sh" >/dev/null
log "compiling the load test (Gatling, load-tests/)"
"$MVN" -B -q -f "$REPO_ROOT/load-tests/pom.xml" test-compile
log "waiting until the machine is idle"
wait_idle
declare -A IDLE
for name in "${SERVICE_NAMES[@]}"; do IDLE[$name]=$(rss_mb "$name"); done
measure_idle_cpu
log "idle CPU, ms per s: $(for n in "${SERVICE_NAMES[@]}"; do printf '%s %s  ' "$n" $((IDLE_TICKS[$n] * 10 / $(getconf CLK_TCK))); done)"

month=$(icurl defection-analyzer -fsS "$ANALYZER/trends" | grep -oE '"to":"[0-9]{4}-[0-9]{2}"' | cut -d'"' -f4)
ops=$("$DEPLOY_DIR/dev-token.sh" ops) # 15 minutes: long enough for every run below
internal=$(internal_token defection-analyzer) # 10 minutes: made again before it is used last
READS=("dashboard|$GATEWAY/api/v1/months/$month/dashboard|defection-analyzer review-scheduler"
  "causes|$GATEWAY/api/v1/months/$month/causes|defection-analyzer"
  "defections, page of 50|$GATEWAY/api/v1/defections?month=$month&size=50|defection-analyzer"
  "packet JSON|$GATEWAY/api/v1/packets/$month|review-scheduler")

log "warming up: each read for ${SECONDS_EACH}s at 100 requests/s, not reported (the JIT compilers)"
for read in "${READS[@]}"; do
  IFS='|' read -r label url _ <<<"$read"
  gatling "$label" "$url" "$ops" 100 >/dev/null
done
gatling "causes" "$ANALYZER/months/$month/causes" "$internal" 100 >/dev/null

echo
echo "RESULT: month $month of the demo year, ${SECONDS_EACH}s a run, loopback, ops token (Keycloak);"
echo "CPU µs: the CPU the gateway and the services behind it used per answered request beyond their idle use"
echo "(not PostgreSQL's, nor Gatling's)"
header
max_rate=0
for rate in $RATES; do
  ((rate > max_rate)) && max_rate=$rate
  for read in "${READS[@]}"; do
    IFS='|' read -r label url behind <<<"$read"
    # shellcheck disable=SC2086 # the services behind the read, one word each
    load "$label" "$url" "$ops" "$rate" api-gateway $behind
  done
done

echo
echo "RESULT: the gateway's cost: the ranked causes straight from defection-analyzer and through the gateway"
header
internal=$(internal_token defection-analyzer)
load "causes, defection-analyzer" "$ANALYZER/months/$month/causes" "$internal" "$max_rate" defection-analyzer
direct_cpu=$CPU_US
load "causes, through the gateway" "$GATEWAY/api/v1/months/$month/causes" "$ops" "$max_rate" api-gateway defection-analyzer
echo "RESULT: CPU per request through the gateway / straight from the analyzer = $CPU_US / $direct_cpu =" \
  "$(awk -v a="$CPU_US" -v b="$direct_cpu" 'BEGIN { printf "%.2f", a / b }')"
load "causes, defection-analyzer" "$ANALYZER/months/$month/causes" "$internal" "users=$USERS" defection-analyzer
load "causes, through the gateway" "$GATEWAY/api/v1/months/$month/causes" "$ops" "users=$USERS" api-gateway defection-analyzer
load "dashboard" "$GATEWAY/api/v1/months/$month/dashboard" "$ops" "users=$USERS" api-gateway defection-analyzer review-scheduler

echo
echo "RESULT: memory"
printf '%-20s %10s %16s\n' service "idle RSS" "RSS after load"
for name in "${SERVICE_NAMES[@]}"; do
  printf '%-20s %7s MB %13s MB\n' "$name" "${IDLE[$name]}" "$(rss_mb "$name")"
done
echo "(each service's time to ready: deploy/local/bench-startup.sh, on this stack)"
