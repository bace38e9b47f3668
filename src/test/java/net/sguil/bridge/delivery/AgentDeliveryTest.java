package net.sguil.bridge.delivery;

import static net.sguil.bridge.sguil.agent.AgentTestSupport.await;
import static net.sguil.bridge.sguil.agent.AgentTestSupport.config;
import static net.sguil.bridge.sguil.agent.AgentTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.sguil.agent.FakeSguildTestBase;
import net.sguil.bridge.sguil.agent.SguildTrust;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDeliveryTest extends FakeSguildTestBase {
    /** Backoff short enough for tests. */
    static final DeliveryLimits FAST = DeliveryLimits.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    private static final Instant TS = Instant.parse("2026-11-27T23:47:56Z");

    @TempDir
    Path dir;
    @Test
    void deliversEventsWithTheExactFieldsAndRepairsIpv6Visibly() throws Exception {
        try (AgentDelivery d = AgentDelivery.start(pinned().build(), FAST, dir.resolve("outbox"))) {
            d.submit(event("HTTP PUT accepted", TS, "10.1.2.3", "192.168.1.5", "<b>PUT</b> &amp; 201"));
            d.submit(event("IPv6 PUT", TS.plusSeconds(1), "2001:db8::7", "2001:db8::8", "<table></table>"));
            d.sync();
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats()).extracting(DeliveryStats::submitted, DeliveryStats::confirmed, DeliveryStats::refused,
                    DeliveryStats::repaired, DeliveryStats::outboxDepth).containsExactly(2L, 2L, 0L, 1L, 0);
            assertThat(d.stats().repairs()).containsExactly(java.util.Map.entry(DeliveryWeird.DELIVERY_ADDRESS_NOT_IPV4.id(), 1L));
        }
        List<FakeSguild.Stored> s = fake.stored();
        assertThat(s).hasSize(2);
        assertThat(s.get(0).fields()).containsExactly("0", "2", "web-application-atta", "bridge1",
                "2026-11-27 23:47:56", "1", "1", "0", s.get(0).fields().get(8), "10.1.2.3", "192.168.1.5", "6",
                "40000", "80", "10001", "1000003", "2", s.get(0).fields().get(17));
        assertThat(s.get(0).message()).isEqualTo("HTTP PUT accepted");
        assertThat(s.get(0).detail()).startsWith("<p>sguil-bridge conclusion ")
                .endsWith("</p>\n<b>PUT</b> &amp; 201");
        assertThat(s.get(1).cid()).isEqualTo(2);
        assertThat(s.get(1).fields().subList(9, 11)).containsExactly("0.0.0.0", "0.0.0.0");
        assertThat(s.get(1).detail()).contains("[2001:db8::7]:40000", "[2001:db8::8]:80").endsWith("<table></table>");
    }

    @Test
    void aNewOutboxContinuesAboveSguildsMaxCid() throws Exception {
        for (String journal : List.of("first", "second")) {
            try (AgentDelivery d = AgentDelivery.start(pinned().build(), FAST, dir.resolve(journal))) {
                d.submit(event("event from " + journal, TS, "10.0.0.1", "10.0.0.2", null));
                assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            }
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::cid).containsExactly(1L, 2L);
    }

    @Test
    void dropsAnEventSguildNeverAnswers() throws Exception {
        fake.ignoreEvents(true);
        AgentConfig cfg = pinned().replyTimeout(Duration.ofMillis(200)).build();
        try (AgentDelivery d = AgentDelivery.start(cfg, FAST.withMaxSilentAttempts(2), dir.resolve("outbox"))) {
            d.submit(event("never answered", TS, "10.0.0.1", "10.0.0.2", null));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats().refused()).isOne();
            assertThat(d.stats().lastError().message()).contains("never answered it in 2 attempts");
            fake.ignoreEvents(false);
            d.submit(event("answered", TS, "10.0.0.1", "10.0.0.2", null));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::message, FakeSguild.Stored::cid)
                .containsExactly(Tuple.tuple("answered", 2L));
    }

    @Test
    void anEventThatCannotBeStoredIsDroppedAndCountedAndTheOthersFollow() throws Exception {
        SguilEventOut tooOld = new SguilEventOut("too old", 1, "a", 10001, 1, 1, Instant.parse("1969-12-31T23:59:59Z"),
                "10.0.0.1", 1, "10.0.0.2", 2, 6, "r", "old", "", null);
        try (AgentDelivery d = AgentDelivery.start(pinned().build(), FAST, dir.resolve("outbox"))) {
            d.submit(tooOld);
            d.submit(event("after it", TS, "10.0.0.1", "10.0.0.2", null));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats().droppedInvalid()).isOne();
            assertThat(d.stats().lastError().message()).contains("1969-12-31T23:59:59Z");
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::message).containsExactly("after it");
    }

    @Test
    void aKilledSguildIsSeenDisconnectedWithinSecondsWhileIdle() throws Exception {
        try (AgentDelivery d = AgentDelivery.start(pinned().build(), FAST.withIdlePing(Duration.ofMinutes(10)),
                dir.resolve("outbox"))) {
            d.submit(event("one", TS, "10.0.0.1", "10.0.0.2", null));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats().connected()).isTrue();
            long stoppedAt = System.nanoTime();
            fake.stop();
            await("connected false", () -> !d.stats().connected());
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
                    .as("noticed long before the next PING (10 minutes away)").isLessThan(Duration.ofSeconds(20));
            assertThat(d.stats().condition()).startsWith("sguild: not connected: ");
            assertThat(d.stats().transport()).isEqualTo("sguild 127.0.0.1:" + fake.port());
        }
    }
}
