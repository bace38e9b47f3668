package net.sguil.bridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.Test;

class PrintingEventSinkTest {
    private static SguilEventOut event(String signature) {
        return EventBuilder.event("Some rule", 1000101, 2, signature).priority(2).sigClass("misc-activity")
                .at(Instant.parse("2006-06-08T12:00:00Z")).endpoints("10.0.0.5", 1025, "203.0.113.9", 443, 6)
                .evidence("k").row("Count", 2006).row("Name", "a\r\nb").build();
    }

    @Test
    void jsonIsOneObjectPerLineWithTheContractFields() throws Exception {
        StringWriter w = new StringWriter();
        PrintingEventSink sink = new PrintingEventSink(new PrintWriter(w), true);
        sink.accept(event("spike"));
        sink.accept(event("other"));
        sink.flush();
        String[] lines = w.toString().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode o = new ObjectMapper().readTree(lines[0]);
        assertThat(o.get("signature").asText()).isEqualTo("spike");
        assertThat(o.get("generator_id").asLong()).isEqualTo(10001);
        assertThat(o.get("signature_id").asLong()).isEqualTo(1000101);
        assertThat(o.get("revision").asLong()).isEqualTo(2);
        assertThat(o.get("priority").asInt()).isEqualTo(2);
        assertThat(o.get("class").asText()).isEqualTo("misc-activity");
        assertThat(o.get("timestamp").asText()).isEqualTo("2006-06-08T12:00:00Z");
        assertThat(o.get("src_ip").asText()).isEqualTo("10.0.0.5");
        assertThat(o.get("src_port").asInt()).isEqualTo(1025);
        assertThat(o.get("dst_ip").asText()).isEqualTo("203.0.113.9");
        assertThat(o.get("dst_port").asInt()).isEqualTo(443);
        assertThat(o.get("ip_proto").asInt()).isEqualTo(6);
        assertThat(o.get("rule").asText()).isEqualTo("Some rule");
        assertThat(o.get("detail").asText()).isEqualTo("Count: 2006\nName: a\uFFFD\uFFFDb");
    }

    @Test
    void theTableIsAligned() {
        StringWriter w = new StringWriter();
        PrintingEventSink sink = new PrintingEventSink(new PrintWriter(w), false);
        sink.accept(event("short"));
        sink.accept(event("a much longer signature"));
        sink.flush();
        String[] lines = w.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("timestamp").endsWith("signature");
        assertThat(lines[1].indexOf("short")).isEqualTo(lines[0].indexOf("signature"));
        assertThat(lines[2]).contains("10001:1000101:2", "10.0.0.5:1025", "203.0.113.9:443");
    }
}
