package net.sguil.bridge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.testpcap.Floods;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11: cheap, well-formed floods no longer kill the analysis. {@code extract --json} runs in its
 * own JVM at {@code -Xmx256m} (as an operator would run it) on 250,000 SYN-only connections, 30,000
 * SMTP sessions stalled in DATA and 40,000 connections holding 4 KB out of order each; it exits 0,
 * and the ordinary session after the flood is extracted byte-exact (its attachment's SHA-256).
 */
class FloodTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFloods() throws IOException {
        Floods.write(Floods.Kind.SYN, 250_000, dir.resolve("syn.pcap.gz"));
        Floods.write(Floods.Kind.SMTP_STALLED, 30_000, dir.resolve("smtp_stalled.pcap.gz"));
        Floods.write(Floods.Kind.OUT_OF_ORDER, 40_000, dir.resolve("out_of_order.pcap.gz"));
    }

    private static List<JsonNode> extract(Path capture, Path out) throws Exception {
        Path stdout = dir.resolve(capture.getFileName() + ".json");
        Path stderr = dir.resolve(capture.getFileName() + ".err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "net.sguil.bridge.cli.Main", "extract", "--json",
                "-o", out.toString(), capture.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("extract finishes").isTrue();
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"syn, 250000", "smtp_stalled, 30000", "out_of_order, 40000"})
    void theFloodIsShedAndTheMailAfterItIsStillExtractedExactly(String kind, int connections) throws Exception {
        List<JsonNode> records = extract(dir.resolve(kind + ".pcap.gz"), dir.resolve("out-" + kind));
        JsonNode pcap = records.get(records.size() - 1);
        assertThat(pcap.get("type").asText()).isEqualTo("pcap");
        assertThat(pcap.get("truncated").isNull()).as("read to the end").isTrue();
        assertThat(pcap.get("connections").asLong()).isEqualTo(connections + 1L);
        List<JsonNode> trailing = records.stream().filter(r -> r.get("type").asText().equals("attachment")
                && r.get("filename").asText().equals(Floods.TRAILING_NAME)).toList();
        assertThat(trailing).hasSize(1);
        assertThat(trailing.get(0).get("state").asText()).isEqualTo("complete");
        assertThat(trailing.get(0).get("sha256").asText()).isEqualTo(Floods.TRAILING_SHA256);
        JsonNode weirds = pcap.get("weirds");
        System.out.println(kind + ": " + weirds);
        if (kind.equals("syn")) {
            assertThat(weirds.get("tcp.evicted_table_full").asLong()).as("beyond limits.tcp.max_connections")
                    .isEqualTo(connections + 1L - 200_000);
        }
        if (kind.equals("smtp_stalled")) {
            long cut = records.stream().filter(r -> r.get("type").asText().equals("message")
                    && r.get("truncated").asBoolean()).count();
            assertThat(cut).as("every stalled message is reported cut").isEqualTo(connections);
            records.stream().filter(r -> r.get("type").asText().equals("message") && r.get("truncated").asBoolean())
                    .forEach(r -> assertThat(r.get("incomplete").asText()).isEqualTo("tcp.evicted_memory"));
        }
    }
}
