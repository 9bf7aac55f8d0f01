#!/usr/bin/env bash
# Runs the whole OSAI SDK benchmark suite and writes raw results to results/:
#   jmh/       JMH JSON + text per round and contender (-prof gc), jmh-summary.txt (medians, ratios)
#   profile/   JFR of the 8-thread SDK and raw runs, top frames (CPU, allocation)
#   cold-start.txt, cold-start-runs.csv, signin.txt, footprint.txt, env.txt
#   transfer.txt, transfer-runs.csv: 256 MiB upload and download, sdk and raw, -Xmx64m (transfer.sh)
# Rounds interleave the contenders (rotated order, one fork each) so that background load on a
# shared 2-core machine spreads over all of them; the summary takes medians over rounds.
# Env: ROUNDS (default 3), COLD_RUNS (default 15), INSTALL_SDK=1 to rebuild the SDK under test,
#      OSAI_VERSION (default 0.1.0-bench-<HEAD of ..>; 0.1.0-SNAPSHOT for the plain install),
#      SKIP_PROFILE=1, SKIP_TRANSFER=1 (and transfer.sh's TRANSFER_ROUNDS, TRANSFER_PAIRS).
#      Every step is bounded by `timeout`. Only 127.0.0.1 traffic.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-3}
start=$(date +%s)
log() { echo "[run.sh $(( $(date +%s) - start ))s] $*"; }

# The SDK under test: the committed HEAD of .., built in a clone in /tmp/sdk (never in the SDK's
# own tree) and installed under its own version, 0.1.0-bench-<commit>, so that another `mvn
# install` of 0.1.0-SNAPSHOT (another engineer's build) cannot swap the jar during a run.
SDK_REV=$(git -C .. rev-parse --short HEAD)
export OSAI_VERSION=${OSAI_VERSION:-0.1.0-bench-$SDK_REV}
sdk_jar=~/.m2/repository/com/onestepai/osai-sdk/$OSAI_VERSION/osai-sdk-$OSAI_VERSION.jar
if [[ "${INSTALL_SDK:-0}" == 1 || ! -f $sdk_jar ]]; then
  log "building the SDK at $SDK_REV in /tmp/sdk, installing it as $OSAI_VERSION"
  rm -rf /tmp/sdk && git clone -q .. /tmp/sdk && git -C /tmp/sdk checkout -q "$SDK_REV"
  (cd /tmp/sdk && npm ci --silent && timeout 900 mvn -B -q package -DskipTests -Dinvoker.skip=true \
    -Drevision="$OSAI_VERSION") > /tmp/osai-sdk-build.log 2>&1 || { tail -50 /tmp/osai-sdk-build.log; exit 1; }
  # The flattened POM is the one the SDK installs and releases: it names the resolved version.
  timeout 300 mvn -B -q install:install-file -Dfile="/tmp/sdk/target/osai-sdk-$OSAI_VERSION.jar" \
    -DpomFile=/tmp/sdk/target/flattened-pom.xml > /dev/null
fi

log "building bench (stock client generated from ../openapi/osai.yaml)"
timeout 600 mvn -B -q package -Dosai.version="$OSAI_VERSION" > /tmp/osai-bench-build.log 2>&1 || { cat /tmp/osai-bench-build.log; exit 1; }
rm -f target/cp-all.txt
timeout 300 mvn -B -q dependency:build-classpath -Dosai.version="$OSAI_VERSION" -DincludeScope=runtime -Dmdep.outputFile=target/cp-all.txt > /dev/null

rm -rf results && mkdir -p results/jmh results/profile
{
  echo "date: $(date -u +%FT%TZ)"
  echo "sdk: com.onestepai:osai-sdk:$OSAI_VERSION = commit $SDK_REV of .. ($(sha1sum < "$sdk_jar" | cut -c1-12) $(stat -c %s "$sdk_jar") bytes)"
  java -version 2>&1
  echo "cpus: $(nproc); mem: $(free -g | awk '/Mem/ {print $2}') GiB"
  echo "load at start: $(cat /proc/loadavg)"
} > results/env.txt

JMH=(java -jar target/benchmarks.jar -prof gc -foe true)
groups=(sdk raw stock diag)
log "JMH: $ROUNDS rounds x {sdk, raw, stock, diag}; forks: 1 thread 5x1s warmup, 8 threads 12x1s warmup; 4x1s measurement"
for r in $(seq "$ROUNDS"); do
  for i in 0 1 2 3; do
    g=${groups[$(( (i + r) % 4 ))]}
    if [[ $g == diag ]]; then regex='bench\.jmh\.DiagnosticBench\.'; else regex="bench\\.jmh\\.(AverageTimeBench|ThroughputBench)\\.$g\$"; fi
    log "round $r: $g"
    timeout 300 "${JMH[@]}" "$regex" -rf json -rff "results/jmh/r$r-$g.json" -o "results/jmh/r$r-$g.txt" > /dev/null
    grep -h '^\[server\]' "results/jmh/r$r-$g.txt" | sed "s/^/    r$r $g /" || true
  done
done
java -cp target/benchmarks.jar bench.report.Summarize results/jmh | tee results/jmh-summary.txt

if [[ "${SKIP_PROFILE:-0}" != 1 ]]; then
  log "profile: JFR on ThroughputBench.sdk and .raw (8 threads, 12x1s warmup, 2x2s recorded)"
  for c in sdk raw; do
    timeout 300 java -jar target/benchmarks.jar "bench\\.jmh\\.ThroughputBench\\.$c\$" -wi 12 -i 2 -r 2 \
      -prof "jfr:dir=results/profile" -o "results/profile/jmh-$c.txt" > /dev/null
    f=$(find results/profile -path "*ThroughputBench.$c-*" -name '*.jfr' -print -quit)
    java -cp target/benchmarks.jar bench.report.JfrTop "$f" 15 > "results/profile/top-$c.txt"
  done
fi

log "cold start"
RUNS=${COLD_RUNS:-15} ./cold-start.sh > /dev/null
log "sign-in amortization"
timeout 300 java -cp target/benchmarks.jar bench.signin.SignInCount 10000 64 10 | tee results/signin.txt
log "footprint"
./footprint.sh > /dev/null
if [[ "${SKIP_TRANSFER:-0}" != 1 ]]; then
  log "transfers: 256 MiB multipart upload and streamed download, sdk and raw, child JVMs with -Xmx64m"
  timeout 900 ./transfer.sh > /dev/null
fi
echo "load at end: $(cat /proc/loadavg)" >> results/env.txt
log "done in $(( $(date +%s) - start ))s; results in $PWD/results"
