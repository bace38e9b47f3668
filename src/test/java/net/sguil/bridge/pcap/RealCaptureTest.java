package net.sguil.bridge.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Captures made with tcpdump and converted with editcap (see src/test/resources/pcap/README.md). */
class RealCaptureTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RealCaptureTest.class.getResource("/pcap/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-v4-v6.pcap", "http-v4-v6.nsec.pcap", "http-v4-v6.pcapng.gz"})
    void tcpdumpCaptureReadsTheSameInEveryFormat(String name) throws Exception {
        Collected c = Collected.read(resource(name));
        Collected reference = Collected.read(resource("http-v4-v6.pcap"));
        assertThat(c.truncation).isNull();
        assertThat(c.packets).hasSize(24);
        assertThat(c.segments).hasSize(24);
        assertThat(c.segments.stream().mapToInt(s -> s.payload().length).sum()).isEqualTo(2790);
        assertThat(c.segments.stream().filter(s -> s.src().startsWith("fd77")).count()).isEqualTo(12);
        assertThat(c.payloadText()).contains("GET /hello.txt HTTP/1.1").contains("hello from the capture test");
        assertThat(c.packets.get(0).timestampNanos).isEqualTo(1_795_825_816_369_403_000L);
        for (int i = 0; i < 24; i++) {
            assertThat(c.packets.get(i).timestampNanos).isEqualTo(reference.packets.get(i).timestampNanos);
            assertThat(c.segments.get(i).payload()).isEqualTo(reference.segments.get(i).payload());
        }
        assertThat(c.weirds.snapshot()).isEmpty();
    }

    @Test
    void sll2CaptureWithSnaplen96ReportsTheMissingBytes() throws IOException, URISyntaxException {
        Collected c = Collected.read(resource("any-sll2-snap96.pcap"));
        assertThat(c.packets).hasSize(12).allSatisfy(p -> assertThat(p.linkType).isEqualTo(LinkTypes.LINUX_SLL2));
        assertThat(c.segments).filteredOn(s -> s.missing() > 0).extracting(s -> s.payload().length + s.missing())
                .containsExactly(87, 188, 1120);
        assertThat(c.segments).filteredOn(s -> s.missing() > 0).allSatisfy(s -> assertThat(s.payload()).hasSize(24));
        assertThat(c.weirds.get("pcap.snaplen_cut")).isEqualTo(3);
    }
}
