package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per real capture, btest-style: {@code extract}'s exact text output is compared with a
 * golden file a person has read. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenCaptureTest {
    private static final Path CAPTURES = Path.of("src/test/resources/captures");

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"smtp-attachment.pcap", "smtp-two-rcpt.pcap"})
    void extractPrintsExactlyTheGoldenLines(String capture) throws IOException {
        CliRun run = CliRun.of("extract", "--threads", "1", "-o", out.toString(), CAPTURES.resolve(capture).toString());
        assertThat(run.status()).as(run.err()).isZero();
        GoldenFile.assertMatches(capture + ".txt", run.out().replace(out.toString(), "OUT"));
    }
}
