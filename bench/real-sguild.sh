#!/usr/bin/env bash
# Latency of the bridge against the genuine sguild (issue 10 item 4: alert -> bridge event visible
# median < 1 s, p99 < 2 s; sancp row -> attachment event median < 2 s). Starts Sguil 1.0.0's own
# sguild and MariaDB (../shared/sguild, through SGUIL_SRC) on free ports, relays Snort alerts as
# snort_agent does and sancp rows through sguild's loaderd, and prints median and p99 per path, once
# with the shipped polls (5 s event, 30 s sancp) and once with 1 s polls.
# usage: bench/real-sguild.sh [ALERTS] [MAILS]   (default 40 12)
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
: "${SGUIL_SRC:=$(cd ../shared/sguild/sguil-1.0 2>/dev/null && pwd || true)}"
[ -n "$SGUIL_SRC" ] || { echo "bench/real-sguild.sh: set SGUIL_SRC to the Sguil 1.0.0 source (../shared/sguild/sguil-1.0)" >&2; exit 2; }
export SGUIL_SRC
. bench/lib.sh
bench_build
cp="$(bench_classpath)"
for polls in "5 30" "1 1"; do
  # shellcheck disable=SC2086
  java -Xmx512m -cp "$cp" net.sguil.bridge.realsguild.RealSguildBench $polls "${1:-40}" "${2:-12}"
done
