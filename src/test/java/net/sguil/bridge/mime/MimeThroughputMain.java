package net.sguil.bridge.mime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.weird.Weirds;

/**
 * Single-thread throughput of {@link MessageAnalyzer} on a message with a 20 MB base64 attachment
 * (boundary scan + base64 decode + MD5 + SHA-1 + SHA-256 + write). Run after {@code mvn -o test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) net.sguil.bridge.mime.MimeThroughputMain [rounds]}.
 */
public final class MimeThroughputMain {
    private MimeThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        Path dir = Files.createTempDirectory("mime-throughput");
        try {
            byte[] payload = new byte[20 * 1024 * 1024];
            new Random(1).nextBytes(payload);
            Path message = TestMail.message().lines(
                    "Subject: throughput",
                    "Content-Type: multipart/mixed; boundary=b",
                    "",
                    "--b",
                    "Content-Type: text/plain",
                    "",
                    "see attachment",
                    "--b",
                    "Content-Type: application/octet-stream; name=big.bin",
                    "Content-Transfer-Encoding: base64",
                    "").raw(TestMail.base64(payload)).lines("", "--b--").writeTo(dir.resolve("message.eml"));
            long size = Files.size(message);
            MessageAnalyzer analyzer = new MessageAnalyzer(MimeLimits.defaults(), new Weirds());
            AttachmentStore store = new AttachmentStore(dir.resolve("out"));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                String subdir = "m" + i;
                analyzer.analyze(message, false, (file, decoded) -> store.store(subdir, file.name(), decoded).path().toString());
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double wall = (System.nanoTime() - start) / 1e9;
                // CPU time of this thread: what one core delivers, even on a machine busy with other work
                System.out.printf("round %d: %.1f MB: %.0f MB/s of message per core (cpu %.3f s), wall %.0f MB/s%n",
                        i, size / 1e6, size / 1e6 / cpu, cpu, size / 1e6 / wall);
                deleteTree(dir.resolve("out").resolve("m" + i));
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
