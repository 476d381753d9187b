#!/usr/bin/env bash
# Stops what deploy/local/up.sh, kafka.sh and keycloak.sh started: the four services (every
# instance of a SCALE=N run), then Keycloak and Kafka (the single broker and BROKERS=3's nodes). Only processes whose pid file we wrote are touched; anything else on
# those ports is left alone. PostgreSQL is the machine's service: never stopped.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=down

stopped=()
# The gateway first: it calls the others, so it goes before them.
for service in api-gateway review-scheduler defection-analyzer churn-ingest; do
  # Instance 1 is the service's name, instance K of a SCALE=N run NAME-K.
  for name in "$service" "$service"-{2..9}; do
    if stop_pid "$name" 30; then
      stopped+=("$name")
    fi
  done
done

if pid_alive keycloak; then
  "$DEPLOY_DIR/keycloak.sh" stop
  stopped+=(keycloak)
fi

# Services go before Kafka so they can commit offsets and close cleanly.
if pid_alive kafka; then
  BROKERS=1 "$DEPLOY_DIR/kafka.sh" stop
  stopped+=(kafka)
fi
if pid_alive kafka-1 || pid_alive kafka-2 || pid_alive kafka-3; then
  BROKERS=3 "$DEPLOY_DIR/kafka.sh" stop
  stopped+=("the 3-node Kafka cluster")
fi

if ((${#stopped[@]} > 0)); then
  log "stopped: ${stopped[*]}"
else
  log "nothing to stop: no service, Keycloak or Kafka started by these scripts is running"
fi
log "PostgreSQL left running (it is the machine's service)"
