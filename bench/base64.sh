#!/usr/bin/env bash
# Micro-bench of base64 decoding alone (issue 13): MB/s of decoded output and CPU seconds, one
# thread, of the JDK's MIME decoder and Base64DecodingStream on 64 MB
# of 76-column CRLF base64 (mime.Base64Bench), under the default java and, if present, Temurin 25.
# usage: bench/base64.sh [PASSES] [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
mvn -q -B -o test-compile
cp="$(bench_classpath)"
for java in java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  command -v "$java" >/dev/null || continue
  /usr/bin/time -f "process: wall %e s, CPU %U + %S s" "$java" -Xmx512m -cp "$cp" net.sguil.bridge.mime.Base64Bench "$@"
done
