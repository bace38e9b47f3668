#!/usr/bin/env bash
# Benchmark of `extract`: generates (once) a deterministic ~1 GB capture of SMTP sessions with
# attachments of 10 KB to 5 MB, runs extract on it with -Xmx256m, prints MB/s of pcap,
# attachments/s and peak RSS; where tcpflow is installed, times `tcpflow -r` on the same file.
# usage: bench/extract.sh [SIZE_MB]   (default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
work=bench/work; mkdir -p "$work"
pcap="$work/smtp-${size}m.pcap"
. bench/lib.sh
bench_build
cp="$(bench_classpath)"
if [ ! -f "$pcap" ]; then
  echo "generating $pcap ..."
  java -cp "$cp" \
    net.sguil.bridge.bench.SmtpBenchCapture "$pcap" "$size" | tee "$pcap.info"
fi
bytes=$(stat -c %s "$pcap")
expected=$(sed -n 's/.*attachments=\([0-9]*\).*/\1/p' "$pcap.info")
out="$work/out"; rm -rf "$out"
sync; cat "$pcap" > /dev/null   # same page-cache state for both tools
/usr/bin/time -f "%e %M" -o "$work/time.txt" \
  java -Xmx256m -jar target/sguil-bridge.jar extract --json -o "$out" "$pcap" > "$work/extract.json"
read -r secs rss_kb < "$work/time.txt"
found=$(grep -c '"type":"attachment"' "$work/extract.json" || true)
complete=$(grep '"type":"attachment"' "$work/extract.json" | grep -c '"state":"complete"' || true)
awk -v b="$bytes" -v s="$secs" -v n="$found" -v e="$expected" -v c="$complete" -v r="$rss_kb" 'BEGIN {
  printf "extract: %.0f MB in %.2f s = %.1f MB/s of pcap, %.1f attachments/s (%d found, %d complete, %d expected), peak RSS %.0f MB\n",
    b/1048576, s, b/1048576/s, n/s, n, c, e, r/1024 }'
if command -v tcpflow >/dev/null; then
  tf="$work/tcpflow"; rm -rf "$tf"; mkdir -p "$tf"
  /usr/bin/time -f "%e %M" -o "$work/time-tcpflow.txt" tcpflow -r "$pcap" -o "$tf" >/dev/null 2>&1
  read -r tsecs trss < "$work/time-tcpflow.txt"
  awk -v b="$bytes" -v s="$secs" -v t="$tsecs" 'BEGIN {
    printf "tcpflow -r: %.2f s = %.1f MB/s; extract is %.2fx the speed of tcpflow alone\n", t, b/1048576/t, t/s }'
  rm -rf "$tf"
fi
rm -rf "$out"
