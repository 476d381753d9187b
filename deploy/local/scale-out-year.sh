#!/usr/bin/env bash
# The simulated year, scaled out (issue 19): a 3-node KRaft cluster (kafka.sh with BROKERS=3:
# replication factor 3, min.insync.replicas 2, beside the single broker on its own ports) and two
# instances of each consuming service (churn-ingest, defection-analyzer, review-scheduler: each pair
# in one consumer group, on fresh databases). One broker, picked at random, is SIGKILLed a third of
# the way through publishing and started again while the year is still being published. Then the
# analyzer's month figures must equal the simulator's truth to the cent, and every inbound event be
# applied or rejected exactly once (chaos.sh's checks: this is its CHAOS_FAULTS=broker mode on the
# cluster). The api-gateway, which has no Kafka client, is not part of it (SCALE=2 up.sh runs two).
#
# Env: SCALE_OUT_CUSTOMERS_PER_MONTH (300: e2e-year.sh's year, about 18,100 events),
#      SCALE_OUT_PUBLISH_SECONDS (90: the year's publishing time), CHAOS_SEED (which node dies).
# A cluster this script started is stopped at the end; one already running is left running.
# Not in .ci/run (test.sh): it adds minutes. Needs the jars (deploy/local/mvn -B -DskipTests package).
set -euo pipefail

# Before lib.sh: it derives every client's bootstrap list from BROKERS.
export BROKERS=3
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=scale-out

PUBLISH_SECONDS="${SCALE_OUT_PUBLISH_SECONDS:-90}"
T0=$SECONDS
started_cluster=false

finish() {
  local rc=$? took=$((SECONDS - T0))
  if [[ $started_cluster == true ]]; then
    "$DEPLOY_DIR/kafka.sh" stop >/dev/null || true
    log "stopped the 3-node cluster this run started"
  fi
  log "scale-out year: $( ((rc == 0)) && echo passed || echo FAILED) in $((took / 60))m $((took % 60))s (exit $rc)"
}
trap finish EXIT

pid_alive kafka-1 || pid_alive kafka-2 || pid_alive kafka-3 || started_cluster=true
# A node restarting on a busy 2-core machine can take longer than the default 90 s.
export KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-180}"
"$DEPLOY_DIR/kafka.sh" start
# One round: the kill falls a third of the way through publishing (PAUSE), the node is down for its
# restart (20-30 s here) while the others lead, and the year goes on after it is back. Seven JVMs and
# three brokers on two cores: the analyzer's first start (training its model) takes minutes here.
CHAOS_START_TIMEOUT="${CHAOS_START_TIMEOUT:-600}" CHAOS_FAULTS=broker CHAOS_ROUNDS=1 CHAOS_PAUSE=$((PUBLISH_SECONDS / 3)) CHAOS_PUBLISH_SECONDS="$PUBLISH_SECONDS" \
  CHAOS_CUSTOMERS_PER_MONTH="${SCALE_OUT_CUSTOMERS_PER_MONTH:-300}" "$DEPLOY_DIR/chaos.sh"
