#!/usr/bin/env bash
# Benchmark of the cause classifier's text model (ScoringBench, not part of the build): its direct scoring against
# Tribuo's predict on the same features, alternating rounds in one JVM (a ratio, as this machine drifts), and the
# cost of a whole classification with the model and with the rules alone, over every held-out row.
#   deploy/local/bench-classifier.sh
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_TAG=bench-classifier

ensure_dirs
cd "$REPO_ROOT"
out="$LOG_DIR/bench-classifier.log"
log "training (or reading from the model cache) the corpus model, then 7 alternating rounds; output in $out"
"$MVN" -B -q -pl defection-analyzer test -Dtest=ScoringBench -Dsurefire.failIfNoSpecifiedTests=false >"$out" 2>&1 \
  || { tail -40 "$out"; die "the benchmark failed"; }
grep '^BENCH' "$out" || die "the benchmark printed no result: $out"
