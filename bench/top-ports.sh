#!/usr/bin/env bash
# Benchmark of `report top-ports` against the blog's UNION ALL query shape.
# Loads ROWS sancp rows (default 10,000,000; 2 sensors x 10 day tables, deterministic) into the database
# sguildb_bench_topports on the test MariaDB (bin/test-db start; SGUIL_BRIDGE_TEST_DB_URL/_USER/_PASSWORD),
# prints the load rate, then times both queries on a 1-hour and a 24-hour window and checks they agree.
# The database is dropped afterwards unless --keep is given.
# usage: bench/top-ports.sh [ROWS] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
mvn -q -B -o test-compile
exec java -Xmx1g -Duser.timezone=UTC -cp "$(bench_classpath)" \
  net.sguil.bridge.report.TopPortsBench "$@"
