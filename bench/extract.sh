#!/usr/bin/env bash
# Benchmark of `extract` against the floor of its job and against tcpflow. Generates (once) a
# deterministic capture as a sensor sees it (bench.SensorCapture: MTU-sized frames, hundreds of SMTP
# sessions interleaved, 0.1 % retransmitted and 0.1 % reordered segments, base64, quoted-printable
# and 7bit attachments of 10 KB to 5 MB). Prints, in the same run: the floor (the JDK's MD5, SHA-1,
# SHA-256 and MIME base64 decoder over the same attachments, in-process CPU time: bench.FloorBench);
# for each of BENCH_RUNS runs of `extract --json` (-Xmx256m) its wall time, CPU seconds (user+sys)
# and peak RSS, with every attachment checked against the generator's hashes; the same for
# `tcpflow -r`; then min and median of each, CPU/floor and extract's wall time over tcpflow's, and
# the fixed cost of a run (extract of the capture's first 2 MB) with CPU/floor net of it; and the
# lower bound of any JVM extract here: the floor, the kernel's reading and writing, tcpflow's
# reassembly in C and the fixed cost.
# Targets (issue 13, 1 GB on 2 cores): CPU <= 1.5 x floor, wall <= tcpflow's, peak RSS <= 300 MB.
# usage: bench/extract.sh [SIZE_MB]   (default 1024; BENCH_RUNS default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
runs=${BENCH_RUNS:-3}
work=bench/work; mkdir -p "$work"
. bench/lib.sh
bench_build
cp="$(bench_classpath)"
pcap=$(bench_capture "$cp" smtp "$size")
bench_floor "$pcap" "$cp"
out="$work/out"; tf="$work/tcpflow"
rm -f "$work/time-extract" "$work/time-tcpflow"
sync; cat "$pcap" > /dev/null   # the same page-cache state for both tools
for i in $(seq "$runs"); do
  rm -rf "$out"
  bench_timed "$work/time-extract" java $bench_jvm -jar target/sguil-bridge.jar extract --json -o "$out" "$pcap" \
    > "$work/extract.json"
  rm -rf "$out"
  bench_run_line extract "$i" "$work/time-extract"
  java -cp "$cp" net.sguil.bridge.bench.VerifyAttachments "$pcap.manifest" "$work/extract.json"
  rm -rf "$tf"; mkdir -p "$tf"
  bench_timed "$work/time-tcpflow" tcpflow -r "$pcap" -o "$tf" >/dev/null 2>&1
  rm -rf "$tf"
  tail -1 "$work/time-tcpflow" | awk -v i="$i" '{ printf "tcpflow -r run %d: wall %.2f s, CPU %.2f s\n", i, $1, $2 + $3 }'
done
fixed=$(bench_cpu java $bench_jvm -jar target/sguil-bridge.jar extract --json -o "$out" "$(bench_prefix "$pcap")")
rm -rf "$out"
plain=$(bench_cpu java $bench_jvm_plain -jar target/sguil-bridge.jar extract --json -o "$out" "$(bench_prefix "$pcap")")
rm -rf "$out"
# Besides the floor, no extractor avoids the kernel's part of reading the capture and writing the
# attachments (cat and dd of the same sizes) and reassembling the streams (tcpflow's user time, in
# C); with the fixed cost of a run, that bounds what a JVM extract can reach on this machine.
io_read=$(bench_cpu cat "$pcap")
io_write=$(bench_cpu dd if=/dev/zero of="$work/io-write" bs=64k count=$((decoded_mb * 16)))
rm -f "$work/io-write"
read -r tuser _ < <(bench_stats "$work/time-tcpflow" 2)
jvm=$(bench_cpu java $bench_jvm -jar target/sguil-bridge.jar --version)
bench_summary extract "$work/time-extract" "$pcap"
read -r tmin tmed _ < <(bench_stats "$work/time-tcpflow" 1)
awk -v cmin="$cpu_min" -v cmed="$cpu_med" -v wmin="$wall_min" -v wmed="$wall_med" -v f="$floor" -v x="$fixed" -v p="$plain" \
    -v tmin="$tmin" -v tmed="$tmed" -v r="$io_read" -v w="$io_write" -v mb="$decoded_mb" -v u="$tuser" -v j="$jvm" 'BEGIN {
  printf "extract CPU / floor: min %.2f / median %.2f (target <= 1.5; floor %.2f CPU-s)\n", cmin / f, cmed / f, f
  printf "fixed cost (extract of the first 2 MB: JVM start-up, class loading, JIT): %.2f CPU-s (%.2f without the class-data archive); (CPU - fixed) / floor: min %.2f / median %.2f\n",
    x, p, (cmin - x) / f, (cmed - x) / f
  printf "tcpflow -r: wall min %.2f / median %.2f s; extract wall / tcpflow wall: min %.2f / median %.2f (target <= 1)\n",
    tmin, tmed, wmin / tmin, wmed / tmed
  b = f + r + w + u
  printf "lower bound: floor %.2f + reading the capture %.2f + writing %d MB of attachments %.2f (kernel) + reassembling in C %.2f (tcpflow user) = %.2f CPU-s = %.2f x floor; with a JVM that only starts (--version, %.2f): %.2f x floor; with the fixed cost %.2f: %.2f CPU-s = %.2f x floor, %.2f s wall on 2 cores at best (tcpflow min %.2f s)\n",
    f, r, mb, w, u, b, b / f, j, (b + j) / f, x, b + x, (b + x) / f, (b + x) / 2, tmin }'
