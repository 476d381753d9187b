#!/usr/bin/env bash
# Start-up and idle memory of each service, with its AOT cache (deploy/local/aot.sh) and without, alternating in the
# same run: each service of the running local stack is stopped and started again alone (up.sh starts only what is not
# running) on an otherwise idle machine, BENCH_ROUNDS times each way. Prints the time from the JVM's launch until its
# readiness check answers UP (polled every 0.05 s) and its resident memory after BENCH_IDLE seconds idle, the medians,
# and the ratio of the medians (with the cache / without).
#
#   deploy/local/bench-startup.sh [SERVICE...]     all four when none is named
#
# Needs the stack running (deploy/local/up.sh) and the AOT caches made (deploy/local/aot.sh).
# Env: BENCH_ROUNDS (3), BENCH_IDLE (15 s).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench-startup

ROUNDS="${BENCH_ROUNDS:-3}"
IDLE_SECONDS="${BENCH_IDLE:-15}"
SERVICES=()
for entry in churn-ingest:"${INGEST_PORT:-8081}" defection-analyzer:"${ANALYZER_PORT:-8082}" \
  review-scheduler:"${SCHEDULER_PORT:-8083}" api-gateway:"${GATEWAY_PORT:-8080}"; do
  [[ $# -eq 0 || " $* " == *" ${entry%%:*} "* ]] && SERVICES+=("$entry")
done
((${#SERVICES[@]})) || die "no such service: $* (churn-ingest, defection-analyzer, review-scheduler, api-gateway)"

ready "${GATEWAY_PORT:-8080}" || die "the stack is not running: start it with deploy/local/up.sh"
for entry in "${SERVICES[@]}"; do
  [[ -s "$(dirname "$(svc_jar "${entry%%:*}")")/app.aot" ]] || die "${entry%%:*} has no AOT cache: deploy/local/aot.sh"
done

# restart NAME PORT AOT: prints "milliseconds-to-ready RSS-MB" of NAME started again alone, SERVICE_AOT=AOT.
restart() {
  local name=$1 port=$2 aot=$3 up t0 took
  stop_pid "$name" 30 >/dev/null
  SERVICE_AOT=$aot DEMO=0 SKIP_BUILD=1 "$DEPLOY_DIR/up.sh" >/dev/null 2>&1 &
  up=$!
  until [[ -n "$(pid_of "$name")" ]]; do sleep 0.01; done
  t0=$(date +%s%3N)
  until ready "$port"; do sleep 0.05; done
  took=$(($(date +%s%3N) - t0))
  wait "$up"
  sleep "$IDLE_SECONDS"
  echo "$took $(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$(pid_of "$name")/status")"
}

median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

wait_idle
echo "RESULT: start-up (JVM launch to ready, ms) and RSS after ${IDLE_SECONDS}s idle (MB), $ROUNDS rounds alternating"
printf '%-20s %-28s %-28s %s\n' service "with the AOT cache" "without" "ratio of medians (ready, RSS)"
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*} port=${entry##*:}
  on_ms=() on_mb=() off_ms=() off_mb=()
  for ((round = 1; round <= ROUNDS; round++)); do
    read -r ms mb <<<"$(restart "$name" "$port" off)"
    off_ms+=("$ms") off_mb+=("$mb")
    read -r ms mb <<<"$(restart "$name" "$port" on)"
    on_ms+=("$ms") on_mb+=("$mb")
  done
  m_on=$(median <<<"${on_ms[*]}") m_off=$(median <<<"${off_ms[*]}")
  r_on=$(median <<<"${on_mb[*]}") r_off=$(median <<<"${off_mb[*]}")
  printf '%-20s %-28s %-28s %s\n' "$name" "${on_ms[*]} ms; ${on_mb[*]} MB" "${off_ms[*]} ms; ${off_mb[*]} MB" \
    "$(awk -v a="$m_on" -v b="$m_off" -v c="$r_on" -v d="$r_off" 'BEGIN { printf "%.2f, %.2f", a / b, c / d }')"
done
echo "(the services run on with their caches: up.sh uses a module's cache while it is newer than the module's build)"
