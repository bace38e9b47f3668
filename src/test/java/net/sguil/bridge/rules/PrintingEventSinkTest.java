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
        return event(signature, Instant.parse("2006-06-08T12:00:00Z"), "10.0.0.5", "203.0.113.9");
    }

    private static SguilEventOut event(String signature, Instant at, String src, String dst) {
        EventBuilder b = EventBuilder.event("Some rule", 1000101, 2, signature).priority(2).sigClass("misc-activity")
                .at(at).endpoints(src, 1025, dst, 443, 6).evidence("k").row("Count", 2006).row("Name", "a\r\nb");
        return (signature.startsWith("a much") ? b : b.summary(2006, " alerts")).build();
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
        assertThat(o.get("detail").asText()).isEqualTo("Rule: Some rule\nCount: 2006\nName: a\\x0d\\x0ab");
        assertThat(o.get("summary").asText()).isEqualTo("2006 alerts");
    }

    @Test
    void theTableIsInTimeOrderTwoLinesAnEventAtMost100Columns() {
        StringWriter w = new StringWriter();
        PrintingEventSink sink = new PrintingEventSink(new PrintWriter(w), false);
        sink.accept(event("later", Instant.parse("2006-06-08T12:00:01Z"), "10.0.0.5", "203.0.113.9"));
        sink.accept(event("a much longer signature " + "x".repeat(100), Instant.parse("2006-06-08T12:00:00Z"),
                "2001:db8::1", "2001:db8::2"));
        sink.accept(event("six", Instant.parse("2006-06-08T12:00:02Z"), "2001:db8:1111:2222:3333:4444:5555:6666",
                "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff"));
        sink.flush();
        assertThat(w.toString().split("\n")).containsExactly(
                "time (UTC)           pri  sid      source                                         destination",
                "2006-06-08 12:00:00  2    1000101  [2001:db8::1]:1025                             [2001:db8::2]:443",
                "    a much longer signature " + "x".repeat(69) + "...",
                "2006-06-08 12:00:01  2    1000101  10.0.0.5:1025                                  203.0.113.9:443",
                "    2006 alerts",
                "2006-06-08 12:00:02  2    1000101  [2001:db8:1111:2222:3333:4444:5555:6666]:1025",
                "                                   -> [2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff]:443",
                "    2006 alerts");
        assertThat(w.toString().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }
}
