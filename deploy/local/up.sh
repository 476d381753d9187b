#!/usr/bin/env bash
# Runs the whole platform on this machine (README's run command):
# PostgreSQL + Kafka, a build, then the four services in the background.
# Stop everything it started with deploy/local/down.sh.
#
# Env: SKIP_BUILD=1 (use the jars already built), GATEWAY_PORT (8080),
# INGEST_PORT (8081), ANALYZER_PORT (8082), SCHEDULER_PORT (8083) (each service's management
# interface, with health and metrics, is on its port + 1000),
# UP_TIMEOUT (240 s for all services to be ready), PGHOST/PGPORT,
# DB_USER/DB_PASSWORD, KAFKA_PORT: see postgres.sh and kafka.sh.
# Scale-out: SCALE=N (1) runs N instances of each service, sharing its database and consumer groups;
# instance K > 1 is NAME-K (its log and pid file too) on the ports + 200*(K-1) (SCALE=2: 8280-8283,
# management 9280-9283). Instance K of the gateway and of review-scheduler call instance K of the
# services behind them. BROKERS=3 (kafka.sh) gives every instance the three brokers of a local cluster:
#   BROKERS=3 SCALE=2 deploy/local/up.sh
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=up

UP_TIMEOUT="${UP_TIMEOUT:-240}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
DB_USER="${DB_USER:-lossreview}"
DB_PASSWORD="${DB_PASSWORD:-lossreview}"
SCALE="${SCALE:-1}"
[[ "$SCALE" =~ ^[1-9]$ ]] || die "SCALE must be 1 to 9, not '$SCALE'"

# module name (= service name, log and pid file name) | HTTP port | database
SERVICES=(
  "churn-ingest|${INGEST_PORT:-8081}|ingest"
  "defection-analyzer|${ANALYZER_PORT:-8082}|analyzer"
  "review-scheduler|${SCHEDULER_PORT:-8083}|scheduler"
  "api-gateway|${GATEWAY_PORT:-8080}|gateway"
)
# Every instance: name | module | HTTP port | database. Instance 1 keeps the service's own name and
# ports; instance K > 1 is NAME-K on the ports + 200*(K-1) (clear of Keycloak's 8180 and Kafka's 9092).
INSTANCES=()
for ((k = 1; k <= SCALE; k++)); do
  suffix=""
  ((k == 1)) || suffix="-$k"
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name port db <<<"$entry"
    INSTANCES+=("$name$suffix|$name|$((port + 200 * (k - 1)))|$db")
  done
done
unset k suffix entry name port db

# instance_port MODULE K: the HTTP port of instance K of MODULE.
instance_port() {
  local entry name port
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name port _ <<<"$entry"
    [[ "$name" == "$1" ]] && echo $((port + 200 * ($2 - 1)))
  done
  return 0
}

svc_log() {
  printf '%s/%s.log\n' "$LOG_DIR" "$1"
}

build() {
  if [[ "${SKIP_BUILD:-}" == 1 ]]; then
    log "SKIP_BUILD=1: using the jars already built"
    return 0
  fi
  require_cmd mvn
  log "building: deploy/local/mvn -B -q -DskipTests package (this takes a few minutes)"
  (cd "$REPO_ROOT" && "$MVN" -B -q -DskipTests package) || die "the build failed (Maven output above)"
}

check_jars() {
  local entry name missing=()
  for entry in "${SERVICES[@]}"; do
    IFS='|' read -r name _ _ <<<"$entry"
    [[ -f "$(svc_jar "$name")" ]] || missing+=("${name}/target/quarkus-app/quarkus-run.jar")
  done
  if ((${#missing[@]} > 0)); then
    log "missing: ${missing[*]}" >&2
    if [[ "${SKIP_BUILD:-}" == 1 ]]; then
      die "nothing built yet: run without SKIP_BUILD=1 (deploy/local/up.sh builds first)"
    fi
    die "the build did not produce the service jars above"
  fi
}

# start_service NAME MODULE PORT DB
start_service() {
  local name=$1 module=$2 port=$3 db=$4 k=1
  [[ "$name" =~ -([0-9])$ ]] && k=${BASH_REMATCH[1]}
  if pid_alive "$name"; then
    log "$name already running (pid $(pid_of "$name")); not starting it again"
    return 0
  fi
  if port_open 127.0.0.1 "$port"; then
    # Not ours (a `quarkus dev` perhaps): reuse it if it turns healthy, never kill it.
    warn "port $port is already taken by a process we did not start; using that as $name"
    return 0
  fi
  service_java "$module"
  local aot=""
  [[ "${SERVICE_JAVA[*]}" == *-XX:AOTCache=* ]] && aot=", with its AOT cache"
  log "starting $name on port $port$aot (log: .local/logs/$name.log)"
  local heap
  read -ra heap <<<"$(service_heap "$module")"
  # Instance K calls instance K of the services behind it.
  start_bg "$name" "$(svc_log "$name")" env \
    INGEST_URL="http://127.0.0.1:$(instance_port churn-ingest "$k")" \
    ANALYZER_URL="http://127.0.0.1:$(instance_port defection-analyzer "$k")" \
    SCHEDULER_URL="http://127.0.0.1:$(instance_port review-scheduler "$k")" \
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    DB_USER="$DB_USER" \
    DB_PASSWORD="$DB_PASSWORD" \
    INTERNAL_KEYS_DIR="$INTERNAL_KEYS_DIR" \
    "${SERVICE_JAVA[@]}" "${heap[@]}" -jar "$(svc_jar "$module")"
}


# wait_all_ready INSTANCE...: each as in INSTANCES.
wait_all_ready() {
  local t0=$SECONDS next_note=0 entry name port pending
  while true; do
    pending=()
    for entry in "$@"; do
      IFS='|' read -r name _ port _ <<<"$entry"
      ready "$port" && continue
      # Died? Say so now rather than after the whole timeout.
      if [[ -n "$(pid_of "$name")" ]] && ! pid_alive "$name"; then
        tail_log "$(svc_log "$name")" 40
        die "$name exited during start-up (log above: .local/logs/$name.log); stop the rest with deploy/local/down.sh"
      fi
      pending+=("$name")
    done
    if ((${#pending[@]} == 0)); then
      log "all services ready after $((SECONDS - t0))s"
      return 0
    fi
    if ((SECONDS - t0 >= UP_TIMEOUT)); then
      for name in "${pending[@]}"; do
        tail_log "$(svc_log "$name")" 40
      done
      die "not ready after ${UP_TIMEOUT}s: ${pending[*]} (logs above; stop everything with deploy/local/down.sh)"
    fi
    if ((SECONDS >= next_note)); then
      log "waiting for ${pending[*]} ($((SECONDS - t0))s of ${UP_TIMEOUT}s)"
      next_note=$((SECONDS + 10))
    fi
    sleep 2
  done
}

summary() {
  local entry name port gateway_port
  IFS='|' read -r _ gateway_port _ <<<"${SERVICES[3]}"
  echo
  echo "Loss Review is running."
  echo "  Web app (start here):  http://127.0.0.1:$gateway_port/app  (API: http://127.0.0.1:$gateway_port/api/v1)"
  echo
  echo "  API documentation:     http://127.0.0.1:$gateway_port/q/swagger-ui  (OpenAPI: /q/openapi)"
  echo
  printf '  %-20s %-24s %s\n' service "base URL (token)" "management: health, metrics, OpenAPI (no token)"
  for entry in "${INSTANCES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$entry"
    printf '  %-20s %-24s %s\n' "$name" "http://127.0.0.1:$port" "http://127.0.0.1:$(management_port "$port")/q/health"
  done
  echo
  echo "  Kafka:      $KAFKA_BOOTSTRAP"
  echo "  PostgreSQL: $PGHOST:$PGPORT (user $DB_USER)"
  echo "  Logs:       $LOG_DIR/"
  echo
  echo "Stop with deploy/local/down.sh"
  echo
  echo "Sign in: http://127.0.0.1:$gateway_port/app/sign-in  (Keycloak's login page; the local users and passwords:)"
  echo "  admin / admin-loss-review       (admin)"
  echo "  ops   / ops-loss-review         (ops)"
  echo "  ava   / ava-loss-review         (executive; also ben / ben-loss-review, cleo / cleo-loss-review)"
  echo "  Keycloak: http://127.0.0.1:${KEYCLOAK_PORT:-8180}/admin (keycloak / keycloak-local)"
  echo "API tokens: TOKEN=\$(deploy/local/dev-token.sh ops)   (admin | ops | ava | ben | cleo | billing-system; 15 minutes)"
}

# A demo year: the simulator publishes the last 12 months of billing and CRM churn events, as
# billing and CRM systems would, after churn-ingest got the FX rates. Same seed, same event ids:
# a second run only produces duplicates, which churn-ingest ignores. DEMO=0 skips it.
load_demo_year() {
  if [[ "${DEMO:-1}" == 0 ]]; then
    log "DEMO=0: no demo data loaded"
    return 0
  fi
  local jar="$REPO_ROOT/simulator/target/simulator.jar" dir="$LOCAL_DIR/demo" ingest_port
  [[ -f "$jar" ]] || die "simulator/target/simulator.jar is missing: run without SKIP_BUILD=1"
  IFS='|' read -r _ ingest_port _ <<<"${SERVICES[0]}"
  mkdir -p "$dir"
  log "loading a demo year (simulator, seed 42: a base of 12,000 customers, 300 lost a month for 12 months)"
  local first
  first=$(date -u -d "$(date -u +%Y-%m-01) -12 months" +%Y-%m-01)
  java -jar "$jar" --base-customers 12000 --dry-run --fx-out "$dir/fx.csv" --expected-out "$dir/expected.json" \
    --balance-out "$dir/balance.csv" >/dev/null
  icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$dir/fx.csv" \
    "http://127.0.0.1:$ingest_port/fx-rates" >/dev/null || die "churn-ingest refused the demo FX rates"
  icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$dir/balance.csv" \
    "http://127.0.0.1:$ingest_port/subscriptions/opening-balance?asOf=$first" >/dev/null \
    || die "churn-ingest refused the demo's opening balance"
  java -jar "$jar" --base-customers 12000 --bootstrap-servers "$KAFKA_BOOTSTRAP" --expected-out "$dir/expected.json" \
    | tail -n 1
  log "demo year published; the expected figures are in ${dir#"$REPO_ROOT"/}/expected.json"
  demo_review
}

# The demo's review: three executives on the roster and the newest month's packet, built once the
# analyzer has counted the whole year (its figures stop moving), so calls are assigned.
demo_review() {
  local analyzer_port scheduler_port month before="" now waited=0
  IFS='|' read -r _ analyzer_port _ <<<"${SERVICES[1]}"
  IFS='|' read -r _ scheduler_port _ <<<"${SERVICES[2]}"
  seed_demo_executives "$scheduler_port"
  while ((waited < 120)); do
    now=$(icurl defection-analyzer -fsS "http://127.0.0.1:$analyzer_port/trends" 2>/dev/null | md5sum)
    [[ -n "$before" && "$now" == "$before" ]] && break
    before=$now
    sleep 3
    waited=$((waited + 3))
  done
  month=$(icurl defection-analyzer -fsS "http://127.0.0.1:$analyzer_port/trends" | grep -oE '"to":"[0-9]{4}-[0-9]{2}"' | cut -d'"' -f4)
  [[ -n "$month" ]] || die "the analyzer has no month with losses"
  icurl review-scheduler -fsS -X POST "http://127.0.0.1:$scheduler_port/packets/$month" >/dev/null \
    || die "review-scheduler could not build the $month packet"
  log "demo review: executives ava, ben and cleo; packet $month built with their calls"
}

main() {
  local t0=$SECONDS entry name module port db
  require_cmd java curl
  ensure_dirs
  # Fail before touching PostgreSQL and Kafka when there is nothing to run.
  if [[ "${SKIP_BUILD:-}" == 1 ]]; then
    check_jars
  fi
  "$DEPLOY_DIR/postgres.sh"
  "$DEPLOY_DIR/kafka.sh" start
  build
  check_jars
  # People sign in with the identity provider: Keycloak, run like Kafka, with the loss-review realm.
  "$DEPLOY_DIR/keycloak.sh" start
  # The services' keys for the tokens they send each other (made once).
  ensure_internal_keys
  # Instance 1 of each service migrates its database alone; then the others join.
  for entry in "${INSTANCES[@]}"; do
    IFS='|' read -r name module port db <<<"$entry"
    [[ "$name" == "$module" ]] && start_service "$name" "$module" "$port" "$db"
  done
  wait_all_ready "${INSTANCES[@]:0:${#SERVICES[@]}}"
  if ((SCALE > 1)); then
    for entry in "${INSTANCES[@]:${#SERVICES[@]}}"; do
      IFS='|' read -r name module port db <<<"$entry"
      start_service "$name" "$module" "$port" "$db"
    done
    wait_all_ready "${INSTANCES[@]}"
  fi
  load_demo_year
  summary
  log "up in $((SECONDS - t0))s"
}

main "$@"
