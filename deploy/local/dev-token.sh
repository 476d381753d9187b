#!/usr/bin/env bash
# Mints a signed bearer token for local use:   deploy/local/dev-token.sh <role> [user]
#   role: admin | ops | executive | source-system      user: the token's upn (default <role>.dev)
# The dev key pair is made on first use under .local/jwt/ (git-ignored, never committed); up.sh
# points the gateway at its public key. Tokens last 8 hours. In production the gateway verifies the
# identity provider's tokens instead (JWT_PUBLIC_KEY_LOCATION / JWT_ISSUER).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROLE="${1:-}"
case "$ROLE" in
  admin | ops | executive | source-system) ;;
  *) die "usage: deploy/local/dev-token.sh <admin|ops|executive|source-system> [user]" ;;
esac
USER_NAME="${2:-$ROLE.dev}"
KEYS="$LOCAL_DIR/jwt"
require_cmd openssl

if [[ ! -f "$KEYS/private.pem" ]]; then
  mkdir -p "$KEYS"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/private.pem" 2>/dev/null
  openssl pkey -in "$KEYS/private.pem" -pubout -out "$KEYS/public.pem"
  chmod 600 "$KEYS/private.pem"
fi

now=$(date +%s)
header='{"alg":"RS256","typ":"JWT"}'
payload=$(printf '{"iss":"https://loss-review.local","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$USER_NAME" "$USER_NAME" "$ROLE" "$now" $((now + 28800)) "$(openssl rand -hex 8)")
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$KEYS/private.pem" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
