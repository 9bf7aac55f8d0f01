#!/usr/bin/env bash
# Prints the runtime classpath of one contender (sdk | raw | stock | all), built from the bench's
# resolved runtime classpath (target/cp-all.txt, written by run.sh / this script) plus
# target/classes. Every contender runs on the same OkHttp 5.3.2 / Okio / Kotlin stdlib jars.
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -s target/cp-all.txt ]]; then
  mvn -B -q dependency:build-classpath -Dosai.version="${OSAI_VERSION:-0.1.0-SNAPSHOT}" -DincludeScope=runtime -Dmdep.outputFile=target/cp-all.txt >/dev/null
fi
common='okhttp-jvm-|okio-jvm-|kotlin-stdlib-|annotations-13'
case "${1:?usage: classpath.sh sdk|raw|stock|all}" in
  sdk)   keep="osai-sdk-|retrofit-|converter-moshi-|moshi-|logging-interceptor-|jspecify-|$common" ;;
  raw)   keep="osai-sdk-|moshi-|$common" ;;   # osai-sdk only for the com.onestepai.osai.model.User class
  stock) keep="gson-|gson-fire-|commons-lang3-|jackson-databind-nullable-|jsr305-|jakarta.ws.rs-api-|logging-interceptor-|$common" ;;
  all)   keep='.' ;;
  *) echo "unknown contender $1" >&2; exit 2 ;;
esac
jars=$(tr ':' '\n' < target/cp-all.txt | grep -E "/($keep)[^/]*\.jar$" | grep -v -E '/(jmh-core|jopt-simple|commons-math3)-' | paste -sd: -)
echo "$PWD/target/classes:$jars"
