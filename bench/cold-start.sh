#!/usr/bin/env bash
# Cold start: a fresh JVM per run for each contender (build client, sign in, GET the user, print
# it), against one canned server in its own JVM on 127.0.0.1. Runs the contenders alternating,
# RUNS times each (default 15) after one untimed warm-up run each (page cache), and prints
# median/min/max wall-clock ms (date +%s%N around `java`). Also counts classes loaded per contender.
# Output: results/cold-start.txt, results/cold-start-runs.csv
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${RUNS:-15}
mkdir -p results
work=$(mktemp -d /tmp/osai-cold.XXXXXX)
java -cp target/classes bench.server.CannedServer --port-file "$work/port" --max-seconds 600 \
  > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")/api"

# retrofit: plain Retrofit + converter-moshi, the floor of any Retrofit-based client (SDK classpath).
declare -A main=([sdk]=bench.cold.SdkMain [raw]=bench.cold.RawMain [stock]=bench.cold.StockMain \
  [retrofit]=bench.cold.RetrofitMain)
declare -A cp
for c in sdk raw stock; do cp[$c]=$(./classpath.sh "$c"); done
cp[retrofit]=${cp[sdk]}

run_once() { # contender -> prints elapsed ms; fails if the program failed or printed no user
  local c=$1 t0 t1
  t0=$(date +%s%N)
  if ! timeout 60 java -cp "${cp[$c]}" "${main[$c]}" "$url" > "$work/out-$c" 2>&1; then
    echo "cold start $c failed:" >&2; cat "$work/out-$c" >&2; return 1
  fi
  t1=$(date +%s%N)
  grep -q 'Guid-Guid-Guid-Guid' "$work/out-$c" || { echo "$c printed no user" >&2; return 1; }
  echo $(( (t1 - t0) / 1000000 ))
}

for c in sdk raw stock retrofit; do run_once "$c" > /dev/null; done   # untimed warm-up (page cache)
echo "round,contender,ms" > results/cold-start-runs.csv
order=(sdk raw stock retrofit)
for r in $(seq "$RUNS"); do
  for i in 0 1 2 3; do
    c=${order[$(( (i + r) % 4 ))]}
    echo "$r,$c,$(run_once "$c")" >> results/cold-start-runs.csv
  done
done

{
  echo "Cold start, wall clock per JVM run (ms), $RUNS runs each, alternating, server $url"
  echo "java: $(java -version 2>&1 | sed -n 1p); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-6s %8s %6s %6s %14s\n' contender median min max classes_loaded
  for c in sdk raw stock retrofit; do
    sorted=$(grep ",$c," results/cold-start-runs.csv | cut -d, -f3 | sort -n)
    n=$(wc -l <<< "$sorted")
    if (( n % 2 )); then med=$(sed -n "$(( n / 2 + 1 ))p" <<< "$sorted")
    else a=$(sed -n "$(( n / 2 ))p" <<< "$sorted"); b=$(sed -n "$(( n / 2 + 1 ))p" <<< "$sorted"); med=$(( (a + b) / 2 )); fi
    classes=$(timeout 60 java -Xlog:class+load=info -cp "${cp[$c]}" "${main[$c]}" "$url" | grep -c '\[class,load\]' || true)
    printf '%-6s %8s %6s %6s %14s\n' "$c" "$med" "$(head -1 <<< "$sorted")" "$(tail -1 <<< "$sorted")" "$classes"
  done
  echo "sample output (sdk):"; sed -n '1,3s/^/  /p' "$work/out-sdk"
} | tee results/cold-start.txt
