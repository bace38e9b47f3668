#!/usr/bin/env bash
# Benchmark of `run`: event and sancp rows arriving at a steady rate into the private MariaDB
# (bin/test-db), the daemon with the shipped rules, the sguild test server on TLS; prints end-to-end
# latency (row inserted -> event confirmed: median and 99th percentile), events/s delivered and
# peak RSS. usage: bench/daemon.sh [EVENTS] [SANCP] [SECONDS]   (default 100000 1000000 60)
set -euo pipefail
cd "$(dirname "$0")/.."
bin/test-db start >/dev/null
. bench/lib.sh
mvn -q -B -o test-compile
SGUIL_BRIDGE_LOG_LEVEL=WARN java -Xmx1g -cp "$(bench_classpath)" \
  net.sguil.bridge.daemon.DaemonBench "${1:-100000}" "${2:-1000000}" "${3:-60}"
