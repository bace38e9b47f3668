package net.sguil.bridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbDeliveryTest {
    private static final Instant DAY1 = Instant.parse("2006-06-22T16:07:19Z");
    private static final DeliveryLimits LIMITS = DeliveryLimits.defaults()
            .withOutbox(new OutboxLimits(1000, 1 << 20, 1000)).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void up() throws Exception {
        db = TestDatabase.createWithSchema();
    }

    @AfterEach
    void down() throws Exception {
        db.close();
    }

    private static SguilEventOut event(String key, Instant t) {
        return new SguilEventOut("HTTP PUT Defacement SUCCEEDED", 1, "web-application-attack", 10001, 1000003, 1, t,
                "10.1.2.3", 40000, "192.168.1.5", 80, 6, "put-succeeded", key, "plain", "<b>html</b>");
    }

    private DbDelivery start() throws Exception {
        return DbDelivery.start(db.settings(), "bridge1", "bridge", dir.resolve("outbox"), LIMITS);
    }

    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT e.cid, e.signature_gen, e.signature_id, DATE(e.timestamp), "
                     + "INET_NTOA(e.src_ip), d.data_payload IS NOT NULL FROM event e LEFT JOIN data d "
                     + "ON d.sid = e.sid AND d.cid = e.cid ORDER BY e.cid")) {
            while (r.next()) {
                out.add(r.getLong(1) + " " + r.getLong(2) + " " + r.getLong(3) + " " + r.getString(4) + " "
                        + r.getString(5) + " " + r.getBoolean(6));
            }
        }
        return out;
    }

    @Test
    void everyConclusionIsWrittenOnceAcrossRestartsAndNewDays() throws Exception {
        try (DbDelivery d = start()) {
            assertThat(d.submit(event("a", DAY1))).isTrue();
            assertThat(d.submit(event("b", DAY1))).isTrue();
            assertThat(d.submit(event("a", DAY1))).as("same conclusion again").isFalse();
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
        }
        try (DbDelivery d = start()) {
            assertThat(d.submit(event("b", DAY1))).as("remembered after a restart").isFalse();
            assertThat(d.submit(event("c", DAY1.plus(Duration.ofDays(1))))).isTrue();
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats().confirmed()).isEqualTo(1);
        }
        assertThat(rows()).containsExactly(
                "1 10001 1000003 2006-06-22 10.1.2.3 true",
                "2 10001 1000003 2006-06-22 10.1.2.3 true",
                "3 10001 1000003 2006-06-23 10.1.2.3 true");
    }

    @Test
    void eventsWaitInTheOutboxWhileTheDatabaseIsUnreachable() throws Exception {
        var unreachable = net.sguil.bridge.sguil.DbSettings.of("jdbc:mariadb://127.0.0.1:1/sguildb", "u", "p");
        try (DbDelivery d = DbDelivery.start(unreachable, "bridge1", "bridge", dir.resolve("outbox"), LIMITS)) {
            d.submit(event("a", DAY1));
            assertThat(d.awaitDrained(Duration.ofMillis(500))).isFalse();
            assertThat(d.stats().outboxDepth()).isEqualTo(1);
            assertThat(d.stats().lastError().message()).contains("127.0.0.1:1");
            assertThat(d.stats().condition()).startsWith("database: not connected: ");
        }
        try (DbDelivery d = start()) {
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(rows()).hasSize(1);
    }

    @Test
    void ipv6AndABadClassAreStoredRepairedAndTheEventsBehindThemArrive() throws Exception {
        SguilEventOut v6 = new SguilEventOut("BRIDGE HTTP PUT over IPv6", 1, "web-application-attack", 10001, 1000003,
                1, DAY1, "2001:db8::9", 40000, "2001:db8::80", 80, 6, "put-succeeded", "v6", "plain", "<b>v6</b>");
        SguilEventOut badClass = new SguilEventOut("bad class", 2, "x'; DROP TABLE event; --", 10001, 1000003, 1, DAY1,
                "10.1.2.3", 40000, "192.168.1.5", 80, 6, "put-succeeded", "class", "plain", null);
        try (DbDelivery d = start()) {
            d.submit(v6);
            d.submit(badClass);
            d.submit(event("behind", DAY1));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats()).extracting(DeliveryStats::confirmed, DeliveryStats::repaired,
                    DeliveryStats::droppedInvalid).containsExactly(3L, 2L, 0L);
            assertThat(d.stats().repairs()).containsEntry(DeliveryWeird.DELIVERY_ADDRESS_NOT_IPV4.id(), 1L)
                    .containsEntry(DeliveryWeird.DELIVERY_CLASS_REWRITTEN.id(), 1L);
        }
        List<String> stored = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT e.cid, e.signature, e.class, INET_NTOA(e.src_ip), INET_NTOA(e.dst_ip),"
                     + " d.data_payload FROM event e JOIN data d ON d.sid = e.sid AND d.cid = e.cid ORDER BY e.cid")) {
            while (r.next()) {
                String detail = new String(java.util.HexFormat.of().parseHex(r.getString(6)),
                        java.nio.charset.StandardCharsets.UTF_8);
                stored.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
                        + r.getString(5) + " " + detail.contains("[2001:db8::9]:40000") + " "
                        + detail.contains("stored as 'x---drop-table-event'"));
            }
        }
        assertThat(stored).containsExactly(
                "1 BRIDGE HTTP PUT over IPv6 web-application-atta 0.0.0.0 0.0.0.0 true false",
                "2 bad class x---drop-table-event 10.1.2.3 192.168.1.5 false true",
                "3 HTTP PUT Defacement SUCCEEDED web-application-atta 10.1.2.3 192.168.1.5 false false");
    }

    @Test
    void theConclusionsAlreadyInTheDatabaseAreReadBackForAFreshOutbox() throws Exception {
        try (DbDelivery d = start()) {
            d.submit(event("a", DAY1));
            d.submit(event("b", DAY1));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
        }
        List<String> known;
        try (Connection c = db.connect()) {
            known = StoredConclusions.read(c, "bridge1", 100);
            assertThat(StoredConclusions.read(c, "no-such-sensor", 100)).isEmpty();
        }
        assertThat(known).containsExactlyInAnyOrder(ConclusionId.of(event("a", DAY1)), ConclusionId.of(event("b", DAY1)));
        try (DbDelivery d = DbDelivery.start(db.settings(), "bridge1", "bridge", dir.resolve("fresh-outbox"), LIMITS)) {
            d.remember(known);
            assertThat(d.submit(event("a", DAY1))).as("Sguil holds it already").isFalse();
            assertThat(d.submit(event("c", DAY1))).isTrue();
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(rows()).hasSize(3);
    }
}
