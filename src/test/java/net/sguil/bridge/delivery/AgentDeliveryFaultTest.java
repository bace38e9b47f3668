package net.sguil.bridge.delivery;

import static net.sguil.bridge.sguil.agent.AgentTestSupport.await;
import static net.sguil.bridge.sguil.agent.AgentTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.sguil.agent.FakeSguildTestBase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sguild misbehaving under the agent; every test ends with each event stored exactly once. */
class AgentDeliveryFaultTest extends FakeSguildTestBase {
    private static final Instant TS = Instant.parse("2026-11-27T12:00:00Z");

    @TempDir
    Path dir;
    private AgentDelivery delivery;
    private final List<String> expected = new ArrayList<>();

    @BeforeEach
    void startDelivery() throws Exception {
        AgentConfig cfg = pinned().replyTimeout(Duration.ofMillis(300)).pongTimeout(Duration.ofMillis(300)).build();
        delivery = AgentDelivery.start(cfg, AgentDeliveryTest.FAST.withIdlePing(Duration.ofMillis(200)),
                dir.resolve("outbox"));
    }

    @AfterEach
    void stopDelivery() throws Exception {
        delivery.close();
    }

    private void submit(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String sig = "event " + expected.size();
            expected.add(sig);
            delivery.submit(event(sig, TS.plusSeconds(expected.size()), "10.0.0.1", "10.0.0.2", null));
        }
    }

    private void assertEachStoredOnce() throws Exception {
        assertThat(delivery.awaitDrained(Duration.ofSeconds(30))).isTrue();
        List<FakeSguild.Stored> stored = fake.stored();
        assertThat(stored).extracting(FakeSguild.Stored::message).containsExactlyElementsOf(expected);
        assertThat(stored).extracting(FakeSguild.Stored::cid).isSorted().doesNotHaveDuplicates();
        assertThat(delivery.stats().refused()).isZero();
        assertThat(delivery.stats().droppedInvalid()).isZero();
    }

    @Test
    void sguildClosingMidStream() throws Exception {
        fake.closeAfterEvents(3);
        submit(10);
        assertEachStoredOnce();
        assertThat(fake.connections()).isEqualTo(2);
        assertThat(delivery.stats()).as("the unanswered but stored event is not sent again")
                .extracting(DeliveryStats::sent, DeliveryStats::confirmed, DeliveryStats::alreadyStored)
                .containsExactly(10L, 10L, 1L);
    }

    @Test
    void sguildGoingSilent() throws Exception {
        submit(2);
        await("first events", () -> fake.stored().size() == 2);
        fake.silent(true);
        int before = fake.connections();
        submit(3);
        await("reconnects while sguild is silent", () -> fake.connections() >= before + 2);
        assertThat(fake.stored()).hasSize(2);
        fake.silent(false);
        assertEachStoredOnce();
    }

    @Test
    void sguildNoticedDeadByPingWhenIdle() throws Exception {
        submit(1);
        await("first event", () -> fake.stored().size() == 1);
        fake.silent(true);
        int before = fake.connections();
        await("a reconnect after an unanswered PING", () -> fake.connections() > before);
        assertThat(delivery.stats().lastError().message()).contains("PONG");
        fake.silent(false);
        submit(1);
        assertEachStoredOnce();
    }

    @Test
    void sguildRestarting() throws Exception {
        submit(3);
        await("first events", () -> fake.stored().size() == 3);
        fake.stop();
        submit(3);
        await("the loss noticed", () -> !delivery.stats().connected() && delivery.stats().condition() != null);
        fake.start();
        submit(2);
        assertEachStoredOnce();
    }

    @Test
    void sguildsDeadDatabaseHandleKeepsEventsUntilSguildIsRestartedThenEachIsStoredOnce() throws Exception {
        submit(2);
        await("first events", () -> fake.stored().size() == 2);
        fake.databaseGone();
        submit(3);
        await("a resend's transient failure shown as the condition",
                () -> "sguild: storing fails: Server has gone away".equals(delivery.stats().condition()));
        DeliveryStats during = delivery.stats();
        assertThat(during.transientFailures()).isGreaterThanOrEqualTo(2);
        assertThat(during.connected()).as("sguild itself still answers").isTrue();
        assertThat(during.outboxDepth()).isEqualTo(3);
        fake.stop();
        fake.start();
        assertEachStoredOnce();
        assertThat(delivery.stats().condition()).as("cleared by the first event stored").isNull();
        assertThat(delivery.stats().lastConfirmedAt()).isNotNull();
    }
}
