#!/usr/bin/env bash
# Local Keycloak 26 (the identity provider for single sign-on), run as its own process like Kafka.
#
#   deploy/local/keycloak.sh start    start it (or reuse whatever answers on the port) with the loss-review realm
#   deploy/local/keycloak.sh stop     stop it, if this script started it
#   deploy/local/keycloak.sh status   does it answer, and is it ours?
#
# The distribution is org.keycloak:keycloak-quarkus-dist (a zip on Maven Central), resolved by its
# coordinates into .local/keycloak/. It runs in development mode with its file database, listening on
# 127.0.0.1 only, and imports deploy/local/keycloak/loss-review-realm.json (four roles, the demo users,
# the web app's client). A changed realm file starts from a fresh database, so the file is the truth.
# Keycloak 26 needs Java 21 or newer: KEYCLOAK_JAVA_HOME, else the first JDK 21+ found (the default
# java, then the JDKs installed under /usr/lib/jvm).
#
# Env: KEYCLOAK_PORT (8180), KEYCLOAK_MANAGEMENT_PORT (9180), KEYCLOAK_VERSION (26.5.6),
# KEYCLOAK_START_TIMEOUT (180 s), KEYCLOAK_HEAP ("-Xms64m -Xmx512m").
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=keycloak

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9180}"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
KEYCLOAK_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
KC_DIR="$LOCAL_DIR/keycloak"
KC_HOME="$KC_DIR/keycloak-$KEYCLOAK_VERSION"
KC_LOG="$LOG_DIR/keycloak.log"
REALM_FILE="$DEPLOY_DIR/keycloak/loss-review-realm.json"
REALM_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/loss-review"

usage() {
  echo "usage: $0 start|stop|status" >&2
  exit 2
}

# Prints a JAVA_HOME whose java is 21 or newer: KEYCLOAK_JAVA_HOME, else the first found (lib.sh).
find_java_home() {
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then
    [[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ]] || die "KEYCLOAK_JAVA_HOME has no bin/java"
    echo "$KEYCLOAK_JAVA_HOME"
    return 0
  fi
  java_home_at_least 21 ||
    die "Keycloak 26 needs Java 21 or newer and none was found; install one (e.g. Debian's openjdk-21-jdk) or set KEYCLOAK_JAVA_HOME"
}

# Fetches the distribution by Maven coordinates and unpacks it (first run only).
ensure_dist() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  require_cmd unzip
  log "resolving org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION with Maven (first run only, ~160 MB)..."
  local out="$LOG_DIR/keycloak-resolve.log"
  mkdir -p "$KC_DIR"
  # Run from .local/keycloak (no pom there), so it is one plain download, not a goal of the project's build.
  if ! (cd "$KC_DIR" && "$MVN" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$KC_DIR") >"$out" 2>&1; then
    cat "$out" >&2
    die "could not resolve the Keycloak distribution (Maven output above, also in $out)"
  fi
  rm -rf "$KC_HOME.new"
  mkdir -p "$KC_HOME.new"
  unzip -q "$KC_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$KC_HOME.new"
  mv "$KC_HOME.new/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$KC_HOME.new" "$KC_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
}

# The realm file is imported into an empty database; when it changed, the old database goes.
prepare_realm() {
  local stamp="$KC_DIR/imported-realm.json"
  if [[ -f "$stamp" ]] && ! cmp -s "$REALM_FILE" "$stamp"; then
    log "the realm file changed: starting from a fresh Keycloak database"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/loss-review-realm.json"
  cp "$REALM_FILE" "$stamp"
}

realm_ready() {
  curl -fsS "$REALM_URL/.well-known/openid-configuration" >/dev/null 2>&1 && return 0
  if [[ -n "$(pid_of keycloak)" ]] && ! pid_alive keycloak; then
    return 2
  fi
  return 1
}

cmd_start() {
  local t0=$SECONDS java_home rc=0
  ensure_dirs
  mkdir -p "$KC_DIR"
  exec 9>"$KC_DIR/.start.lock"
  flock -w 300 9 || die "another keycloak.sh start holds $KC_DIR/.start.lock"
  if pid_alive keycloak && ! cmp -s "$REALM_FILE" "$KC_DIR/imported-realm.json"; then
    log "the realm file changed since our Keycloak started: restarting it with the new realm"
    stop_pid keycloak 30 >/dev/null
  fi
  if curl -fsS "$REALM_URL/.well-known/openid-configuration" >/dev/null 2>&1; then
    log "Keycloak already serves the loss-review realm on 127.0.0.1:$KEYCLOAK_PORT; reusing it"
    return 0
  fi
  if ! pid_alive keycloak; then
    if port_open 127.0.0.1 "$KEYCLOAK_PORT"; then
      die "port $KEYCLOAK_PORT is taken by something that is not Keycloak's loss-review realm; set KEYCLOAK_PORT"
    fi
    require_cmd curl
    java_home="$(find_java_home)"
    ensure_dist
    prepare_realm
    log "starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$KEYCLOAK_PORT (Java $(java_major "$java_home/bin/java"); log: ${KC_LOG#"$REPO_ROOT"/})"
    start_bg keycloak "$KC_LOG" env JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
      KC_BOOTSTRAP_ADMIN_USERNAME=keycloak KC_BOOTSTRAP_ADMIN_PASSWORD=keycloak-local \
      "$KC_HOME/bin/kc.sh" start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --health-enabled=true 9>&-
  else
    log "our Keycloak (pid $(pid_of keycloak)) is still starting; waiting for it"
  fi
  wait_for realm_ready "$KEYCLOAK_START_TIMEOUT" "Keycloak's loss-review realm on 127.0.0.1:$KEYCLOAK_PORT" || rc=$?
  if [[ $rc -ne 0 ]]; then
    tail_log "$KC_LOG" 40
    die "Keycloak did not become ready (log above: ${KC_LOG#"$REPO_ROOT"/})"
  fi
  log "Keycloak ready in $((SECONDS - t0))s: $REALM_URL (admin console: keycloak / keycloak-local)"
}

cmd_stop() {
  stop_pid keycloak 30 || log "Keycloak was not started by keycloak.sh (nothing to stop)"
}

cmd_status() {
  if realm_ready; then
    if pid_alive keycloak; then
      log "Keycloak serves the loss-review realm; started by keycloak.sh (pid $(pid_of keycloak))"
    else
      log "Keycloak serves the loss-review realm (not started by keycloak.sh)"
    fi
    return 0
  fi
  log "Keycloak does not serve the loss-review realm on 127.0.0.1:$KEYCLOAK_PORT"
  return 1
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage ;;
esac
