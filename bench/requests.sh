#!/usr/bin/env bash
# Benchmark of the analyst's requests (issue 15): 24 hourly capture files of FILE_MB MB in a
# sensor's RAW_LOG_DIR (generated once into target/bench-requests, kept for reruns), one Snort alert
# per target session in the private MariaDB (bin/test-db), the daemon with the shipped rules and the
# sguild test server on TLS; REQUESTS analyst actions written as sguild writes them, one at a time,
# each after a pause of 0-1 s drawn at random (so they do not fall into step with the 1 s poll).
# Prints the latency history row inserted -> answer confirmed (median, p99) against the 3 s target,
# requests/s, CPU and peak RSS, and the time the same sessions take analysed alone.
# usage: bench/requests.sh [REQUESTS] [FILE_MB]   (default 100 100)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100}
file_mb=${2:-100}
bin/test-db start >/dev/null
. bench/lib.sh
mvn -q -B -o test-compile
cp=$(bench_classpath)
raw=target/bench-requests/raw-24x${file_mb}m-${requests}r
if [ ! -f "$raw.info" ]; then
  echo "generating $raw ..." >&2
  rm -rf "$raw.tmp"
  mkdir -p "$(dirname "$raw")"
  java -cp "$cp" net.sguil.bridge.bench.SensorRawLog "$raw.tmp" "$file_mb" "$requests" > "$raw.info.tmp"
  rm -rf "$raw"
  mv "$raw.tmp" "$raw"
  mv "$raw.info.tmp" "$raw.info"
fi
echo "raw log dir: $raw ($(du -sm "$raw" | cut -f1) MB): $(cat "$raw.info")"
SGUIL_BRIDGE_LOG_LEVEL=WARN java -Xmx1g -cp "$cp" \
  net.sguil.bridge.daemon.AnalystRequestBench "$requests" "$file_mb" "$raw"
