#!/usr/bin/env bash
# Benchmark of load shedding (issue 11): builds (once, deterministic, gzip) the three floods of
# cheap connections — SYN-only, SMTP sessions stalled in DATA, connections holding 4 KB out of
# order — at each size, each followed by one ordinary SMTP session with an attachment; runs
# `extract --json` on each at -Xmx256m and prints packets/s, CPU seconds, peak RSS, the evictions
# counted and whether the session after the flood was extracted byte-exact.
# Target: peak RSS under 400 MB, flat from 100 k to 1 M connections.
# usage: bench/flood.sh [CONNECTIONS...]   (default: 100000 1000000)   FLOOD_KINDS="syn out_of_order" to choose
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
kinds=${FLOOD_KINDS:-syn smtp_stalled out_of_order}
work=bench/work; mkdir -p "$work"
. bench/lib.sh
bench_build
cp="$(bench_classpath)"
for kind in $kinds; do
  for n in "${sizes[@]}"; do
    pcap="$work/flood-$kind-$n.pcap.gz"
    if [ ! -f "$pcap.info" ]; then
      echo "generating $pcap ..." >&2
      java -cp "$cp" net.sguil.bridge.testpcap.Floods "$kind" "$n" "$pcap" > "$pcap.info.tmp"
      mv "$pcap.info.tmp" "$pcap.info"
    fi
    packets=$(sed -n 's/.*packets=\([0-9]*\).*/\1/p' "$pcap.info")
    sha=$(sed -n 's/.*trailing_sha256=\([0-9a-f]*\).*/\1/p' "$pcap.info")
    out="$work/flood-out"; rm -rf "$out"
    /usr/bin/time -f "%e %U %S %M" -o "$work/flood-time.txt" \
      java $bench_jvm -jar target/sguil-bridge.jar extract --json -o "$out" "$pcap" > "$work/flood.json" 2> "$work/flood.err" \
      || { echo "flood $kind $n: extract failed: $(tail -1 "$work/flood.err")"; continue; }
    read -r secs user sys rss_kb < "$work/flood-time.txt"
    pcapline=$(grep '"type":"pcap"' "$work/flood.json")
    table=$(sed -n 's/.*"tcp.evicted_table_full":\([0-9]*\).*/\1/p' <<< "$pcapline"); table=${table:-0}
    memory=$(sed -n 's/.*"tcp.evicted_memory":\([0-9]*\).*/\1/p' <<< "$pcapline"); memory=${memory:-0}
    if grep '"type":"attachment"' "$work/flood.json" | grep -q "\"sha256\":\"$sha\""; then trailing=yes; else trailing=NO; fi
    awk -v k="$kind" -v n="$n" -v p="$packets" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss_kb" \
        -v t="$table" -v m="$memory" -v x="$trailing" 'BEGIN {
      printf "flood %-12s %8d connections: %9d packets in %6.1f s = %8.0f packets/s (cpu %.1f s), peak RSS %4.0f MB, evicted %d (table full) + %d (memory), trailing session extracted: %s\n",
        k, n, p, s, p/s, u+y, r/1024, t, m, x }'
    rm -rf "$out"
  done
done
