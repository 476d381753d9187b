#!/usr/bin/env bash
# The simulated-year check: a year of simulator events goes through the real broker, churn-ingest,
# defection-analyzer and review-scheduler (each on its own port, database and topics), then
# `simulator verify-analysis` compares the analyzer's month figures with the simulator's truth
# (month totals to the cent, per-cause customers against the causes the records state) and
# `simulator verify-packet` builds December's packet and checks its headline figures, that a
# rebuild changes nothing, and that HTML and PDF are served. Last, the e2e-tests module drives the
# web app in a real headless Chromium and checks contact masking. test.sh runs it after Maven.
#
# The year has a customer base of 40 times the monthly losses (opening balance, new customers,
# expansions, contractions, partial cancellations): its base, movements and rates are checked too.
# Env: E2E_CUSTOMERS_PER_MONTH (300), E2E_KEEP=1 keeps the services, databases and topics.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=e2e

PER_MONTH="${E2E_CUSTOMERS_PER_MONTH:-300}"
BASE=$((PER_MONTH * 40)) # about 2.5% of the customers lost a month
PREFIX="e2e-$(date +%s)."
WORK="$LOCAL_DIR/e2e"
SIM_JAR="$REPO_ROOT/simulator/target/simulator.jar"

cleanup() {
  if [[ "${E2E_KEEP:-}" != 1 ]]; then
    stop_pid e2e-ingest 30 >/dev/null 2>&1 || true
    stop_pid e2e-analyzer 30 >/dev/null 2>&1 || true
    stop_pid e2e-scheduler 30 >/dev/null 2>&1 || true
    stop_pid e2e-gateway 30 >/dev/null 2>&1 || true
    pg_sql postgres "drop database if exists gateway_e2e" 2>/dev/null || true
    pg_sql postgres "drop database if exists scheduler_e2e" 2>/dev/null || true
    pg_sql postgres "drop database if exists ingest_e2e" 2>/dev/null || true
    pg_sql postgres "drop database if exists analyzer_e2e" 2>/dev/null || true
  fi
}
trap cleanup EXIT

ensure_dirs
"$DEPLOY_DIR/postgres.sh" >/dev/null
"$DEPLOY_DIR/kafka.sh" start
"$DEPLOY_DIR/keycloak.sh" start
for jar in churn-ingest/target/quarkus-app/quarkus-run.jar defection-analyzer/target/quarkus-app/quarkus-run.jar \
  review-scheduler/target/quarkus-app/quarkus-run.jar api-gateway/target/quarkus-app/quarkus-run.jar \
  simulator/target/simulator.jar; do
  [[ -f "$REPO_ROOT/$jar" ]] || die "$jar is missing: build first (deploy/local/mvn -B -DskipTests package)"
done

log "fresh databases and topics ${PREFIX}*"
fresh_db ingest_e2e
fresh_db analyzer_e2e
fresh_db scheduler_e2e
fresh_db gateway_e2e
create_prefixed_topics "$PREFIX" "$WORK"

log "generating a year: $PER_MONTH lost customers a month"
java -jar "$SIM_JAR" --from 2025-01 --months 12 --customers-per-month "$PER_MONTH" --base-customers "$BASE" --dry-run \
  --expected-out "$WORK/expected.json" --fx-out "$WORK/fx.csv" --balance-out "$WORK/balance.csv" >/dev/null

start_service_on e2e-ingest churn-ingest 18381 ingest_e2e "$PREFIX" -Xmx512m
start_service_on e2e-analyzer defection-analyzer 18382 analyzer_e2e "$PREFIX" "$ANALYZER_MAX_HEAP"
start_service_on e2e-scheduler review-scheduler 18383 scheduler_e2e "$PREFIX" -Xmx512m \
  -Dquarkus.rest-client.analyzer.url=http://127.0.0.1:18382
start_service_on e2e-gateway api-gateway 18380 gateway_e2e "$PREFIX" -Xmx384m \
  -Dquarkus.rest-client.analyzer.url=http://127.0.0.1:18382 -Dquarkus.rest-client.scheduler.url=http://127.0.0.1:18383 \
  -Dquarkus.rest-client.ingest.url=http://127.0.0.1:18381
seed_demo_executives 18383
icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$WORK/fx.csv" http://127.0.0.1:18381/fx-rates >/dev/null
log "loading the opening balance of $BASE customers as of 2025-01-01"
icurl churn-ingest -fsS -X PUT -H 'Content-Type: text/csv' --data-binary "@$WORK/balance.csv" \
  "http://127.0.0.1:18381/subscriptions/opening-balance?asOf=2025-01-01" >/dev/null

log "publishing the year"
java -jar "$SIM_JAR" --from 2025-01 --months 12 --customers-per-month "$PER_MONTH" --base-customers "$BASE" \
  --bootstrap-servers "$KAFKA_BOOTSTRAP" --topic-prefix "$PREFIX" --expected-out "$WORK/expected.json"

log "comparing the analyzer's figures with the simulator's truth"
java -jar "$SIM_JAR" verify-analysis --expected "$WORK/expected.json" --analyzer-url http://127.0.0.1:18382 \
  --token "$(internal_token defection-analyzer)"
log "the same month through the api-gateway, with an ops token and without one"
direct=$(icurl defection-analyzer -fsS http://127.0.0.1:18382/months/2025-12/summary)
routed=$(curl -fsS -H "Authorization: Bearer $("$DEPLOY_DIR/dev-token.sh" ops)" \
  http://127.0.0.1:18380/api/v1/months/2025-12/summary)
[[ "$direct" == "$routed" ]] || die "the gateway's answer differs from the analyzer's"
anonymous=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18380/api/v1/months/2025-12/summary)
[[ "$anonymous" == 401 ]] || die "an anonymous call answered $anonymous, not 401"
log "gateway: same figures as the analyzer for an ops token, 401 without a token"
# verify-analysis has held every month's base to the truth on the analyzer; the gateway serves the same.
base_direct=$(icurl defection-analyzer -fsS http://127.0.0.1:18382/months/2025-12/base)
base_routed=$(curl -fsS -H "Authorization: Bearer $("$DEPLOY_DIR/dev-token.sh" ops)" http://127.0.0.1:18380/api/v1/months/2025-12/base)
[[ "$base_direct" == "$base_routed" ]] || die "the gateway's month base differs from the analyzer's"
grep -q '"known":true' <<<"$base_routed" || die "the month base of 2025-12 is not known: $base_routed"
log "month base through the gateway: the analyzer's, known, with rates"
log "building December's packet on review-scheduler"
java -jar "$SIM_JAR" verify-packet --expected "$WORK/expected.json" --scheduler-url http://127.0.0.1:18383 --month 2025-12 \
  --token "$(internal_token review-scheduler)"
log "a late December cancellation, then a rebuild: revision 2 says what changed"
before=$(icurl defection-analyzer -fsS http://127.0.0.1:18382/months/2025-12/summary | grep -oE '"customers":[0-9]+' | head -1 | cut -d: -f2)
late='{"specversion":"1.0","id":"e2e-late-1","source":"/e2e/billing","type":"billing.subscription-cancelled",'
late+='"datacontenttype":"application/json","data":{"customerId":"cus_e2e_late","subscriptionId":"sub_e2e_late",'
late+='"seats":2,"mrr":{"amount":"100.00","currency":"USD"},"cancelledAt":"2025-12-20T10:00:00Z","reasonCode":"too_expensive"}}'
icurl churn-ingest -fsS -X POST -H 'Content-Type: application/cloudevents+json' --data "$late" http://127.0.0.1:18381/events >/dev/null
wait_for "icurl defection-analyzer -fsS http://127.0.0.1:18382/months/2025-12/summary | grep -q '\"customers\":$((before + 1)),'" 60 \
  "the analyzer to count the late cancellation"
rebuilt=$(icurl review-scheduler -fsS -X POST http://127.0.0.1:18383/packets/2025-12)
grep -q '"revision":2' <<<"$rebuilt" || die "the rebuild with new data is not revision 2"
grep -q "Customers lost: $before → $((before + 1))" <<<"$rebuilt" || die "revision 2 does not say what changed"
log "revision 2 built; it says: Customers lost: $before → $((before + 1))"
log "an executive sees only their own calls through the gateway"
ops_token=$("$DEPLOY_DIR/dev-token.sh" ops)
ava_token=$("$DEPLOY_DIR/dev-token.sh" ava)
mine=$(curl -fsS -H "Authorization: Bearer $ava_token" http://127.0.0.1:18380/api/v1/me/assignments)
all_mine=$(grep -o '"executiveId":"[^"]*"' <<<"$mine" | sort -u)
[[ "$all_mine" == '"executiveId":"ava"' ]] || die "ava's own list holds other executives' calls: $all_mine"
others=$(curl -fsS -H "Authorization: Bearer $ops_token" "http://127.0.0.1:18380/api/v1/assignments?month=2025-12")
ben_call=$(grep -oE '"id":"[0-9a-f-]{36}","month":"[0-9-]+","defectionId":"[0-9a-f-]{36}","customerId":"[^"]*","executiveId":"ben"' \
  <<<"$others" | head -1 | cut -d'"' -f4)
[[ -n "$ben_call" ]] || die "no call of ben's to test with"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ava_token" "http://127.0.0.1:18380/api/v1/assignments/$ben_call")
[[ "$status" == 404 ]] || die "ava reading ben's call answered $status, not 404"
dashboard=$(curl -fsS -H "Authorization: Bearer $ava_token" http://127.0.0.1:18380/api/v1/months/2025-12/dashboard)
grep -q '"calls":{"assigned":9' <<<"$dashboard" || die "the dashboard does not show the 9 assigned calls: ${dashboard:0:300}"
grep -q '"customers":289' <<<"$dashboard" || die "the dashboard does not show the month's 289 customers"
log "gateway: ava's list has only her calls ($(grep -o '"executiveId"' <<<"$mine" | wc -l)); ben's call is a 404 for her"

log "a token of another application of the same identity provider is refused (audience)"
other_app=$(curl -sS -d grant_type=client_credentials -d client_id=other-app -d client_secret=other-app-local-secret \
  "http://127.0.0.1:${KEYCLOAK_PORT:-8180}/realms/loss-review/protocol/openid-connect/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[[ -n "$other_app" ]] || die "Keycloak gave other-app no token"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $other_app" http://127.0.0.1:18380/api/v1/months/2025-12/summary)
[[ "$status" == 401 ]] || die "a token issued for another application (an admin's, no loss-review-api audience) answered $status"
log "other-app's admin token: 401"

log "the web app in headless Chromium, and contact masking, against these services (e2e-tests)"
ensure_browser
"$MVN" -B -q -f "$REPO_ROOT/e2e-tests/pom.xml" -Pe2e verify -Dgateway.url=http://127.0.0.1:18380 -Dreview.month=2025-12 \
  -Dtoken.executive="$ava_token" -Dtoken.other-executive="$("$DEPLOY_DIR/dev-token.sh" ben)" \
  -Dother-executive.id=ben -Dtoken.ops="$ops_token" -Dtoken.admin="$("$DEPLOY_DIR/dev-token.sh" admin)" \
  -Dtoken.source-system="$("$DEPLOY_DIR/dev-token.sh" billing-system)" \
  -Dsignin.executive=ava:ava-loss-review -Dsignin.ops=ops:ops-loss-review -Dsignin.admin=admin:admin-loss-review \
  -Dbrowser.binary="$(command -v chromium)" -Dbrowser.driver="$(command -v chromedriver)" \
  || die "the end-to-end tests failed (reports: e2e-tests/target/failsafe-reports)"
log "browser and masking tests passed; screenshots in e2e-tests/target/screenshots/"

log "rate limit: one caller's requests beyond the per-minute limit get 429 with Retry-After"
limited_token=$("$DEPLOY_DIR/dev-token.sh" cleo)
# One curl, many requests on one connection; a 400 route, so only the gateway works. Twice the limit
# guarantees a full window is crossed even if a minute boundary falls inside the run.
mapfile -t urls < <(for _ in $(seq 1 1250); do echo "-o /dev/null http://127.0.0.1:18380/api/v1/months/2025-13/summary"; done)
# shellcheck disable=SC2068 # each element is two curl words
codes=$(curl -s -D "$WORK/limit.headers" -w '%{http_code}\n' -H "Authorization: Bearer $limited_token" ${urls[@]})
[[ $(grep -c '^429$' <<<"$codes") -gt 0 ]] || die "1,250 requests in a row never got a 429"
[[ $(grep -c '^400$' <<<"$codes") -ge 600 ]] || die "fewer than the 600 allowed requests got through"
# The first 429's header block (awk reads the file itself: no pipe to cut short under pipefail).
refusal=$(awk '/^HTTP\/1.1 429/ {p = 1} p {print} p && /^\r?$/ {exit}' "$WORK/limit.headers")
grep -qi '^retry-after: [0-9]' <<<"$refusal" || die "the 429 has no Retry-After"
grep -qi '^content-type: application/problem+json' <<<"$refusal" || die "the 429 is not problem+json"
other=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ops_token" http://127.0.0.1:18380/api/v1/months/2025-13/summary)
[[ "$other" == 400 ]] || die "another caller was limited too ($other)"
log "rate limit: $(grep -c '^400$' <<<"$codes") allowed, $(grep -c '^429$' <<<"$codes") refused with 429; other callers unaffected"

log "defection-analyzer stops: the gateway must answer 503 problem+json with Retry-After"
stop_pid e2e-analyzer 30 >/dev/null
outage=$(curl -s -D "$WORK/outage.headers" -H "Authorization: Bearer $ops_token" http://127.0.0.1:18380/api/v1/months/2025-12/summary)
grep -q '^HTTP/1.1 503' "$WORK/outage.headers" || die "the analyzer down did not make a 503: $(head -1 "$WORK/outage.headers")"
grep -qi '^retry-after: ' "$WORK/outage.headers" || die "the 503 has no Retry-After"
grep -qi '^content-type: application/problem+json' "$WORK/outage.headers" || die "the 503 is not problem+json"
grep -q 'defection-analyzer is not available' <<<"$outage" || die "the 503 does not say which service: $outage"
grep -q 'Exception\|at io\.' <<<"$outage" && die "the 503 leaks internals: $outage"
log "gateway with the analyzer down: 503, Retry-After, problem+json naming the service"
