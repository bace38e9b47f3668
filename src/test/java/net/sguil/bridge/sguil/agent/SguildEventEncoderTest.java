package net.sguil.bridge.sguil.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.weird.Weirds;

import org.junit.jupiter.api.Test;

class SguildEventEncoderTest {
    private static final AgentInfo AGENT = new AgentInfo("bridge1", "sguil-bridge", "lab", 7, 0);
    private static final Instant TS = Instant.parse("2026-11-27T23:47:56.789Z");

    private final Weirds weirds = new Weirds();
    private final SguildEventEncoder encoder = new SguildEventEncoder(weirds);

    private static SguilEventOut ev(String sig, int prio, String cls, String src, String dst, int proto,
                                    String detail, String html) {
        return new SguilEventOut(sig, prio, cls, 10001, 1000003, 2, TS, src, 40000, dst, 80, proto, "r", "k",
                detail, html);
    }

    private static String unhex(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    @Test
    void producesTheEighteenFieldsInWireOrder() throws Exception {
        List<String> f = encoder.fields(ev("HTTP PUT accepted", 2, "attempted-admin", "10.1.2.3",
                "192.168.0.10", 6, "plain", "<b>html</b>"), AGENT, 42);
        assertThat(f).hasSize(18);
        assertThat(f.subList(0, 8)).containsExactly("0", "2", "attempted-admin", "bridge1",
                "2026-11-27 23:47:56", "7", "42", "0");
        assertThat(unhex(f.get(8))).isEqualTo("HTTP PUT accepted");
        assertThat(f.subList(9, 17)).containsExactly("10.1.2.3", "192.168.0.10", "6", "40000", "80", "10001",
                "1000003", "2");
        assertThat(unhex(f.get(17))).isEqualTo("<b>html</b>");
        assertThat(encoder.encode(ev("x", 2, "a", "1.2.3.4", "5.6.7.8", 6, "d", null), AGENT, 42))
                .startsWith("GenericEvent 0 2 a bridge1 {2026-11-27 23:47:56} 7 42 0 78 1.2.3.4 5.6.7.8 6 40000 80 10001")
                .endsWith(" " + HexFormat.of().formatHex("d".getBytes(StandardCharsets.US_ASCII)));
        assertThat(weirds.snapshot()).isEmpty();
    }

    @Test
    void cutsLongMessagesAndReplacesNonAsciiVisibly() throws Exception {
        String sig = "\u00e9t\u00e9 \uD83D\uDE00 \u0007" + "x".repeat(300);
        String msg = unhex(encoder.fields(ev(sig, 1, "a", "1.1.1.1", "2.2.2.2", 6, "", null), AGENT, 1).get(8));
        assertThat(msg).hasSize(255).startsWith("?t? ? ?xx");
        assertThat(weirds.get("agent.message_truncated")).isOne();
        assertThat(weirds.get("agent.message_not_ascii")).isOne();
    }

    @Test
    void clampsPriorityAndRewritesClass() throws Exception {
        assertThat(encoder.fields(ev("s", 0, "Web Application_Attack!x", "1.1.1.1", "2.2.2.2", 6, "", null), AGENT, 1)
                .subList(1, 3)).containsExactly("1", "web-application-atta");
        assertThat(encoder.fields(ev("s", 9, null, "1.1.1.1", "2.2.2.2", 6, "", null), AGENT, 1).subList(1, 3))
                .containsExactly("5", "unknown");
        assertThat(weirds.get("agent.priority_clamped")).isEqualTo(2);
        assertThat(weirds.get("agent.class_rewritten")).isOne();
    }

    @Test
    void sendsIpv6AsZeroAddressesAndPutsTheRealOnesInTheDetail() throws Exception {
        List<String> f = encoder.fields(ev("s", 1, "a", "2001:db8::1", "10.0.0.5", 6, "", "<table></table>"), AGENT, 1);
        assertThat(f.subList(9, 11)).containsExactly("0.0.0.0", "10.0.0.5");
        assertThat(unhex(f.get(17)))
                .isEqualTo("<p>Addresses (not IPv4, sent as 0.0.0.0): source [2001:db8::1]:40000, destination [10.0.0.5]:80</p>\n"
                        + "<table></table>");
        assertThat(weirds.get("agent.address_not_ipv4")).isOne();
    }

    @Test
    void missingAddressesGoAsZeroWithoutANote() throws Exception {
        List<String> f = encoder.fields(ev("s", 1, "a", null, "", 0, "plain only", null), AGENT, 1);
        assertThat(f.subList(9, 14)).containsExactly("0.0.0.0", "0.0.0.0", "0", "", "");
        assertThat(unhex(f.get(17))).isEqualTo("plain only");
    }

    @Test
    void truncatesTheDetailVisiblyWithinTheLimit() throws Exception {
        String html = "<table>" + "<tr><td>\u20ac</td></tr>".repeat(5000) + "</table>";
        String hex = encoder.fields(ev("s", 1, "a", "1.1.1.1", "2.2.2.2", 6, "", html), AGENT, 1).get(17);
        assertThat(hex.length()).isLessThanOrEqualTo(SguildEventEncoder.MAX_DETAIL_HEX);
        String detail = unhex(hex);
        assertThat(detail).startsWith("<table><tr>").endsWith(SguildEventEncoder.TRUNCATION_MARK)
                .doesNotContain("\uFFFD");
        String kept = detail.substring(0, detail.length() - SguildEventEncoder.TRUNCATION_MARK.length());
        assertThat(kept.lastIndexOf('<')).isLessThan(kept.lastIndexOf('>'));
        assertThat(weirds.get("agent.detail_truncated")).isOne();
    }

    @Test
    void refusesTimestampsSguildCannotStore() {
        SguilEventOut old = new SguilEventOut("s", 1, "a", 10001, 1, 1, Instant.parse("1969-12-31T23:59:59Z"),
                "1.1.1.1", 1, "2.2.2.2", 2, 6, "r", "k", "", null);
        assertThatThrownBy(() -> encoder.fields(old, AGENT, 1)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("1969-12-31T23:59:59Z");
    }

    @Test
    void repairsOutOfRangeNumbers() throws Exception {
        SguilEventOut e = new SguilEventOut("s", 1, "a", 10001, -5, 1L << 33, TS, "1.1.1.1", 70000, "2.2.2.2", -1,
                17, "r", "k", "", null);
        List<String> f = encoder.fields(e, AGENT, 1);
        assertThat(f.subList(11, 17)).containsExactly("17", "0", "0", "10001", "0", "0");
        assertThat(weirds.get("agent.number_out_of_range")).isEqualTo(4);
    }

    @Test
    void acceptsOnlyDottedQuads() {
        assertThat(SguildEventEncoder.ipv4(" 010.1.2.3 ")).isEqualTo("10.1.2.3");
        assertThat(SguildEventEncoder.ipv4("1.2.3")).isNull();
        assertThat(SguildEventEncoder.ipv4("1.2.3.256")).isNull();
        assertThat(SguildEventEncoder.ipv4("1.2.3.-4")).isNull();
        assertThat(SguildEventEncoder.ipv4("::ffff:1.2.3.4")).isNull();
    }
}
