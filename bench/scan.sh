#!/usr/bin/env bash
# Benchmark of `scan` over mixed traffic: generates (once) a deterministic ~1 GB capture of HTTP
# sessions (downloads, uploads, keep-alive, chunked) with a known number of PUT defacement attempts,
# mixed with the SMTP attachment sessions of bench/extract.sh; runs `scan --json` on it with
# -Xmx256m; prints MB/s of pcap, the PUT events found against the number expected, and peak RSS.
# Also prints the HTTP analyzer's own throughput on a ~200 MB HTTP-only capture.
# usage: bench/scan.sh [SIZE_MB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
work=bench/work; mkdir -p "$work"
pcap="$work/mixed-${size}m.pcap"
. bench/lib.sh
bench_build
cp="$(bench_classpath)"
if [ ! -f "$pcap" ]; then
  echo "generating $pcap ..."
  java -cp "$cp" net.sguil.bridge.bench.HttpBenchCapture "$pcap" "$size" | tee "$pcap.info"
fi
if [ ! -f "$work/http-200m.pcap" ]; then
  java -cp "$cp" net.sguil.bridge.bench.HttpBenchCapture "$work/http-200m.pcap" 200 --http-only > "$work/http-200m.pcap.info"
fi
java -Xmx256m -cp "$cp" net.sguil.bridge.bench.HttpAnalyzerBench "$work/http-200m.pcap"

bytes=$(stat -c %s "$pcap")
expected=$(sed -n 's/.*expected_put_events=\([0-9]*\).*/\1/p' "$pcap.info")
succeeded=$(sed -n 's/.*put_succeeded=\([0-9]*\).*/\1/p' "$pcap.info")
sync; cat "$pcap" > /dev/null
/usr/bin/time -f "%e %M" -o "$work/time-scan.txt" \
  java -Xmx256m -jar target/sguil-bridge.jar scan --json --extract-dir "$work/scan-out" "$pcap" > "$work/scan.json"
rm -rf "$work/scan-out"
read -r secs rss_kb < "$work/time-scan.txt"
found=$(grep -c 'HTTP PUT Defacement' "$work/scan.json" || true)
found_ok=$(grep -c 'HTTP PUT Defacement SUCCEEDED' "$work/scan.json" || true)
awk -v b="$bytes" -v s="$secs" -v n="$found" -v e="$expected" -v o="$found_ok" -v x="$succeeded" -v r="$rss_kb" 'BEGIN {
  printf "scan: %.0f MB in %.2f s = %.1f MB/s of pcap; PUT events %d (expected %d), SUCCEEDED %d (expected %d); peak RSS %.0f MB\n",
    b/1048576, s, b/1048576/s, n, e, o, x, r/1024 }'
[ "$found" -eq "$expected" ] && [ "$found_ok" -eq "$succeeded" ]
