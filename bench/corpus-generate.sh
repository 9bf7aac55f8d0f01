#!/bin/bash
# Generate-and-compile time of corpus documents (BENCHMARKS.md, "Generating and compiling a real
# document"): openapi-generator-cli with the build's templates and options, then javac of the
# generated sources against the SDK, 3 runs per document. Run from the project root after
# `mvn -B verify` (which leaves target/tools, target/classes and target/corpus/NAME.generator.yaml):
#   bash bench/corpus-generate.sh eshop-catalog-v1
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/corpus-bench.cp -Dmdep.includeScope=compile -DskipNpm >/dev/null
CP="target/classes:$(cat target/corpus-bench.cp)"
OUT=target/corpus-bench
for n in "$@"; do
  pk=$(echo "$n" | tr -d '-')
  for i in 1 2 3; do
    rm -rf "$OUT/$n"; mkdir -p "$OUT/$n/classes"
    s=$(date +%s%N)
    java -jar target/tools/openapi-generator-cli.jar generate -g java --library retrofit2 \
      -t generator-config/templates -c generator-config/corpus.yaml -i "target/corpus/$n.generator.yaml" \
      -o "$OUT/$n/gen" --api-package "com.onestepai.osai.corpus.$pk.api" \
      --model-package "com.onestepai.osai.corpus.$pk.model" --invoker-package "com.onestepai.osai.corpus.$pk" \
      --global-property apis,models,apiTests=false,modelTests=false,apiDocs=false,modelDocs=false >/dev/null 2>&1
    g=$(date +%s%N)
    rc=0
    javac -nowarn -d "$OUT/$n/classes" -cp "$CP" $(find "$OUT/$n/gen" -name '*.java') >"$OUT/$n/javac.log" 2>&1 || rc=$?
    e=$(date +%s%N)
    echo "$n run $i: generate $(( (g - s) / 1000000 )) ms, compile $(( (e - g) / 1000000 )) ms (javac exit $rc)"
  done
done
