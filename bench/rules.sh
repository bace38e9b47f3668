#!/usr/bin/env bash
# Rules benchmark: 1 M SguilAlert + 1 M SancpSession facts over 30 simulated days through the shipped
# packs in drl/ on the pseudo clock; prints facts/s and heap figures. Target: >= 200,000 facts/s,
# live heap flat in the number of days.
# Usage: bench/rules.sh [alerts] [sessions] [days] [fire-every-ms] [rule dir]    (BENCH_XMX, default 512m)
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
. bench/lib.sh
mvn -q -B -o test-compile
exec java -Xmx"${BENCH_XMX:-512m}" -Xms"${BENCH_XMX:-512m}" -XX:+UseParallelGC -Dlogback.configurationFile=/dev/null \
    -cp "$(bench_classpath)" net.sguil.bridge.rules.RulesBench "$@"
