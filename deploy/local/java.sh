# shellcheck shell=bash
# Which java runs a service, and with which JVM options: sourced by lib.sh (svc_jar is lib.sh's).

# The services' garbage collector (SERVICE_GC overrides it). The parallel collector: the services are
# batch consumers on a small machine, and G1's write barriers and concurrent threads cost churn-ingest
# about 6% more CPU per event (deploy/local/bench-ingest.sh; README, Performance). Pauses stay short at these heaps.
SERVICE_JVM_OPTS=("${SERVICE_GC:--XX:+UseParallelGC}")

# service_heap MODULE: the heap options of a service as up.sh, chaos.sh and aot.sh run it. The analyzer trains
# its text model at start-up (thousands of labelled reasons): it needs the larger maximum. The heap starts at
# 64 MB: the JVM's default start is 1/64 of the machine's memory (384 MB on 24 GiB), for which the parallel
# collector sizes its young generation and touches its pages at start-up; from 64 MB it grows the heap to the
# load instead (the analyzer idle: 350-356 against 277-281 MB RSS; docs/performance-issue-20.md).
# ANALYZER_MAX_HEAP is also the benchmarks' and the simulated year's: with less, a start that trains spends itself
# collecting garbage (1 GB: not ready in 240 s).
ANALYZER_MAX_HEAP=-Xmx1536m
service_heap() {
  if [[ "$1" == defection-analyzer ]]; then echo "$ANALYZER_MAX_HEAP -Xms64m"; else echo "-Xmx384m -Xms64m"; fi
}

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

# java_home_at_least MAJOR: prints the JAVA_HOME of the first java of that version or newer (the default java, then
# the JDKs under /usr/lib/jvm); fails when there is none.
java_home_at_least() {
  local java major
  for java in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -x "$java" ]] || continue
    major="$(java_major "$java")"
    if [[ -n "$major" ]] && ((major >= $1)); then
      dirname "$(dirname "$(readlink -f "$java")")"
      return 0
    fi
  done
  return 1
}

# service_java MODULE: sets SERVICE_JAVA to the command that starts MODULE's jar (options and -jar follow it). That is
# the default java with SERVICE_JVM_OPTS, unless deploy/local/aot.sh made an AOT cache for this very build: then the
# Java 25 that made it, reading the classes already loaded and linked, and the code compiled, from the cache (about a
# third less time to ready). A cache older than any of the build's jars is not used (the JVM would refuse it anyway);
# SERVICE_AOT=off never uses one. With AOT_TRAINING=FILE the run is aot.sh's training run, writing the cache at exit.
service_java() {
  local dir
  dir="$(dirname "$(svc_jar "$1")")"
  if [[ -n "${AOT_TRAINING:-}" ]]; then
    SERVICE_JAVA=("$(java_home_at_least 25)/bin/java" "${SERVICE_JVM_OPTS[@]}" "-XX:AOTCacheOutput=$AOT_TRAINING")
  elif [[ "${SERVICE_AOT:-on}" != off && -s "$dir/app.aot" && -x "$(cat "$dir/app.aot.java" 2>/dev/null)" &&
    -z "$(find "$dir" -name '*.jar' -newer "$dir/app.aot" -print -quit)" ]]; then
    SERVICE_JAVA=("$(cat "$dir/app.aot.java")" "${SERVICE_JVM_OPTS[@]}" "-XX:AOTCache=$dir/app.aot")
  else
    SERVICE_JAVA=(java "${SERVICE_JVM_OPTS[@]}")
  fi
}
