package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        GoldenFile.assertMatches(name + ".json", run.out().replace(out.toString(), "OUT"));
    }

    @org.junit.jupiter.api.Test
    void theTextOutputSaysWhichProxyCarriedTheSession() throws IOException {
        Path capture = TunnelSessions.smtpVia(Via.SOCKS5, ExtractCommandTest.message("invoice.pdf"))
                .writePcap(dir.resolve("socks5.pcap"));
        CliRun run = CliRun.of("extract", "--threads", "1", "-o", dir.resolve("text").toString(), capture.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.lines()).filteredOn(l -> l.startsWith("== socks5.pcap 10.0.0.1")).containsExactly(
                "== socks5.pcap 10.0.0.1:40000 -> mx.example.com:25 via socks5 proxy 10.0.0.3:1080 message 1 (accepted, 4517 bytes)",
                "== socks5.pcap 10.0.0.1:40000 -> mx.example.com:25 via socks5 proxy 10.0.0.3:1080 SMTP session: 1 message(s), starttls no, 0 gap(s)");
    }
}
