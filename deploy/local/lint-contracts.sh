#!/usr/bin/env bash
# Lints the contracts the platform publishes to outside clients, with independent tools pinned in
# deploy/lint (package.json, package-lock.json):
#   - the gateway's OpenAPI document, as the gateway's build wrote it (api-gateway/target/openapi/openapi.yaml,
#     quarkus.smallrye-openapi.store-schema-directory): Redocly CLI, rules in deploy/lint/redocly.yaml;
#   - contracts/src/main/resources/asyncapi.yaml: the official AsyncAPI parser, its $refs to the event
#     schemas resolved (deploy/lint/validate-asyncapi.cjs).
# Exits non-zero if either finds an error. Starts nothing: it reads what the Maven build produced.
# Installs the pinned tools (npm ci into deploy/lint/node_modules, git-ignored) when they are missing
# or do not match the lock file. Needs node (20.19 or newer) and npm.
#   deploy/local/lint-contracts.sh
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=lint

LINT_DIR="$REPO_ROOT/deploy/lint"
# Repo-relative, so every message names files as a person finds them.
OPENAPI=api-gateway/target/openapi/openapi.yaml
ASYNCAPI=contracts/src/main/resources/asyncapi.yaml
# What the pinned tools were installed from; a change to any of them means installing again.
STAMP="$LINT_DIR/node_modules/.lint-contracts.stamp"

require_cmd node npm
cd "$REPO_ROOT"

# Redocly CLI 2.x needs Node.js 20.19+ (its package's engines field).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "Node.js $(node --version) is too old for the linters: 20.19 or newer is needed"

tools_fingerprint() {
  cat "$LINT_DIR/package.json" "$LINT_DIR/package-lock.json" "$LINT_DIR/.npmrc" | sha256sum | cut -d' ' -f1
}

if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$(tools_fingerprint)" ]]; then
  log "installing the pinned linters: npm ci in deploy/lint"
  (cd "$LINT_DIR" && npm ci --no-audit --no-fund) || die "npm ci failed in deploy/lint"
  tools_fingerprint >"$STAMP"
fi

if [[ ! -f "$OPENAPI" ]]; then
  build="mvn -pl api-gateway -am package -DskipTests"
  [[ -x "$DEPLOY_DIR/mvn" ]] && build="deploy/local/mvn -pl api-gateway -am package -DskipTests"
  die "no $OPENAPI: the gateway's build writes it; build it with: $build (deploy/local/test.sh does too)"
fi
# An older document than the gateway's sources lints what was, not what is.
newer="$(find api-gateway/src/main -type f -newer "$OPENAPI" -print -quit)"
if [[ -n "$newer" ]]; then
  warn "$OPENAPI is older than $newer: rebuild the gateway to lint the current code"
fi

failed=()

# The installed version of a pinned tool, for the log.
version_of() {
  node -p 'require(process.argv[1]).version' "$LINT_DIR/node_modules/$1/package.json"
}

log "OpenAPI: Redocly CLI $(version_of @redocly/cli) lint $OPENAPI (rules: deploy/lint/redocly.yaml)"
# No usage data and no update check from a build.
if ! REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  "$LINT_DIR/node_modules/.bin/redocly" lint --config "$LINT_DIR/redocly.yaml" "$OPENAPI"; then
  failed+=("OpenAPI ($OPENAPI)")
fi

log "AsyncAPI: @asyncapi/parser $(version_of @asyncapi/parser) validate $ASYNCAPI"
if ! node "$LINT_DIR/validate-asyncapi.cjs" "$ASYNCAPI"; then
  failed+=("AsyncAPI ($ASYNCAPI)")
fi

if ((${#failed[@]} > 0)); then
  die "contract lint failed: ${failed[*]}"
fi
log "contract lint passed: OpenAPI and AsyncAPI documents have no errors"
