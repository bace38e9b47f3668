package net.sguil.bridge.sguil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import net.sguil.bridge.sguil.StorableEvent;

import org.junit.jupiter.api.Test;

class SguildEventEncoderTest {
    private static final AgentInfo AGENT = new AgentInfo("bridge1", "sguil-bridge", "lab", 7, 0);
    private static final Instant TS = Instant.parse("2026-11-27T23:47:56Z");

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void producesTheEighteenFieldsInWireOrder() {
        StorableEvent ev = new StorableEvent("HTTP PUT accepted", 2, "attempted-admin", 10001, 1000003, 2, TS,
                0x0a010203L, 40000, 0xc0a8000aL, 80, 6, 1234, hex("<b>html</b>"));
        List<String> f = SguildEventEncoder.fields(ev, AGENT, 42);
        assertThat(f).containsExactly("0", "2", "attempted-admin", "bridge1", "2026-11-27 23:47:56", "7", "42", "1234",
                hex("HTTP PUT accepted"), "10.1.2.3", "192.168.0.10", "6", "40000", "80", "10001", "1000003", "2",
                hex("<b>html</b>"));
        assertThat(SguildEventEncoder.encode(ev, AGENT, 42))
                .startsWith("GenericEvent 0 2 attempted-admin bridge1 {2026-11-27 23:47:56} 7 42 1234 ")
                .endsWith(" 10.1.2.3 192.168.0.10 6 40000 80 10001 1000003 2 " + hex("<b>html</b>"));
    }

    @Test
    void protocolsWithoutPortsSendEmptyPortsAndAnEmptyDetailAsBraces() {
        StorableEvent icmp = new StorableEvent("ping", 3, "misc-activity", 10001, 1, 1, TS, 1, 40000, 2, 80, 1, 0, "");
        assertThat(SguildEventEncoder.fields(icmp, AGENT, 1).subList(11, 14)).containsExactly("1", "", "");
        assertThat(SguildEventEncoder.encode(icmp, AGENT, 1)).contains(" 0.0.0.1 0.0.0.2 1 {} {} 10001 1 1 {}");
    }
}
