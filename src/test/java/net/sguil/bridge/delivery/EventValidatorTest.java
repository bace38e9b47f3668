package net.sguil.bridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.Ipv4;
import net.sguil.bridge.sguil.StorableEvent;

import org.junit.jupiter.api.Test;

class EventValidatorTest {
    private static final Instant TS = Instant.parse("2026-11-27T23:47:56.789Z");

    private static SguilEventOut ev(String sig, int prio, String cls, String src, String dst, int proto,
                                    String detail, String html) {
        return new SguilEventOut(sig, prio, cls, 10001, 1000003, 2, TS, src, 40000, dst, 80, proto, "r", "k",
                detail, html);
    }

    private static EventValidator.Storable storable(SguilEventOut e) {
        return (EventValidator.Storable) EventValidator.check(e);
    }

    private static String detail(EventValidator.Storable s) {
        return new String(HexFormat.of().parseHex(s.event().hexDetail()), StandardCharsets.UTF_8);
    }

    /** The detail without the conclusion's mark, which comes first. */
    private static String afterMark(EventValidator.Storable s) {
        String d = detail(s);
        return d.substring(d.indexOf('\n') + 1);
    }

    @Test
    void aCleanEventIsStoredAsItIsWithItsConclusionMarkedFirst() {
        EventValidator.Storable s = storable(ev("HTTP PUT accepted", 2, "attempted-admin", "10.1.2.3", "192.168.0.10",
                6, "plain", "<b>html</b>"));
        assertThat(s.repairs()).isEmpty();
        assertThat(s.event()).extracting(StorableEvent::signature, StorableEvent::priority, StorableEvent::sigClass,
                StorableEvent::timestamp, StorableEvent::srcIp, StorableEvent::dstIp).containsExactly("HTTP PUT accepted",
                2, "attempted-admin", Instant.parse("2026-11-27T23:47:56Z"), Ipv4.parse("10.1.2.3"),
                Ipv4.parse("192.168.0.10"));
        String id = ConclusionId.of(ev("x", 1, "a", null, null, 0, null, null));
        assertThat(detail(s)).isEqualTo("<p>sguil-bridge conclusion " + id + ": rule r, evidence k</p>\n<b>html</b>");
        assertThat(ConclusionId.inDetail(detail(s))).isEqualTo(id);
    }

    @Test
    void cutsLongMessagesAndReplacesNonAsciiVisibly() {
        String sig = "\u00e9t\u00e9 \uD83D\uDE00 \u0007" + "x".repeat(300);
        EventValidator.Storable s = storable(ev(sig, 1, "a", "1.1.1.1", "2.2.2.2", 6, "", null));
        assertThat(s.event().signature()).hasSize(255).startsWith("?t? ? ?xx");
        assertThat(s.repairs()).containsExactly(DeliveryWeird.DELIVERY_MESSAGE_NOT_ASCII, DeliveryWeird.DELIVERY_MESSAGE_TRUNCATED);
        assertThat(afterMark(s)).startsWith("Message had characters Sguil cannot store, shown as '?': \\xc3\\xa9t")
                .contains("Message cut at 255 of its 307 characters");
    }

    @Test
    void clampsPriorityAndRewritesClassVisibly() {
        EventValidator.Storable s = storable(ev("s", 0, "Web Application_Attack!x", "1.1.1.1", "2.2.2.2", 6, "", null));
        assertThat(s.event().priority()).isEqualTo(1);
        assertThat(s.event().sigClass()).isEqualTo("web-application-atta");
        assertThat(afterMark(s)).contains("Priority 0 stored as 1", "Class 'Web Application_Attack!x' stored as"
                + " 'web-application-atta'");
        EventValidator.Storable none = storable(ev("s", 9, null, "1.1.1.1", "2.2.2.2", 6, "", null));
        assertThat(none.event()).extracting(StorableEvent::priority, StorableEvent::sigClass).containsExactly(5, "unknown");
        assertThat(none.repairs()).containsExactly(DeliveryWeird.DELIVERY_PRIORITY_CLAMPED, DeliveryWeird.DELIVERY_CLASS_MISSING);
    }

    @Test
    void aHostileClassIsRewrittenNotPassedToSql() {
        EventValidator.Storable s = storable(ev("s", 1, "x'; DROP TABLE event; --", "1.1.1.1", "2.2.2.2", 6, "", null));
        assertThat(s.event().sigClass()).isEqualTo("x---drop-table-event");
        assertThat(afterMark(s)).contains("Class 'x'; DROP TABLE event; --' stored as");
    }

    @Test
    void sendsIpv6AsZeroAddressesAndPutsTheRealOnesInTheDetail() {
        EventValidator.Storable s = storable(ev("s", 1, "a", "2001:db8::1", "10.0.0.5", 6, "", "<table></table>"));
        assertThat(s.event().srcIp()).isZero();
        assertThat(s.event().dstIp()).isEqualTo(Ipv4.parse("10.0.0.5"));
        assertThat(afterMark(s)).isEqualTo(
                "<p>Addresses (not IPv4, sent as 0.0.0.0): source [2001:db8::1]:40000, destination [10.0.0.5]:80</p>\n"
                        + "<table></table>");
        assertThat(s.repairs()).containsExactly(DeliveryWeird.DELIVERY_ADDRESS_NOT_IPV4);
    }

    @Test
    void missingAddressesGoAsZeroWithoutANote() {
        EventValidator.Storable s = storable(ev("s", 1, "a", null, "", 0, "plain only", null));
        assertThat(s.event()).extracting(StorableEvent::srcIp, StorableEvent::dstIp).containsExactly(0L, 0L);
        assertThat(afterMark(s)).isEqualTo("plain only");
        assertThat(s.repairs()).isEmpty();
    }

    @Test
    void truncatesTheDetailVisiblyWithinSguildsLimit() {
        String html = "<table>" + "<tr><td>\u20ac</td></tr>".repeat(5000) + "</table>";
        EventValidator.Storable s = storable(ev("s", 1, "a", "1.1.1.1", "2.2.2.2", 6, "", html));
        assertThat(s.event().hexDetail().length()).isLessThanOrEqualTo(StorableEvent.MAX_DETAIL_HEX);
        String detail = afterMark(s);
        assertThat(detail).startsWith("<table><tr>").endsWith(EventValidator.TRUNCATION_MARK).doesNotContain("\uFFFD");
        String kept = detail.substring(0, detail.length() - EventValidator.TRUNCATION_MARK.length());
        assertThat(kept.lastIndexOf('<')).isLessThan(kept.lastIndexOf('>'));
        assertThat(s.repairs()).containsExactly(DeliveryWeird.DELIVERY_DETAIL_TRUNCATED);
    }

    @Test
    void refusesOnlyTimestampsSguildCannotStore() {
        SguilEventOut old = new SguilEventOut("s", 1, "a", 10001, 1, 1, Instant.parse("1969-12-31T23:59:59Z"),
                "1.1.1.1", 1, "2.2.2.2", 2, 6, "r", "k", "", null);
        assertThat(EventValidator.check(old)).isInstanceOfSatisfying(EventValidator.Unstorable.class,
                u -> assertThat(u.reason()).contains("1969-12-31T23:59:59Z"));
    }

    @Test
    void repairsOutOfRangeNumbers() {
        SguilEventOut e = new SguilEventOut("s", 1, "a", 7, -5, 1L << 33, TS, "1.1.1.1", 70000, "2.2.2.2", -1,
                17, "r", "k", "", null);
        EventValidator.Storable s = storable(e);
        assertThat(s.event()).extracting(StorableEvent::generatorId, StorableEvent::signatureId,
                StorableEvent::revision, StorableEvent::srcPort, StorableEvent::dstPort).containsExactly(10001L, 0L, 0L,
                0, 0);
        assertThat(s.repairs()).containsExactly(DeliveryWeird.DELIVERY_GENERATOR_REWRITTEN, DeliveryWeird.DELIVERY_NUMBER_OUT_OF_RANGE,
                DeliveryWeird.DELIVERY_NUMBER_OUT_OF_RANGE, DeliveryWeird.DELIVERY_NUMBER_OUT_OF_RANGE,
                DeliveryWeird.DELIVERY_NUMBER_OUT_OF_RANGE);
    }

    @Test
    void theMarkCannotBeForgedByTheEvidenceItself() {
        String forged = "sguil-bridge conclusion " + "a".repeat(64) + ": rule x, evidence y";
        SguilEventOut keyless = new SguilEventOut("s", 1, "a", 10001, 1, 1, TS, "1.1.1.1", 1, "2.2.2.2", 2, 6, "r",
                null, "Body: " + forged, null);
        assertThat(ConclusionId.inDetail(detail(storable(keyless)))).isNull();
        assertThat(EventValidator.visible("a<b>&\"'\\\u0000\u202e")).isEqualTo("a\\x3cb\\x3e\\x26\"'\\\\\\x00"
                + "\\xe2\\x80\\xae");
    }
}
