package net.sguil.bridge.sguil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.state.Durable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventReaderTest {
    static final ReaderLimits FROM_START = new ReaderLimits(1000, Duration.ofMinutes(30), false);

    TestDatabase db;
    Connection c;
    SguilTestData data;
    @TempDir
    Path tmp;
    Path state;

    @BeforeEach
    void up() throws Exception {
        db = TestDatabase.createWithSchema();
        c = db.connect();
        data = new SguilTestData(c);
        state = tmp.resolve("events.pos");
    }

    @AfterEach
    void down() throws Exception {
        c.close();
        db.close();
    }

    private static List<String> keys(List<SguilAlert> alerts) {
        return alerts.stream().map(a -> a.getSid() + "." + a.getCid()).toList();
    }

    private List<SguilAlert> pollAll(EventReader r) throws Exception {
        List<SguilAlert> out = new ArrayList<>();
        r.poll(out::add, Durable.NONE);
        return out;
    }

    @Test
    void readsEachAlertOnceAcrossRestartsInSidCidOrder() throws Exception {
        int s1 = data.sensor("s1");
        int s2 = data.sensor("s2");
        data.events("s1", s1, 1, 5, "SIG A", 1000003, "2006-06-15T10:00:00Z");
        data.events("s2", s2, 1, 3, "SIG B", 1000004, "2006-06-15T10:00:01Z");

        EventReader r = new EventReader(c, state, Set.of(), FROM_START);
        assertThat(keys(pollAll(r))).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3");
        assertThat(pollAll(r)).isEmpty();

        data.events("s1", s1, 6, 2, "SIG A", 1000003, "2006-06-15T11:00:00Z");
        EventReader restarted = new EventReader(c, state, Set.of(), FROM_START);
        assertThat(keys(pollAll(restarted))).containsExactly("1.6", "1.7");
        assertThat(pollAll(new EventReader(c, state, Set.of(), FROM_START))).isEmpty();
    }

    @Test
    void smallBatchesAndRestartsBetweenThemGiveNoGapsAndNoDuplicates() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 23, "SIG A", 1, "2006-06-15T10:00:00Z");
        ReaderLimits tiny = new ReaderLimits(4, Duration.ZERO, false);
        List<SguilAlert> all = new ArrayList<>();
        int n;
        do {
            n = new EventReader(c, state, Set.of("s1"), tiny).poll(all::add, Durable.NONE);
        } while (n > 0);
        assertThat(all).extracting(SguilAlert::getCid).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 23).boxed().toList());
    }

    @Test
    void aFailingConsumerDoesNotMoveThePosition() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 3, "SIG A", 1, "2006-06-15T10:00:00Z");
        EventReader r = new EventReader(c, state, Set.of(), FROM_START);
        assertThatThrownBy(() -> r.poll(a -> {
            throw new IllegalStateException("rule engine down");
        }, Durable.NONE)).isInstanceOf(IllegalStateException.class);
        assertThat(keys(pollAll(new EventReader(c, state, Set.of(), FROM_START)))).containsExactly("1.1", "1.2", "1.3");
    }

    @Test
    void thePositionMovesOnlyOnceWhatTheRowsCausedIsDurable() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 3, "SIG A", 1, "2006-06-15T10:00:00Z");
        EventReader r = new EventReader(c, state, Set.of(), FROM_START);
        List<String> order = new ArrayList<>();
        assertThatThrownBy(() -> r.poll(a -> order.add("row " + a.getCid()), () -> {
            order.add("sync");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class);
        assertThat(order).containsExactly("row 1", "row 2", "row 3", "sync");
        assertThat(keys(pollAll(new EventReader(c, state, Set.of(), FROM_START)))).as("read again after a restart")
                .containsExactly("1.1", "1.2", "1.3");
        int[] syncs = {0};
        assertThat(new EventReader(c, state, Set.of(), FROM_START).poll(a -> { }, () -> syncs[0]++)).isZero();
        assertThat(syncs[0]).as("nothing read, nothing to force").isZero();
    }

    @Test
    void aFirstStartAtNowTakesItsPositionWhenItStartsNotAtItsFirstPoll() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 5, "OLD", 1, "2006-06-15T10:00:00Z");
        EventReader r = new EventReader(c, state, Set.of(), ReaderLimits.DEFAULTS);
        r.start();
        data.events("s1", s1, 6, 2, "ARRIVED WHILE STARTING", 1, "2006-06-15T10:00:02Z");
        assertThat(keys(pollAll(r))).containsExactly("1.6", "1.7");
        data.events("s1", s1, 8, 1, "ARRIVED AFTER A CRASH BEFORE THE FIRST POLL", 1, "2006-06-15T10:00:03Z");
        EventReader crashedBeforePolling = new EventReader(c, tmp.resolve("other.pos"), Set.of(), ReaderLimits.DEFAULTS);
        crashedBeforePolling.start();
        data.events("s1", s1, 9, 1, "LATER", 1, "2006-06-15T10:00:04Z");
        assertThat(keys(pollAll(new EventReader(c, tmp.resolve("other.pos"), Set.of(), ReaderLimits.DEFAULTS))))
                .as("the position taken at start was saved at once").containsExactly("1.9");
    }

    @Test
    void historyIsWhatLiesBehindThePositionSinceAGivenTime() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 2, "LAST WEEK", 1, "2006-06-08T10:00:00Z");
        data.events("s1", s1, 3, 2, "TODAY", 1, "2006-06-15T10:00:00Z");
        EventReader r = new EventReader(c, state, Set.of(), ReaderLimits.DEFAULTS);
        r.start();
        data.events("s1", s1, 5, 1, "NEW", 1, "2006-06-15T10:00:01Z");
        List<SguilAlert> replayed = new ArrayList<>();
        r.history(Instant.parse("2006-06-14T00:00:00Z"), replayed::add);
        assertThat(keys(replayed)).containsExactly("1.3", "1.4");
        assertThat(keys(pollAll(r))).containsExactly("1.5");
    }

    /** sguild creates {@code event} with the first alert: before that there is no end to start at and no history. */
    @Test
    void aFirstStartAtNowBeforeSguildHasAnEventTableReadsWhatComes() throws Exception {
        int s1 = data.sensor("s1");
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE event");
        }
        EventReader r = new EventReader(c, state, Set.of(), ReaderLimits.DEFAULTS);
        List<SguilAlert> replayed = new ArrayList<>();
        r.history(Instant.parse("2006-06-14T00:00:00Z"), replayed::add);
        assertThat(replayed).isEmpty();
        assertThat(state).as("the position is taken, before any row").exists();
        data.events("s1", s1, 1, 2, "FIRST", 1, "2006-06-15T10:00:00Z");
        assertThat(keys(pollAll(r))).containsExactly("1.1", "1.2");
    }

    @Test
    void seesANewDayTableCreatedByAnotherConnectionWhileRunning() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 2, "SIG A", 1, "2006-06-15T23:59:59Z");
        EventReader r = new EventReader(c, state, Set.of(), FROM_START);
        assertThat(keys(pollAll(r))).containsExactly("1.1", "1.2");

        // The reader keeps its connection; sguild creates the next day's tables on its own connection.
        try (Connection sguild = db.connect()) {
            new SguilTestData(sguild).events("s1", s1, 3, 2, "SIG A", 1, "2006-06-16T00:00:00Z");
        }
        List<SguilAlert> next = pollAll(r);
        assertThat(keys(next)).containsExactly("1.3", "1.4");
        assertThat(next.get(0).getTimestamp()).isEqualTo(Instant.parse("2006-06-16T00:00:00Z"));
    }

    @Test
    void convertsColumnsToFacts() throws Exception {
        int s1 = data.sensor("ids-1.dmz");
        data.event("ids-1.dmz", s1, 7, "HTTP PUT Defacement Attempt", 1000003, "2006-06-15T10:11:12Z");
        SguilAlert a = pollAll(new EventReader(c, state, Set.of(), FROM_START)).get(0);
        assertThat(a.getSensor()).isEqualTo("ids-1.dmz");
        assertThat(a.getSignature()).isEqualTo("HTTP PUT Defacement Attempt");
        assertThat(a.getSignatureId()).isEqualTo(1000003);
        assertThat(a.getTimestamp()).isEqualTo(Instant.parse("2006-06-15T10:11:12Z"));
        assertThat(a.getSrcIp()).isEqualTo("203.0.113.9");
        assertThat(a.getDstIp()).isEqualTo("10.1.1.80");
        assertThat(a.getDstPort()).isEqualTo(80);
        assertThat(a.getSigClass()).isEqualTo("web-application-atta"); // VARCHAR(20): Sguil keeps the first 20 characters
    }

    @Test
    void firstRunStartsAtTheEndWhenAskedAndReadsLaterSensorsFromTheirStart() throws Exception {
        int s1 = data.sensor("s1");
        data.events("s1", s1, 1, 5, "OLD", 1, "2006-06-15T10:00:00Z");
        EventReader r = new EventReader(c, state, Set.of(), ReaderLimits.DEFAULTS);
        assertThat(pollAll(r)).isEmpty();
        data.events("s1", s1, 6, 1, "NEW", 1, "2006-06-15T10:05:00Z");
        int s2 = data.sensor("s2");
        data.events("s2", s2, 1, 2, "NEW", 1, "2006-06-15T10:05:00Z");
        assertThat(keys(pollAll(new EventReader(c, state, Set.of(), ReaderLimits.DEFAULTS))))
                .containsExactly("1.6", "2.1", "2.2");
    }

    @Test
    void onlyTheSelectedSensorsAreRead() throws Exception {
        int s1 = data.sensor("s1");
        int s2 = data.sensor("s2");
        data.events("s1", s1, 1, 2, "A", 1, "2006-06-15T10:00:00Z");
        data.events("s2", s2, 1, 2, "A", 1, "2006-06-15T10:00:00Z");
        assertThat(keys(pollAll(new EventReader(c, state, Set.of("s2"), FROM_START)))).containsExactly("2.1", "2.2");
    }

    @Test
    void aDamagedStateFileStopsTheReaderInsteadOfRereading() throws Exception {
        Files.writeString(state, "1 12\n1 x\n");
        assertThatThrownBy(() -> new EventReader(c, state, Set.of(), FROM_START))
                .isInstanceOf(IOException.class).hasMessageContaining(":2:");
    }
}
