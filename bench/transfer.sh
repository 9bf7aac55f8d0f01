#!/usr/bin/env bash
# Transfers: a multipart upload of a 256 MiB file and a streamed download of 256 MiB, through the
# SDK (OsaiClient + a caller's Retrofit interface) and through raw OkHttp 5, side by side in one run.
# Each transfer runs in a child JVM of its own with -Xmx64m and the JVM's default GC (G1 here),
# against one CannedServer JVM on 127.0.0.1 (POST /api/Bench/Upload counts and discards the body,
# GET /api/Bench/Download?size=N generates it). The file is made once, from /dev/urandom, in /tmp.
# Every child first moves a 32 MiB warm-up transfer of the same kind (sign-in, class loading, JIT),
# untimed, then the timed 256 MiB one. TRANSFER_ROUNDS (default 10) rounds of {upload, download} x
# {sdk, raw}; which contender goes first alternates from round to round. Then a diagnostic,
# SameJvm: both contenders in one -Xmx64m JVM, TRANSFER_PAIRS (default 15) alternating pairs per
# operation, wall and thread CPU time per transfer.
# Output: results/transfer-runs.csv (one line per child JVM), results/transfer.txt (summary).
# Needs the bench built (target/classes and target/cp-all.txt, as run.sh leaves them). Exits 1 if
# a transfer failed. Every JVM is bounded by `timeout`. Only 127.0.0.1 traffic.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${TRANSFER_ROUNDS:-10}
PAIRS=${TRANSFER_PAIRS:-15}
SIZE=$(( 256 * 1024 * 1024 ))
WARM=$(( 32 * 1024 * 1024 ))
HEAP_MIB=64
mkdir -p results
work=$(mktemp -d /tmp/osai-transfer.XXXXXX)
load_before=$(cat /proc/loadavg)
# The server prints "canned server on URL" once it listens; the rest of its output (the counters
# at shutdown) goes to server.log.
mkfifo "$work/server.out"
java -cp target/classes bench.server.CannedServer --max-seconds 900 > "$work/server.out" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
exec 3< "$work/server.out"
read -r -t 60 first <&3 || { echo "the canned server did not start" >&2; exit 1; }
url=${first#canned server on }
cat <&3 > "$work/server.log" &
exec 3<&-
head -c "$SIZE" /dev/urandom > "$work/big.bin"
head -c "$WARM" /dev/urandom > "$work/warm.bin"

declare -A main=([sdk]=bench.transfer.SdkTransfer [raw]=bench.transfer.RawTransfer)
declare -A cp
for c in sdk raw; do cp[$c]=$(./classpath.sh "$c"); done
declare -A what=([upload]="$work/big.bin $work/warm.bin" [download]="$SIZE $WARM")

csv=results/transfer-runs.csv
echo "round,op,contender,exit,jvm_ms,confirmed_bytes,transfer_ms,mib_s,peak_heap_mib,max_heap_mib,gcs,gc_ms,alloc_mib,thread_cpu_ms,process_cpu_ms,gc" > "$csv"
run_once() { # round op contender -> one line in $csv; a failed run's output goes to stderr
  local r=$1 op=$2 c=$3 t0 t1 rc=0 result
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # what[] holds two arguments
  timeout 120 java -Xmx${HEAP_MIB}m -cp "${cp[$c]}" "${main[$c]}" "$op" "$url" ${what[$op]} \
    > "$work/out" 2>&1 || rc=$?
  t1=$(date +%s%N)
  result=$(grep -m1 '^result,' "$work/out" | cut -d, -f2- || true)
  if [[ $rc != 0 || -z $result ]]; then
    echo "transfer: round $r $op $c failed (exit $rc):" >&2; tail -20 "$work/out" >&2
    result=",,,,,,,,,,"
  fi
  echo "$r,$op,$c,$rc,$(( (t1 - t0) / 1000000 )),$result" >> "$csv"
}
for r in $(seq "$ROUNDS"); do
  if (( r % 2 )); then order=(sdk raw); else order=(raw sdk); fi
  for op in upload download; do
    for c in "${order[@]}"; do run_once "$r" "$op" "$c"; done
  done
done
for op in upload download; do
  if [[ $op == upload ]]; then target=$work/big.bin; else target=$SIZE; fi
  timeout 240 java -Xmx${HEAP_MIB}m -cp "${cp[sdk]}" bench.transfer.SameJvm "$op" "$url" "$target" "$PAIRS" \
    >> "$work/same-jvm.txt" 2>&1 || echo "  $op: SameJvm failed (exit $?)" >> "$work/same-jvm.txt"
done
load_after=$(cat /proc/loadavg)
kill "$server_pid"; wait 2>/dev/null || true   # the server, then its log's reader

rc=0
{
  echo "Transfers: $SIZE bytes (256 MiB) up and down, $ROUNDS interleaved rounds, server $url"
  echo "each run: a child JVM, -Xmx${HEAP_MIB}m, default GC; a 32 MiB warm-up transfer, then the timed one"
  echo "java: $(java -version 2>&1 | sed -n 1p); sdk jar: $(tr ':' '\n' <<< "${cp[sdk]}" | grep -o 'osai-sdk-[^/]*\.jar')"
  echo "date: $(date -u +%FT%TZ); cpus: $(nproc)"
  echo "load before: $load_before"
  echo "load after:  $load_after"
  echo "server: $(grep -o 'canned server stopping: .*' "$work/server.log" || echo 'no stats')"
  java -cp target/classes bench.transfer.TransferReport "$csv" "$SIZE" "$HEAP_MIB" || rc=$?
  echo
  echo "diagnostic SameJvm: both contenders in one -Xmx${HEAP_MIB}m JVM, $PAIRS alternating pairs per operation (2 untimed):"
  cat "$work/same-jvm.txt"
  echo
  echo "runs ($csv; MiB = 2^20 bytes; peak heap: the heap pools' peak used, summed):"
  column -s, -t < "$csv" 2>/dev/null || cat "$csv"
} > results/transfer.txt
cat results/transfer.txt
exit "$rc"
