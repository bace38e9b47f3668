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
