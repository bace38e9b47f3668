package net.sguil.bridge.sguil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.state.Durable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SancpReaderTest {
    static final ReaderLimits LATE_30M = new ReaderLimits(1000, Duration.ofMinutes(30), false);

    TestDatabase db;
    Connection c;
    SguilTestData data;
    int sid;
    @TempDir
    Path tmp;
    Path state;

    @BeforeEach
    void up() throws Exception {
        db = TestDatabase.createWithSchema();
        c = db.connect();
        data = new SguilTestData(c);
        sid = data.sensor("s1");
        state = tmp.resolve("sancp.pos");
    }

    @AfterEach
    void down() throws Exception {
        c.close();
        db.close();
    }

    private void session(long id, String start) throws Exception {
        data.sancp("s1", sid, id, start, 6, "10.0.0.5", 40000 + (int) (id % 1000), "198.51.100.7", 443, 100, 2000);
    }

    private List<Long> poll(ReaderLimits limits) throws Exception {
        List<SancpSession> out = new ArrayList<>();
        new SancpReader(c, state, Set.of(), limits).poll(out::add, Durable.NONE);
        return out.stream().map(SancpSession::getSancpId).toList();
    }

    @Test
    void lateBatchesWithLowerIdsAreReadOnceAcrossRestarts() throws Exception {
        session(500, "2006-06-15T10:00:00Z");
        session(501, "2006-06-15T10:05:00Z");
        assertThat(poll(LATE_30M)).containsExactly(500L, 501L);
        assertThat(poll(LATE_30M)).isEmpty();

        // A batch loaded minutes late: older sessions, lower ids than those already read, plus a new one.
        session(120, "2006-06-15T09:50:00Z");
        session(121, "2006-06-15T10:04:59Z");
        session(502, "2006-06-15T10:10:00Z");
        assertThat(poll(LATE_30M)).containsExactly(120L, 121L, 502L);
        assertThat(poll(LATE_30M)).isEmpty();

        // Same start second as rows already read, id in between.
        session(499, "2006-06-15T10:05:00Z");
        assertThat(poll(LATE_30M)).containsExactly(499L);
        assertThat(poll(LATE_30M)).isEmpty();
    }

    @Test
    void rowsLaterThanTheLatenessWindowAreNotRead() throws Exception {
        session(1, "2006-06-15T12:00:00Z");
        assertThat(poll(LATE_30M)).containsExactly(1L);
        session(2, "2006-06-15T11:29:59Z"); // 30 min 1 s before the newest session: beyond the window
        session(3, "2006-06-15T11:30:00Z"); // exactly at the edge: still read
        assertThat(poll(LATE_30M)).containsExactly(3L);
    }

    @Test
    void aSessionFromTheFutureDoesNotHideTheSessionsAfterIt() throws Exception {
        Clock then = Clock.fixed(Instant.parse("2006-06-15T12:00:30Z"), ZoneOffset.UTC);
        session(1, "2006-06-15T12:00:00Z");
        session(2, "2037-01-01T00:00:00Z"); // a sensor with a broken clock
        List<Long> ids = new ArrayList<>();
        new SancpReader(c, state, Set.of(), LATE_30M, then).poll(s -> ids.add(s.getSancpId()), Durable.NONE);
        assertThat(ids).containsExactly(1L, 2L);
        session(3, "2006-06-15T12:01:00Z");
        ids.clear();
        new SancpReader(c, state, Set.of(), LATE_30M, then).poll(s -> ids.add(s.getSancpId()), Durable.NONE);
        assertThat(ids).containsExactly(3L);
        ids.clear();
        new SancpReader(c, state, Set.of(), LATE_30M, then).poll(s -> ids.add(s.getSancpId()), Durable.NONE);
        assertThat(ids).isEmpty();
    }

    @Test
    void smallBatchesOverManySessionsWithTheSameSecondLoseNothing() throws Exception {
        for (long id = 1; id <= 9; id++) {
            session(100 - id, "2006-06-15T10:00:00Z");
        }
        session(7, "2006-06-15T10:00:01Z");
        ReaderLimits tiny = new ReaderLimits(2, Duration.ofMinutes(30), false);
        List<Long> all = new ArrayList<>();
        List<Long> got;
        do {
            got = poll(tiny);
            all.addAll(got);
        } while (!got.isEmpty());
        assertThat(all).containsExactlyInAnyOrder(91L, 92L, 93L, 94L, 95L, 96L, 97L, 98L, 99L, 7L).doesNotHaveDuplicates();
    }

    @Test
    void seesANewDayTableWhileRunningAndConvertsTheRow() throws Exception {
        session(1, "2006-06-15T23:59:00Z");
        SancpReader r = new SancpReader(c, state, Set.of(), LATE_30M);
        List<SancpSession> out = new ArrayList<>();
        r.poll(out::add, Durable.NONE);
        try (Connection loader = db.connect()) {
            new SguilTestData(loader).sancp("s1", sid, 2, "2006-06-16T00:00:30Z", 17, "192.0.2.1", 53, "10.0.0.53", 5353, 70, 300);
        }
        out.clear();
        r.poll(out::add, Durable.NONE);
        assertThat(out).hasSize(1);
        SancpSession s = out.get(0);
        assertThat(s.getSancpId()).isEqualTo(2);
        assertThat(s.getSensor()).isEqualTo("s1");
        assertThat(s.getStartTime()).isEqualTo(Instant.parse("2006-06-16T00:00:30Z"));
        assertThat(s.getEndTime()).isEqualTo(Instant.parse("2006-06-16T00:00:40Z"));
        assertThat(s.getSrcIp()).isEqualTo("192.0.2.1");
        assertThat(s.getDstIp()).isEqualTo("10.0.0.53");
        assertThat(s.getIpProto()).isEqualTo(17);
        assertThat(s.getSrcBytes()).isEqualTo(70);
        assertThat(s.getDstBytes()).isEqualTo(300);
        assertThat(r.watermarks()).containsEntry(sid, Instant.parse("2006-06-16T00:00:30Z"));
    }

    @Test
    void firstRunStartingNowSkipsHistoryButNotWhatArrivesAfter() throws Exception {
        session(1, "2006-06-15T10:00:00Z");
        session(2, "2006-06-15T10:01:00Z");
        assertThat(poll(ReaderLimits.DEFAULTS)).isEmpty();
        session(3, "2006-06-15T09:59:00Z"); // late row of the window
        session(4, "2006-06-15T10:02:00Z");
        assertThat(poll(ReaderLimits.DEFAULTS)).containsExactly(3L, 4L);
    }

    @Test
    void aFirstStartAtNowTakesItsPositionWhenItStarts() throws Exception {
        session(1, "2006-06-15T10:00:00Z");
        SancpReader r = new SancpReader(c, state, Set.of(), ReaderLimits.DEFAULTS);
        r.start();
        session(2, "2006-06-15T10:00:02Z");
        List<Long> ids = new ArrayList<>();
        r.poll(s -> ids.add(s.getSancpId()), Durable.NONE);
        assertThat(ids).containsExactly(2L);
    }

    /** sguild creates {@code sancp} with loaderd's first file: before that a first start at now has nothing to skip. */
    @Test
    void aFirstStartAtNowBeforeSguildHasASancpTableReadsWhatComes() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE sancp");
        }
        SancpReader r = new SancpReader(c, state, Set.of(), ReaderLimits.DEFAULTS);
        r.start();
        assertThat(state).as("the position is taken, before any row").exists();
        session(1, "2006-06-15T10:00:00Z");
        List<Long> ids = new ArrayList<>();
        r.poll(s -> ids.add(s.getSancpId()), Durable.NONE);
        assertThat(ids).containsExactly(1L);
    }
}
