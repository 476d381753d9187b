# shellcheck shell=bash
# Helpers shared by the deploy/local/*.sh scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# All runtime state lives under the git-ignored .local/ at the repo root.

# Sourced twice (a script sourcing another)? Keep the first definitions.
if [[ -n "${LR_LIB_LOADED:-}" ]]; then
  return 0
fi
LR_LIB_LOADED=1

# deploy/local/lib.sh -> repo root is two levels up; resolved physically so the
# paths we put on command lines (and later match against /proc) are stable.
REPO_ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck disable=SC2034
DEPLOY_DIR="$REPO_ROOT/deploy/local"
LOCAL_DIR="$REPO_ROOT/.local"
# The project's Maven (3.9; fetched once by the script itself): the scripts never call a bare `mvn`.
# shellcheck disable=SC2034
MVN="$DEPLOY_DIR/mvn"
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/pids"
export REPO_ROOT
# The analyzer keeps its trained text models here: each fresh database of a demo, test or benchmark loads the model
# trained from the same rows instead of training it again (README, TEXT_MODEL_CACHE).
export TEXT_MODEL_CACHE="${TEXT_MODEL_CACHE-$LOCAL_DIR/text-models}"

ensure_dirs() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
}

# Progress messages go to stdout with a time stamp and the script's tag, so a
# person (or a CI log) can follow which step is running.
log() {
  printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "${LOG_TAG:-local}" "$*"
}

warn() {
  log "WARNING: $*" >&2
}

die() {
  log "ERROR: $*" >&2
  exit 1
}

require_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is not installed or not on PATH"
  done
}

# Runs a command as root: directly when we are root, else via non-interactive sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# port_open HOST PORT: true if something accepts TCP connections there.
# bash's /dev/tcp needs no extra tools; `timeout` guards against a connect that hangs.
port_open() {
  # shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# wait_for CMD TIMEOUT_SECONDS WHAT
# Evaluates CMD (a string) until it succeeds. Exit status 1 means "not yet";
# any status >= 2 means "give up now" (e.g. the process we wait for died), so a
# crash is reported at once instead of after the whole timeout.
wait_for() {
  local cmd=$1 timeout=$2 what=$3
  local start=$SECONDS next_note=$((SECONDS + 10)) rc
  while true; do
    rc=0
    eval "$cmd" || rc=$?
    if [[ $rc -eq 0 ]]; then
      return 0
    fi
    if [[ $rc -ge 2 ]]; then
      log "gave up waiting for $what"
      return 2
    fi
    if ((SECONDS - start >= timeout)); then
      log "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    if ((SECONDS >= next_note)); then
      log "still waiting for $what ($((SECONDS - start))s of ${timeout}s)"
      next_note=$((SECONDS + 10))
    fi
    sleep 1
  done
}

# ---- pid files: we only ever stop processes whose pid file we wrote ----------

pid_file() {
  printf '%s/%s.pid\n' "$PID_DIR" "$1"
}

# Prints the recorded pid of NAME (empty if none).
pid_of() {
  local f
  f="$(pid_file "$1")"
  if [[ -f "$f" ]]; then
    head -n1 "$f" | tr -dc '0-9'
  fi
}

# proc_running PID: alive and not a zombie (an exited child can linger as a
# zombie until init reaps it; it must not count as running).
proc_running() {
  kill -0 "$1" 2>/dev/null || return 1
  ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# pid_alive NAME: true if NAME's pid file points at a live process of this
# checkout. Every process we start has $REPO_ROOT (or $SERVICES_FROM, below) on its command line; checking
# that keeps a recycled pid (after a reboot, say) from being taken for ours.
# A stale pid file is removed.
pid_alive() {
  local pid
  pid="$(pid_of "$1")"
  if [[ -n "$pid" ]] && proc_running "$pid" \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -e "$REPO_ROOT" -e "${SERVICES_FROM:-$REPO_ROOT}"; then
    return 0
  fi
  rm -f "$(pid_file "$1")"
  return 1
}

# start_bg NAME LOGFILE CMD [ARGS...]
# Starts CMD detached from this shell (nohup, stdin from /dev/null, output to
# LOGFILE, so no pipe of ours is held open: CI's shell can exit while it runs)
# and records its pid. Prefix CMD with `env VAR=value` to set its environment.
# The previous run's log is kept as LOGFILE.1, so a failure's log tail shows
# this run only.
start_bg() {
  local name=$1 logfile=$2
  shift 2
  ensure_dirs
  if [[ -s "$logfile" ]]; then
    mv -f "$logfile" "$logfile.1"
  fi
  printf '===== %s: starting %s =====\n' "$(date '+%F %T')" "$name" >"$logfile"
  nohup "$@" </dev/null >>"$logfile" 2>&1 &
  echo "$!" >"$(pid_file "$name")"
}

# stop_pid NAME [TIMEOUT_SECONDS]
# TERM, wait (default 30 s), then KILL the process of NAME's pid file; removes
# the pid file. Returns 1 if there was nothing of ours to stop.
stop_pid() {
  local name=$1 timeout=${2:-30} pid waited=0
  if ! pid_alive "$name"; then
    return 1
  fi
  pid="$(pid_of "$name")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while proc_running "$pid" && ((waited < timeout * 5)); do
    sleep 0.2
    waited=$((waited + 1))
  done
  if proc_running "$pid"; then
    warn "$name (pid $pid) still running after ${timeout}s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "$name")"
  log "stopped $name"
  return 0
}

# tail_log FILE [LINES]: last lines of a log, for failure messages.
tail_log() {
  local file=$1 lines=${2:-40}
  if [[ -f "$file" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    printf 'no log file at %s\n' "$file" >&2
  fi
}

# ---- the Kafka the scripts talk to: the single broker, or a local cluster -----------------------

# BROKERS=1 (the default): kafka.sh's single broker on KAFKA_PORT (9092). BROKERS=3: a KRaft cluster
# of three nodes on this machine (kafka.sh start), node N on KAFKA_CLUSTER_PORT + 10*(N-1) (19092,
# 19102, 19112; its controller one port up), so it can run beside the single broker.
BROKERS="${BROKERS:-1}"
[[ "$BROKERS" =~ ^[1-9]$ ]] || die "BROKERS must be 1 to 9, not '$BROKERS'"
KAFKA_CLUSTER_PORT="${KAFKA_CLUSTER_PORT:-19092}"

# kafka_node_port N: the client port of the cluster's node N.
kafka_node_port() { echo $((KAFKA_CLUSTER_PORT + 10 * ($1 - 1))); }

# KAFKA_BOOTSTRAP: every broker's address, for every client (services, simulator, admin tools).
if ((BROKERS == 1)); then
  KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT:-9092}"
else
  KAFKA_BOOTSTRAP=""
  for ((node = 1; node <= BROKERS; node++)); do
    KAFKA_BOOTSTRAP+="${KAFKA_BOOTSTRAP:+,}127.0.0.1:$(kafka_node_port "$node")"
  done
  unset node
fi

# kafka_answers: every broker of KAFKA_BOOTSTRAP accepts connections.
kafka_answers() {
  local address
  for address in ${KAFKA_BOOTSTRAP//,/ }; do
    port_open "${address%:*}" "${address##*:}" || return 1
  done
}

# The admin tools' JVM; LocalTopics waits for all BROKERS to register before it creates topics.
KAFKA_TOOLS_JAVA=(java -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/tools-log4j2.properties"
  -Dlocal.topics.min-brokers="$BROKERS" -cp "$LOCAL_DIR/kafka/libs/*:$LOCAL_DIR/kafka/classes")

# ---- throwaway platforms (benchmarks, the simulated-year check) ---------------

# pg_sql DB SQL: one statement as the platform's user, unaligned output.
pg_sql() {
  psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${DB_USER:-lossreview}" -d "$1" -Atqc "$2"
}

# fresh_db DB: drops and creates an empty database.
fresh_db() {
  pg_sql postgres "drop database if exists $1" && pg_sql postgres "create database $1"
}

# create_prefixed_topics PREFIX WORKDIR: every contract topic, named PREFIX<topic>.
create_prefixed_topics() {
  local prefix=$1 dir=$2
  mkdir -p "$dir"
  sed "2,\$s/^/$prefix/" "$REPO_ROOT/contracts/src/main/resources/topics.csv" >"$dir/topics.csv"
  "${KAFKA_TOOLS_JAVA[@]}" LocalTopics "$KAFKA_BOOTSTRAP" "$dir/topics.csv" 60
}

# delete_prefixed_topics PREFIX: drops a benchmark's topics, so runs do not pile up gigabytes and
# hundreds of partitions on the broker.
delete_prefixed_topics() {
  "${KAFKA_TOOLS_JAVA[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --delete --if-exists --topic "^${1//./\\.}.*"
}

# shellcheck source-path=SCRIPTDIR source=java.sh
source "$DEPLOY_DIR/java.sh"

# ---- internal authentication: the services' keys and the local operator's tokens ------------

# The keys the services sign their calls to each other with, and the JWKS they all trust (made once;
# git-ignored). "operator" is this machine's scripts: their calls to a service carry its tokens.
# In production only the api-gateway's and review-scheduler's keys are trusted (docs/operations.md).
INTERNAL_KEYS_DIR="$LOCAL_DIR/keys"
export INTERNAL_KEYS_DIR

ensure_internal_keys() {
  [[ -f "$INTERNAL_KEYS_DIR/internal-jwks.json" && -f "$INTERNAL_KEYS_DIR/operator.private.pem" ]] && return 0
  require_cmd java
  log "making the internal signing keys in ${INTERNAL_KEYS_DIR#"$REPO_ROOT"/} (first run only)" >&2
  java "$REPO_ROOT/service-common/src/main/java/io/lossreview/common/security/InternalKeyFiles.java" \
    "$INTERNAL_KEYS_DIR" api-gateway review-scheduler operator >/dev/null
}

# internal_token SERVICE: a bearer token for that service (its audience) as the operator, valid ~10 minutes.
internal_token() {
  local audience=$1 now header payload unsigned signature
  ensure_internal_keys
  require_cmd openssl
  now=$(date +%s)
  header='{"alg":"RS256","typ":"JWT","kid":"operator"}'
  payload=$(printf '{"iss":"loss-review-internal","sub":"operator","upn":"operator","groups":["service"],"aud":"%s","azp":"operator","iat":%d,"exp":%d,"jti":"%s"}' \
    "$audience" "$now" $((now + 590)) "$(openssl rand -hex 8)")
  unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
  signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$INTERNAL_KEYS_DIR/operator.private.pem" -binary | b64url)
  printf '%s.%s\n' "$unsigned" "$signature"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# icurl SERVICE CURL_ARGS...: curl with a fresh operator token for that internal service.
icurl() {
  local audience=$1
  shift
  curl -H "Authorization: Bearer $(internal_token "$audience")" "$@"
}

# wait_idle: until the whole machine is less than 10% busy over 5 s (a first start of the analyzer trains the
# text model and measures it in the background; a demo year is still being counted), at most 5 minutes.
wait_idle() {
  local t0=$SECONDS before busy
  while ((SECONDS - t0 < 300)); do
    before=$(busy_ticks)
    sleep 5
    busy=$(($(busy_ticks) - before)) # ticks over 5 s on all cores
    ((busy * 100 < 5 * $(getconf CLK_TCK) * $(nproc) * 10)) && return 0
  done
  warn "the machine did not become idle in 5 minutes; measuring anyway"
}

# count_of NAME FILE: a number from the simulator's expected-figures JSON (--expected-out).
count_of() {
  sed -n "s/.*\"$1\" *: *\([0-9]*\).*/\1/p" "$2" | tail -n 1
}

# busy_ticks: CPU time the whole machine spent busy so far (user, nice, system, irq, softirq), in clock ticks.
busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat
}

# management_port PORT: where a service on PORT serves health, metrics and OpenAPI (its management
# interface): PORT + 1000, by this project's convention (8081 -> 9081).
management_port() { echo $(($1 + 1000)); }

# SERVICES_FROM: another checkout whose built services to run instead, e.g. an earlier commit's, to compare two
# versions in alternating benchmark runs (git worktree add /tmp/before <commit>; build it there).
svc_jar() {
  printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "${SERVICES_FROM:-$REPO_ROOT}" "$1"
}

# ready PORT: the readiness check (on the management port) answers 200 with status UP.
ready() {
  local body
  body="$(curl -fsS --max-time 3 "http://127.0.0.1:$(management_port "$1")/q/health/ready" 2>/dev/null)" || return 1
  grep -Eq '"status"[[:space:]]*:[[:space:]]*"UP"' <<<"$body"
}

# start_service_on NAME MODULE PORT DB PREFIX [JAVA_OPTS...]: a service jar on its own port, database and topics.
start_service_on() {
  local name=$1 module=$2 port=$3 db=$4 prefix=$5
  shift 5
  ensure_internal_keys
  service_java "$module"
  start_bg "$name" "$LOG_DIR/$name.log" env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    INTERNAL_KEYS_DIR="$INTERNAL_KEYS_DIR" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" LOSS_TOPIC_PREFIX="$prefix" \
    DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db" \
    "${SERVICE_JAVA[@]}" "$@" -jar "$(svc_jar "$module")"
  # 240 s: on a fresh database without TEXT_MODEL_CACHE's file the analyzer first trains its text model (about a
  # minute for 20,000 corpus rows on two cores, more on a busy machine).
  wait_for "service_ready $name $port" 240 "$name to be ready" || { tail_log "$LOG_DIR/$name.log"; die "$name did not start"; }
}

# service_ready NAME PORT: 0 ready, 1 not yet, 2 its process died (wait_for gives up at once).
service_ready() {
  pid_alive "$1" || return 2
  curl -fsS "http://127.0.0.1:$(management_port "$2")/q/health/ready" >/dev/null 2>&1 || return 1
}

# seed_demo_executives SCHEDULER_PORT: three executives on the roster, each knowing a segment and a
# region; they sign in as the identity provider's users of the same names (dev-token.sh ava).
seed_demo_executives() {
  local port=$1 exec id name segment region
  for exec in "ava|Ava Chen|SMB|EMEA" "ben|Ben Okafor|MID_MARKET|NA" "cleo|Cleo Marsh|ENTERPRISE|APAC"; do
    IFS='|' read -r id name segment region <<<"$exec"
    icurl review-scheduler -fsS -X PUT -H 'Content-Type: application/json' "http://127.0.0.1:$port/executives/$id" \
      -d "{\"name\":\"$name\",\"email\":\"$id@example.com\",\"segments\":[\"$segment\"],\"regions\":[\"$region\"]}" \
      >/dev/null || die "review-scheduler refused the demo executive $id"
  done
}

# ensure_browser: Debian's chromium and chromium-driver for the browser tests, installed when missing.
ensure_browser() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    return 0
  fi
  log "installing chromium and chromium-driver (Debian packages) for the browser tests"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || {
    as_root apt-get update -q >/dev/null 2>&1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null
  } || die "could not install chromium and chromium-driver"
}
