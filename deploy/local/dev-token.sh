#!/usr/bin/env bash
# An API access token from the local identity provider (Keycloak, deploy/local/keycloak.sh), for curl:
#   deploy/local/dev-token.sh <admin|ops|ava|ben|cleo|billing-system>
#   (the role names work too: executive = ava, source-system = billing-system)
# People get theirs with their password (the realm's demo users, deploy/local/keycloak/loss-review-realm.json);
# billing-system, a source system, with its client credentials. Tokens last 15 minutes. In production,
# API clients get their tokens from the company's identity provider the same two ways.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=dev-token

WHO="${1:-}"
case "$WHO" in
  executive) WHO=ava ;;
  source-system) WHO=billing-system ;;
esac
TOKEN_URL="http://127.0.0.1:${KEYCLOAK_PORT:-8180}/realms/loss-review/protocol/openid-connect/token"
require_cmd curl
case "$WHO" in
  admin | ops | ava | ben | cleo)
    form=(-d grant_type=password -d client_id=loss-review-cli -d "username=$WHO" -d "password=$WHO-loss-review") ;;
  billing-system)
    form=(-d grant_type=client_credentials -d client_id=billing-system -d client_secret=billing-system-local-secret) ;;
  *) die "usage: deploy/local/dev-token.sh <admin|ops|ava|ben|cleo|billing-system>" ;;
esac
answer=$(curl -sS --max-time 20 "${form[@]}" "$TOKEN_URL") \
  || die "Keycloak does not answer at $TOKEN_URL: start it with deploy/local/keycloak.sh start"
token=$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$answer")
[[ -n "$token" ]] || die "Keycloak refused: $answer"
printf '%s\n' "$token"
