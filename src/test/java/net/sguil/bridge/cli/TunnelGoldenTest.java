package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import net.sguil.bridge.testpcap.TunnelSessions;
import net.sguil.bridge.testpcap.TunnelSessions.Via;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SMTP carried through a proxy (issue 12 item 8): after an HTTP CONNECT answered 200, or a SOCKS
 * handshake the proxy granted, the tunnel's payload is detected afresh and the mail in it extracted;
 * every record names the destination asked for and the proxy. {@code extract --json}'s exact lines are
 * compared with a golden file next to the others ({@code -Dgolden.update=true} rewrites them; review the diff).
 */
class TunnelGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Via.class)
    void theMailInsideTheTunnelIsExtractedAndCarriesTheTunnel(Via via) throws IOException {
        String name = "smtp-via-" + via.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".pcap";
        Path capture = TunnelSessions.smtpVia(via, ExtractCommandTest.message("invoice.pdf")).writePcap(dir.resolve(name));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("extract", "--json", "--threads", "1", "-o", out.toString(), capture.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String actual = run.out().replace(out.toString(), "OUT");
        Path golden = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
