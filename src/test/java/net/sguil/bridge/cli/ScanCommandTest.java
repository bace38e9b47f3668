package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `scan` on the real captures prints exactly the events a person expects of them. */
class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> events(CliRun run) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : run.lines()) {
            JsonNode e = JSON.readTree(line);
            out.add(e.get("signature").asText() + " | " + e.get("dst_ip").asText() + ":" + e.get("dst_port").asInt()
                    + " | " + e.get("generator_id").asInt() + ":" + e.get("signature_id").asInt() + " | "
                    + e.get("rule").asText());
        }
        return out;
    }

    @Test
    void theBlogsPutCasesFromARealCapture() throws Exception {
        CliRun run = CliRun.of("scan", "--json", "src/test/resources/captures/http-put-cases.pcap");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(events(run)).containsExactly(
                "HTTP PUT Defacement SUCCEEDED: /index.html | 10.78.0.2:80 | 10001:1000003 | HTTP PUT Defacement SUCCEEDED",
                "HTTP PUT Defacement Attempt: refused 405 | 10.78.0.2:80 | 10001:1000003 | HTTP PUT Defacement Attempt: first refused from a source",
                "HTTP PUT Defacement SUCCEEDED: /pipelined.html | 10.78.0.2:80 | 10001:1000003 | HTTP PUT Defacement SUCCEEDED",
                "HTTP PUT Defacement SUCCEEDED: /alt-port.html | 10.78.0.2:8081 | 10001:1000003 | HTTP PUT Defacement SUCCEEDED",
                "HTTP PUT Defacement SUCCEEDED: /chunked.html | 10.78.0.2:80 | 10001:1000003 | HTTP PUT Defacement SUCCEEDED",
                "HTTP PUT Defacement Attempt: no response | 10.78.0.2:8082 | 10001:1000003 | HTTP PUT Defacement Attempt: no answer or not accepted",
                "HTTP PUT Defacement Attempt: 1 more refused | 10.78.0.2:80 | 10001:1000003 | HTTP PUT Defacement Attempt: refused attempts summarised");
    }

    @Test
    void theTableSaysWhatHappenedInTimeOrderWithinOneHundredColumns() throws Exception {
        CliRun run = CliRun.of("scan", "src/test/resources/captures/http-put-cases.pcap");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactly(
                "time (UTC)           pri  sid      source           destination",
                "2026-11-28 00:44:02  1    1000003  10.78.0.1:52644  10.78.0.2:80",
                "    SUCCEEDED 201, PUT /index.html",
                "2026-11-28 00:44:02  2    1000003  10.78.0.1:52658  10.78.0.2:80",
                "    refused 405, PUT /refused/index.html",
                "2026-11-28 00:44:02  2    1000003  10.78.0.1:52664  10.78.0.2:80",
                "    1 more refused after the first; next: 403 PUT 10.78.0.2/forbidden/index.html",
                "2026-11-28 00:44:02  1    1000003  10.78.0.1:52680  10.78.0.2:80",
                "    SUCCEEDED 201, PUT /pipelined.html",
                "2026-11-28 00:44:02  1    1000003  10.78.0.1:58766  10.78.0.2:8081",
                "    SUCCEEDED 201, PUT /alt-port.html",
                "2026-11-28 00:44:02  1    1000003  10.78.0.1:52712  10.78.0.2:80",
                "    SUCCEEDED 201, PUT /chunked.html",
                "2026-11-28 00:44:02  2    1000003  10.78.0.1:50960  10.78.0.2:8082",
                "    no response, PUT /unanswered.html");
    }

    @Test
    void theMailedExecutableFromARealCapture() throws Exception {
        CliRun run = CliRun.of("scan", "--json", "examples/smtp-attachment.pcap");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(events(run)).containsExactly(
                "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe) | 10.77.0.2:25 | 10001:1000111 | SMTP: executable attachment",
                "BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe) | 10.77.0.2:25 | 10001:1000113 | SMTP: attachment with a double extension");
    }

    @Test
    void rulesThatDoNotCompileStopTheScanWithFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.drl"), "package x;\nrule \"r\" when\n  Nonsense(\nthen end\n");
        CliRun run = CliRun.of("scan", "--rules", dir.toString(), "examples/smtp-attachment.pcap");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(bad.toString());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unusableInputIsExit2(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pcap"), "not a capture at all");
        CliRun run = CliRun.of("scan", "--json", junk.toString(), "examples/smtp-attachment.pcap");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("sguil-bridge: " + junk + ": ");
        assertThat(events(run)).hasSize(2);
    }
}
