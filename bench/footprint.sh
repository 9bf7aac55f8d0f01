#!/usr/bin/env bash
# Runtime footprint: jar count and bytes of `mvn dependency:build-classpath -DincludeScope=runtime`
#  - SDK: a throwaway consumer project (in /tmp) that depends only on osai-sdk, as a Maven 3 user
#    gets it (its own jar included);
#  - stock: the project openapi-generator wrote for the okhttp-gson client
#    (target/generated-sources/stock/pom.xml, OkHttp 4.12) plus its compiled classes, jarred.
# Output: results/footprint.txt
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p results
work=$(mktemp -d /tmp/osai-footprint.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>footprint</groupId><artifactId>sdk-consumer</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>com.onestepai</groupId><artifactId>osai-sdk</artifactId><version>OSAI_VERSION</version></dependency>
  </dependencies>
</project>
POM
sed -i "s/OSAI_VERSION/${OSAI_VERSION:-0.1.0-SNAPSHOT}/" "$work/pom.xml"
mvn -B -q -f "$work/pom.xml" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/sdk.cp" > /dev/null
mvn -B -q -f target/generated-sources/stock/pom.xml dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$work/stock.cp" > /dev/null
(cd target/classes && jar cf "$work/stock-client-classes.jar" stock)

report() { # title, file with ':'-separated jars, [extra jar]
  local title=$1 list
  list=$( (tr ':' '\n' < "$2"; echo; echo "${3:-}") | grep .)
  local n bytes
  n=$(grep -c . <<< "$list")
  bytes=$(xargs stat -c %s <<< "$list" | awk '{s+=$1} END {print s}')
  echo "$title: $n jars, $bytes bytes"
  xargs stat -c '%s %n' <<< "$list" | sort -rn | awk '{n=split($2,p,"/"); printf "  %10d  %s\n", $1, p[n]}'
}
{
  echo "Runtime classpath footprint (mvn dependency:build-classpath -DincludeScope=runtime)"
  report "SDK (consumer of com.onestepai:osai-sdk:${OSAI_VERSION:-0.1.0-SNAPSHOT}, SDK jar included)" "$work/sdk.cp"
  report "stock okhttp-gson (generator's own pom, + its compiled client classes jarred)" "$work/stock.cp" "$work/stock-client-classes.jar"
  echo "note: kotlin-stdlib on the SDK consumer's classpath: $(tr ':' '\n' < "$work/sdk.cp" | grep -o 'kotlin-stdlib-[0-9.]*jar' | paste -sd' ') (okhttp-jvm 5.3.2 declares 2.2.21)"
} | tee results/footprint.txt
