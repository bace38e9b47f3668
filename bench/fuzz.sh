#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with Jazzer for a given time (the targets are the @FuzzTest
# classes in src/test/java/net/sguil/bridge/fuzz; `mvn verify` only replays their committed corpora).
# Runs one target in a JVM of its own with -Xmx1g (so running out of heap is an OutOfMemoryError,
# which Jazzer reports as a finding), keeps going past findings (up to 100 distinct ones), counts an
# input running longer than TIMEOUT seconds (default 10) as a finding (libFuzzer ends the run there),
# and prints executions, coverage and findings at the end.
#   generated corpus: target/fuzz/TARGET/corpus   (kept between runs, so a later run resumes)
#   findings:         target/fuzz/TARGET/findings (crash-*, timeout-*; replay one by copying it into
#                     src/test/resources/net/sguil/bridge/fuzz/<Class>Inputs/<method>/)
#   full log:         target/fuzz/TARGET/fuzz.log
# usage: bench/fuzz.sh TARGET MINUTES   TARGET: pcap decoder tcp smtp mime http
set -euo pipefail

# All in one function, so that bash has read the whole script before it runs (editing it meanwhile is safe).
main() {
  cd "$(dirname "$0")/.."
  if [ $# -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]] || [ "$2" -lt 1 ]; then
    echo "usage: bench/fuzz.sh TARGET MINUTES   (TARGET: pcap decoder tcp smtp mime http)" >&2
    exit 2
  fi
  target=$1 minutes=$2 timeout=${TIMEOUT:-10}
  case "$target" in
    pcap)    class=PcapReaderFuzzTest     max_len=65536 ;;
    decoder) class=PacketDecoderFuzzTest  max_len=16384 ;;
    tcp)     class=TcpReassemblyFuzzTest  max_len=16384 ;;
    smtp)    class=SmtpParserFuzzTest     max_len=16384 ;;
    mime)    class=MimeAnalyzerFuzzTest   max_len=65536 ;;
    http)    class=HttpParserFuzzTest     max_len=16384 ;;
    *) echo "unknown target '$target' (pcap decoder tcp smtp mime http)" >&2; exit 2 ;;
  esac
  out="$PWD/target/fuzz/$target"
  mkdir -p "$out/corpus" "$out/findings"
  before=$(ls "$out/findings" | grep -cE '^(crash|timeout|oom|leak)-' || true)
  log="$out/fuzz.log"

  # A snapshot of the compiled classes (with the seed corpora): a build running meanwhile cannot change
  # what is being fuzzed.
  . bench/lib.sh
  mvn -q -B -o test-compile > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
  cp="$(bench_classpath 2>>"$out/build.log")"
  rm -rf "$out/classes"; mkdir -p "$out/classes"
  cp -r target/classes "$out/classes/main"; cp -r target/test-classes "$out/classes/test"
  cp="$out/classes/test:$out/classes/main:${cp#target/test-classes:target/classes:}"

  # Arguments for libFuzzer go through Jazzer's jazzer.internal.arg.N parameters (argument 0 is argv[0]);
  # they come after Jazzer's own, so -artifact_prefix sends findings to target/ instead of the source tree.
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" env JAZZER_FUZZ=1 TZ=UTC \
    java -Xmx1g -Duser.timezone=UTC -cp "$cp" \
      -Djazzer.hooks=true -Djazzer.max_duration="${minutes}m" -Djazzer.keep_going=100 \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1="$out/corpus" \
      -Djazzer.internal.arg.2="-artifact_prefix=$out/findings/" \
      -Djazzer.internal.arg.3="-timeout=$timeout" \
      -Djazzer.internal.arg.4="-max_len=$max_len" \
      -Djazzer.internal.arg.5="-print_final_stats=1" \
      net.sguil.bridge.fuzz.FuzzLauncher "$class" > "$log" 2>&1 || true

  read -r wall user sys rss_kb < <(tail -1 "$out/time.txt")
  stats=$(grep -aE '^#[0-9]+[[:space:]]+(INITED|NEW|REDUCE|pulse|DONE)' "$log" | tail -1 || true)
  execs=$(grep -aoE '^stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  [ -n "$execs" ] || execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<< "$stats")
  cov=$(grep -oE 'cov: [0-9]+' <<< "$stats" | awk '{print $2}')
  ft=$(grep -oE 'ft: [0-9]+' <<< "$stats" | awk '{print $2}')
  corp=$(grep -oE 'corp: [0-9]+' <<< "$stats" | awk '{print $2}')
  after=$(ls "$out/findings" | grep -cE '^(crash|timeout|oom|leak)-' || true)
  echo "fuzz $target ($class): ${minutes} min asked, wall ${wall}s, cpu $(awk "BEGIN{print $user+$sys}")s, peak RSS $((rss_kb / 1024)) MB"
  echo "  executions=${execs:-?} cov=${cov:-?} ft=${ft:-?} corpus=${corp:-?} new_findings=$((after - before)) (all findings: $after in $out/findings)"
  grep -aE '^== Java Exception|^java\.lang\.[A-Za-z]+Error|libFuzzer: (timeout|out-of-memory|deadly signal)|FuzzTestFindingException' "$log" \
    | sort | uniq -c | sed 's/^/  /' | head -20 || true
}

main "$@"
