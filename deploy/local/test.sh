#!/usr/bin/env bash
# The project's test command (README; .ci/run execs it): brings up the local
# PostgreSQL and Kafka the tests talk to, runs the whole Maven build, then the
# simulated-year check (e2e-year.sh) through the real services and a short fault run (chaos.sh).
#   deploy/local/test.sh [extra mvn args...]   e.g. -pl churn-ingest -am
# Kafka is left running afterwards (deploy/local/kafka.sh stop stops it), so the
# next run doesn't pay its start-up again.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG="test"

T0=$SECONDS
# Printed on success and failure alike, so a slow or failing run shows its cost.
report_elapsed() {
  local rc=$? took=$((SECONDS - T0))
  log "total elapsed: $((took / 60))m $((took % 60))s (exit $rc)"
}
trap report_elapsed EXIT

require_cmd java mvn  # mvn: only to fetch the project's Maven 3.9 the first time (deploy/local/mvn)
"$DEPLOY_DIR/postgres.sh"
"$DEPLOY_DIR/kafka.sh" start

# The tests find the broker by KAFKA_PORT (the services' %test profile), as kafka.sh started it.

cd "$REPO_ROOT"
log "running: deploy/local/mvn -B verify $*"
"$MVN" -B verify "$@"
# The published contracts through independent linters: the OpenAPI document the gateway's build just wrote
# and contracts/asyncapi.yaml (deploy/lint pins the tools).
"$DEPLOY_DIR/lint-contracts.sh"
# The whole chain on a simulated year (needs every jar, so only after a full build), then the same
# under faults: instances, the broker and PostgreSQL killed mid-stream (a short run; chaos.sh runs 50).
if [[ $# -eq 0 ]]; then
  "$DEPLOY_DIR/e2e-year.sh"
  CHAOS_ROUNDS="${CHAOS_ROUNDS:-10}" "$DEPLOY_DIR/chaos.sh"
fi
