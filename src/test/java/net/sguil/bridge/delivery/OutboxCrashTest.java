package net.sguil.bridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import net.sguil.bridge.sguil.agent.AgentTestSupport;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.sguil.agent.TestCertificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a delivering JVM with SIGKILL 20 times (most once it has reported a random number of submits
 * of its own, every fourth at a random instant from JVM start on), restarting it each time, then
 * lets it finish: every event whose submit returned is stored exactly once; the one event per kill
 * whose submit may have been cut off is stored at most once; nothing else, and no (sid, cid) twice.
 */
class OutboxCrashTest {
    private static final int TOTAL = 300;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventIsDeliveredExactlyOnceAcrossKills() throws Exception {
        TestCertificate cert = TestCertificate.get();
        Path logConfig = dir.resolve("logback.xml");
        Files.writeString(logConfig, "<configuration><appender name=\"E\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<target>System.err</target><encoder><pattern>%d %-5level %logger{0} - %msg%n</pattern></encoder>"
                + "</appender><root level=\"INFO\"><appender-ref ref=\"E\"/></root></configuration>");
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Set<Integer> acked = new HashSet<>();
        Set<Integer> uncertain = new HashSet<>();
        int next = 0;
        int productiveKills = 0;
        try (FakeSguild fake = new FakeSguild(cert).start()) {
            boolean finished = false;
            for (int kill = 0; kill < KILLS && !finished; kill++) {
                int ackedBefore = acked.size();
                int storedBefore = fake.stored().size();
                Child child = Child.start(dir, logConfig, fake.port(), cert.sha256(), next);
                boolean ended;
                if (kill % 4 == 3) {
                    // every fourth kill lands anywhere from JVM start, replay and compaction included: an
                    // instant left to chance on purpose, since nothing asserted depends on where it lands
                    ended = child.process.waitFor(random.nextInt(1000), TimeUnit.MILLISECONDS);
                } else {
                    // the others land while it submits and delivers for certain: after some submits of its own
                    int acks = 1 + random.nextInt(20);
                    AgentTestSupport.await(acks + " acks", () -> child.acks() >= acks || !child.process.isAlive());
                    ended = !child.process.isAlive();
                }
                if (ended) {
                    child.collectAcks(acked);
                    assertThat(child.process.exitValue()).as("child exit, seed %d", seed).isZero();
                    finished = true;
                    continue;
                }
                child.process.destroyForcibly();
                child.collectAcks(acked);
                if (acked.size() > ackedBefore || fake.stored().size() > storedBefore) {
                    productiveKills++;
                }
                int resumeAt = acked.stream().filter(i -> i >= child.first).max(Integer::compare).map(i -> i + 1)
                        .orElse(child.first);
                if (resumeAt < TOTAL) {
                    uncertain.add(resumeAt); // its submit may have returned just before the kill, unreported
                }
                next = Math.min(resumeAt + 1, TOTAL);
            }
            if (!finished) {
                Child last = Child.start(dir, logConfig, fake.port(), cert.sha256(), next);
                assertThat(last.process.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
                last.collectAcks(acked);
                assertThat(last.process.exitValue()).as("final run, seed %d; log in target/outbox-crash-child.log", seed)
                        .isZero();
            }

            List<FakeSguild.Stored> stored = fake.stored();
            Map<Integer, Long> perEvent = stored.stream().collect(Collectors.groupingBy(
                    s -> Integer.parseInt(s.message().substring("crash ".length())), Collectors.counting()));
            assertThat(stored).extracting(FakeSguild.Stored::cid).as("seed %d", seed).doesNotHaveDuplicates();
            for (int i : acked) {
                assertThat(perEvent.get(i)).as("acknowledged event %d, seed %d, stored as %s", i, seed,
                        stored.stream().filter(s -> s.message().equals("crash " + i)).map(FakeSguild.Stored::cid).toList())
                        .isEqualTo(1L);
            }
            for (int i : uncertain) {
                assertThat(perEvent.getOrDefault(i, 0L)).as("cut-off event %d, seed %d", i, seed).isLessThanOrEqualTo(1L);
            }
            Set<Integer> expectedKeys = new HashSet<>(acked);
            expectedKeys.addAll(uncertain);
            assertThat(expectedKeys).containsAll(perEvent.keySet());
            assertThat(acked.size() + uncertain.size()).as("every index accounted for").isEqualTo(TOTAL);
            assertThat(productiveKills).as("kills that interrupted real work").isGreaterThanOrEqualTo(KILLS * 3 / 4);
        }
    }

    /**
     * One child JVM. Its stdout goes to a file read once it is dead: a pipe read while the JDK reaps a
     * killed process can fail with "Stream closed" and lose the last lines.
     */
    private record Child(Process process, Path out, int first) {
        static Child start(Path dir, Path logConfig, int port, String fingerprint, int first) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path out = Files.createTempFile(dir, "child", ".out");
            Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Duser.timezone=UTC", "-Dlogback.configurationFile=" + logConfig,
                    "-cp", System.getProperty("java.class.path"), OutboxCrashChild.class.getName(),
                    dir.resolve("outbox").toString(), Integer.toString(port), fingerprint,
                    Integer.toString(first), Integer.toString(TOTAL))
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "outbox-crash-child.log").toFile()))
                    .start();
            return new Child(p, out, first);
        }

        /** How many submits it has reported so far. */
        long acks() {
            return lines().stream().filter(l -> l.startsWith("ACK ")).count();
        }

        /** Indexes whose submit returned, as the child reported them. */
        void collectAcks(Set<Integer> acked) throws Exception {
            process.waitFor();
            for (String line : lines()) {
                if (line.matches("ACK [0-9]+")) {
                    acked.add(Integer.parseInt(line.substring(4)));
                }
            }
        }

        private List<String> lines() {
            try {
                return Files.readAllLines(out, StandardCharsets.US_ASCII);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
