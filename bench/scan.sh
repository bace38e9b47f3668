#!/usr/bin/env bash
# Benchmark of `scan` (HTTP + SMTP + the shipped rules) against the floor of its attachment work and
# against `extract` on the same file. Generates (once) a deterministic sensor-like capture of web and
# mail traffic (bench.SensorCapture --http: MTU-sized frames, hundreds of connections interleaved,
# 0.1 % retransmitted and reordered segments; about a third of the bytes SMTP, with a known number
# of PUT defacement attempts). Prints the floor (bench.FloorBench over the capture's attachments),
# then for each of BENCH_RUNS runs of `scan --json` and of `extract --json` (both -Xmx256m) wall
# time, CPU seconds (user+sys) and peak RSS, checks the PUT events and the attachments, and prints
# min and median of each, scan's CPU/floor and scan's CPU over extract's. Also prints the HTTP
# analyzer's own throughput on a ~200 MB web-only capture, and the fixed cost of a run of each tool
# (on the capture's first 2 MB) with the scan/extract ratio net of it. The runs load the compiled
# rules from a cache of their own (--rules-cache), filled by a first scan whose cost is printed too.
# Target (issue 13, 1 GB on 2 cores): scan CPU <= 1.3 x extract CPU.
# usage: bench/scan.sh [SIZE_MB]   (default 1024; BENCH_RUNS default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
runs=${BENCH_RUNS:-3}
work=bench/work; mkdir -p "$work"
. bench/lib.sh
bench_build
cp="$(bench_classpath)"
web=$(bench_capture "$cp" http 200)
java -Xmx256m -cp "$cp" net.sguil.bridge.bench.HttpAnalyzerBench "$web"
pcap=$(bench_capture "$cp" mixed "$size")
bench_floor "$pcap" "$cp"
expected=$(sed -n 's/.*expected_put_events=\([0-9]*\).*/\1/p' "$pcap.info")
succeeded=$(sed -n 's/.*put_succeeded=\([0-9]*\).*/\1/p' "$pcap.info")
out="$work/scan-out"
cache="$work/rules-cache"
rm -f "$work/time-scan" "$work/time-extract-mixed"
# the fixed cost with no compiled rules yet; it fills the cache the runs then load from
rm -rf "$cache"
prefix=$(bench_prefix "$pcap")
scold=$(bench_cpu java $bench_jvm -jar target/sguil-bridge.jar scan --json --rules-cache "$cache" "$prefix")
sync; cat "$pcap" > /dev/null
status=0
for i in $(seq "$runs"); do
  rm -rf "$out"
  bench_timed "$work/time-scan" java $bench_jvm -jar target/sguil-bridge.jar scan --json --rules-cache "$cache" --extract-dir "$out" "$pcap" \
    > "$work/scan.json"
  rm -rf "$out"
  found=$(grep -c 'HTTP PUT Defacement' "$work/scan.json" || true)
  found_ok=$(grep -c 'HTTP PUT Defacement SUCCEEDED' "$work/scan.json" || true)
  bench_run_line scan "$i" "$work/time-scan"
  echo "scan run $i: PUT events $found (expected $expected), SUCCEEDED $found_ok (expected $succeeded)"
  [ "$found" -eq "$expected" ] && [ "$found_ok" -eq "$succeeded" ] || status=1
  bench_timed "$work/time-extract-mixed" java $bench_jvm -jar target/sguil-bridge.jar extract --json -o "$out" "$pcap" \
    > "$work/extract-mixed.json"
  rm -rf "$out"
  bench_run_line extract "$i" "$work/time-extract-mixed"
  java -cp "$cp" net.sguil.bridge.bench.VerifyAttachments "$pcap.manifest" "$work/extract-mixed.json" || status=1
done
sfixed=$(bench_cpu java $bench_jvm -jar target/sguil-bridge.jar scan --json --rules-cache "$cache" "$prefix")
efixed=$(bench_cpu java $bench_jvm -jar target/sguil-bridge.jar extract --json -o "$out" "$prefix")
rm -rf "$out"
bench_summary extract "$work/time-extract-mixed" "$pcap"
emin=$cpu_min; emed=$cpu_med
bench_summary scan "$work/time-scan" "$pcap"
awk -v cmin="$cpu_min" -v cmed="$cpu_med" -v f="$floor" -v emin="$emin" -v emed="$emed" -v sx="$sfixed" -v ex="$efixed" -v sc="$scold" 'BEGIN {
  printf "scan CPU / floor: min %.2f / median %.2f (floor %.2f CPU-s)\n", cmin / f, cmed / f, f
  printf "scan CPU / extract CPU: min %.2f / median %.2f (target <= 1.3)\n", cmin / emin, cmed / emed
  printf "fixed cost (the first 2 MB: JVM start-up, class loading, JIT; scan also builds the rules): scan %.2f (%.2f compiling the rules, before the cache held them), extract %.2f CPU-s; net of it, scan / extract: min %.2f / median %.2f\n",
    sx, sc, ex, (cmin - sx) / (emin - ex), (cmed - sx) / (emed - ex) }'
exit $status
