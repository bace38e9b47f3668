package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extract} in a process started with no locale at all (LANG and LC_* unset, as from a bare
 * root shell, cron or a minimal container), where the JVM can encode file names only in ASCII: an
 * attachment named {@code Überweisung.pdf} must still be stored (as {@code _berweisung.pdf}), with
 * its real name in the record, not fail with an InvalidPathException.
 */
class ExtractWithoutLocaleTest {
    @TempDir
    Path out;

    @Test
    void anAttachmentWhoseNameTheFileSystemEncodingCannotHoldIsStoredUnderASafeName() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "extract", "--json", "--threads", "1", "-o", out.resolve("x").toString(),
                "src/test/resources/captures/smtp-two-rcpt.pcap");
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String json = new String(stdout, StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\"error\"").contains("\"state\":\"complete\"");
        List<String> stored;
        try (Stream<Path> files = Files.walk(out)) {
            stored = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
        assertThat(stored).contains("_berweisung.pdf");
    }
}
