# Sourced by the bench scripts: build what they run, and the classpath of the test tree, where the
# deterministic data generators and the bench mains live.

# The fat jar and the test classes, up to date (an old jar would measure old code).
bench_build() {
  mvn -q -B -o package -DskipTests >/dev/null 2>&1 || mvn -q -B package -DskipTests
  mvn -q -B -o test-compile
}

# The test tree's classpath, resolved afresh so a changed pom is picked up.
bench_classpath() {
  mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null
  echo "target/test-classes:target/classes:$(cat target/test-classpath.txt)"
}

# The sensor-like capture of KIND (smtp: mail only; mixed: mail and web; http: web only) of about
# SIZE MB, generated once into bench/work (with its attachment manifest); prints its path.
bench_capture() {
  local cp=$1 kind=$2 size=$3 flag=
  case $kind in mixed) flag=--http ;; http) flag=--http-only ;; esac
  local pcap=bench/work/sensor-v2-$kind-${size}m.pcap
  if [ ! -f "$pcap.info" ]; then
    echo "generating $pcap ..." >&2
    java -cp "$cp" net.sguil.bridge.bench.SensorCapture "$pcap" "$size" $flag > "$pcap.info.tmp"
    mv "$pcap.info.tmp" "$pcap.info"
  fi
  echo "$pcap"
}

# Runs a command under /usr/bin/time; appends "wall user sys peak-RSS-KB" to FILE.
bench_timed() {
  local file=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$file.one" "$@"
  cat "$file.one" >> "$file"
  rm -f "$file.one"
}

# min and median of column COL (1 wall, 2 user, 3 sys, 4 RSS KB, 5 user+sys) of a bench_timed FILE.
bench_stats() {
  awk -v c="$2" '{ v = c == 5 ? $2 + $3 : $c; print v }' "$1" | sort -g | awk '
    { a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f\n", a[1], m, a[NR] }'
}

# The first 2 MB of capture PCAP (cut mid-record: the tools report the cut and carry on), for the
# fixed cost of a run: JVM start-up, class loading, JIT warm-up (and for scan the rule build).
bench_prefix() {
  local prefix=bench/work/prefix-$(basename "$1")
  [ -f "$prefix" ] || head -c 2000000 "$1" > "$prefix"
  echo "$prefix"
}
