# Sourced by the bench scripts: build what they run, and the classpath of the test tree, where the
# deterministic data generators and the bench mains live.

# How the benches start the fat jar: the heap issue 13 measures at, with the launchers' JVM options
# and class-data archive (bin/sguil-bridge), so a bench measures what an operator runs.
bench_jvm_plain="@sguil-integration/jvm.options -Xmx256m"
bench_jvm="$bench_jvm_plain -XX:SharedArchiveFile=target/sguil-bridge.jsa"

# The fat jar, its class-data archive and the test classes, up to date (an old jar would measure old code).
bench_build() {
  mvn -q -B -o package -DskipTests >/dev/null 2>&1 || mvn -q -B package -DskipTests
  bin/make-class-archive target/sguil-bridge.jar target/sguil-bridge.jsa
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

# Prints the capture's counts and the floor of its attachment work (bench.FloorBench); sets floor and
# decoded_mb (the attachments' decoded size).
bench_floor() {
  local pcap=$1 cp=$2 line
  echo "capture: $pcap ($(stat -c %s "$pcap") bytes): $(cat "$pcap.info")"
  line=$(java -cp "$cp" net.sguil.bridge.bench.FloorBench "$pcap.manifest")
  echo "$line"
  floor=$(echo "$line" | sed -n 's/^floor: \([0-9.]*\) CPU-s.*/\1/p')
  decoded_mb=$(echo "$line" | sed -n 's/.* over \([0-9]*\) MB decoded.*/\1/p')
}

# Runs a command under /usr/bin/time; appends "wall user sys peak-RSS-KB" to FILE.
bench_timed() {
  local file=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$file.one" "$@"
  cat "$file.one" >> "$file"
  rm -f "$file.one"
}

# min, median and max of column COL (1 wall, 2 user, 3 sys, 4 RSS KB, 5 user+sys) of a bench_timed FILE.
bench_stats() {
  awk -v c="$2" '{ v = c == 5 ? $2 + $3 : $c; print v }' "$1" | sort -g | awk '
    { a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f\n", a[1], m, a[NR] }'
}

# "TOOL run N: wall, CPU (user + sys), peak RSS" of the last run in a bench_timed FILE.
bench_run_line() {
  tail -1 "$3" | awk -v t="$1" -v i="$2" '{
    printf "%s run %d: wall %.2f s, CPU %.2f s (user %.2f + sys %.2f), peak RSS %.0f MB\n", t, i, $1, $2 + $3, $2, $3, $4 / 1024 }'
}

# Prints min and median of the runs of TOOL in a bench_timed FILE on capture PCAP, and sets
# wall_min, wall_med, cpu_min, cpu_med for the ratios that follow.
bench_summary() {
  local tool=$1 file=$2 pcap=$3 rss_max
  read -r wall_min wall_med _ < <(bench_stats "$file" 1)
  read -r cpu_min cpu_med _ < <(bench_stats "$file" 5)
  read -r _ _ rss_max < <(bench_stats "$file" 4)
  awk -v t="$tool" -v mb="$(stat -c %s "$pcap")" -v n="$(wc -l < "$file")" -v wmin="$wall_min" -v wmed="$wall_med" \
      -v cmin="$cpu_min" -v cmed="$cpu_med" -v r="$rss_max" 'BEGIN { mb /= 1048576
    printf "%s: %.0f MB, %d runs: wall min %.2f / median %.2f s (%.0f MB/s at the median), CPU min %.2f / median %.2f s, peak RSS max %.0f MB\n",
      t, mb, n, wmin, wmed, mb / wmed, cmin, cmed, r / 1024 }'
}

# CPU seconds (user + sys) of one run of a command, its output dropped: for the fixed cost of a run.
bench_cpu() {
  local file=bench/work/time-once
  rm -f "$file"
  bench_timed "$file" "$@" > /dev/null 2>&1
  awk '{ print $2 + $3 }' "$file"
  rm -f "$file"
}

# The first 2 MB of capture PCAP (cut mid-record: the tools report the cut and carry on), for the
# fixed cost of a run: JVM start-up, class loading, JIT warm-up (and for scan the rule build).
bench_prefix() {
  local prefix=bench/work/prefix-$(basename "$1")
  [ -f "$prefix" ] || head -c 2000000 "$1" > "$prefix"
  echo "$prefix"
}
