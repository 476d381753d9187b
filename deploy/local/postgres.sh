#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL answers and has the Loss Review role and
# databases. Safe to run any number of times. It never stops PostgreSQL: that
# is the machine's service, not ours.
#
# Env: PGHOST (127.0.0.1), PGPORT (5432), DB_USER / DB_PASSWORD (lossreview / lossreview).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=postgres

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
DB_USER="${DB_USER:-lossreview}"
DB_PASSWORD="${DB_PASSWORD:-lossreview}"
# One database per service, plus one per service for its tests.
DATABASES=(ingest analyzer scheduler gateway ingest_test analyzer_test scheduler_test gateway_test)

# No password prompt may ever wait for input (CI has no stdin).
export PGCONNECT_TIMEOUT=5

is_ready() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PGHOST" -p "$PGPORT"
}

is_local_host() {
  [[ "$PGHOST" == 127.0.0.1 || "$PGHOST" == localhost || "$PGHOST" == ::1 ]]
}

install_server() {
  log "no PostgreSQL server installed; installing Debian's postgresql package (a few minutes)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Prints the version of the cluster to start: the one on $PGPORT, else the first.
pick_cluster_version() {
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PGPORT" '
    $2 == "main" && first == "" { first = $1 }
    $2 == "main" && $3 == port  { print $1; found = 1; exit }
    END { if (!found && first != "") print first }'
}

# Prints the major version of the newest installed server package (postgresql-15 -> 15).
installed_server_version() {
  dpkg-query -W -f='${Package} ${Status}\n' 'postgresql-[0-9]*' 2>/dev/null \
    | awk '$NF == "installed" && $1 ~ /^postgresql-[0-9.]+$/ { sub(/^postgresql-/, "", $1); print $1 }' \
    | sort -V | tail -n1
}

start_server() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z "$(installed_server_version)" ]]; then
    install_server
  fi
  local version
  version="$(pick_cluster_version)"
  if [[ -z "$version" ]]; then
    # Server installed but no cluster (it was dropped): make the default one.
    version="$(installed_server_version)"
    [[ -n "$version" ]] || die "no PostgreSQL server package found even after installing one"
    log "creating cluster $version/main on port $PGPORT"
    as_root pg_createcluster --port "$PGPORT" "$version" main >/dev/null
  fi
  log "starting PostgreSQL cluster $version/main"
  # --skip-systemctl-redirect: these machines have no systemd to redirect to.
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start \
    || pg_lsclusters # a cluster already "online" on another port makes start fail; show why
  if ! wait_for is_ready 30 "PostgreSQL on $PGHOST:$PGPORT"; then
    pg_lsclusters >&2 || true
    die "PostgreSQL did not come up (its log file is listed above)"
  fi
}

# Superuser access: TCP as postgres (trust auth on these machines), else the
# local socket as the postgres OS user (peer auth, Debian's default).
SUPER_MODE=""
detect_superuser() {
  if psql -X -w -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    SUPER_MODE=tcp
  elif is_local_host && as_postgres_os_user psql -X -w -p "$PGPORT" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    SUPER_MODE=socket
    log "TCP login as postgres refused; using the local socket as the postgres OS user"
  else
    die "cannot connect to PostgreSQL as superuser 'postgres' (tried TCP $PGHOST:$PGPORT and the local socket)"
  fi
}

as_postgres_os_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    # runuser passes argv through untouched (su -c would need quoting).
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres "$@"
  fi
}

# psql_super [psql args...]: runs psql as superuser, SQL on stdin, stops at the first error.
psql_super() {
  if [[ "$SUPER_MODE" == tcp ]]; then
    psql -X -q -w -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres "$@"
  else
    as_postgres_os_user psql -X -q -w -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres "$@"
  fi
}

provision() {
  local dbs
  dbs="$(IFS=,; echo "${DATABASES[*]}")"
  log "ensuring role $DB_USER and databases: ${DATABASES[*]}"
  # \gexec runs each generated statement on its own: CREATE DATABASE cannot run
  # inside a DO block. %I/%L quote names and the password safely.
  psql_super -v user="$DB_USER" -v pass="$DB_PASSWORD" -v dbs="$dbs" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pass')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
-- An existing role gets the current password and rights too (DB_PASSWORD may have changed).
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pass') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user')
  FROM unnest(string_to_array(:'dbs', ',')) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d.datname, :'user')
  FROM pg_database d
 WHERE d.datname = ANY (string_to_array(:'dbs', ','))
   AND pg_get_userbyid(d.datdba) <> :'user' \gexec
SQL
}

verify_login() {
  if ! PGPASSWORD="$DB_PASSWORD" psql -X -w -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" -d "${DATABASES[0]}" \
    -tAc 'select 1' >/dev/null; then
    die "role $DB_USER cannot log in to ${DATABASES[0]} over TCP (check pg_hba.conf)"
  fi
}

main() {
  if is_ready; then
    log "PostgreSQL answers on $PGHOST:$PGPORT"
  elif is_local_host; then
    start_server
  else
    die "PostgreSQL on $PGHOST:$PGPORT does not answer (and it is not local, so we cannot start it)"
  fi
  require_cmd psql
  detect_superuser
  provision
  verify_login
  log "ready: jdbc:postgresql://$PGHOST:$PGPORT/<db> as $DB_USER (databases: ${DATABASES[*]})"
}

main "$@"
