package net.sguil.bridge.sguil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sguil.bridge.facts.AnalystAction;
import net.sguil.bridge.state.Durable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
    static final ReaderLimits LIMITS = new ReaderLimits(1000, Duration.ofMinutes(30), false);
    static final Instant T = Instant.parse("2026-06-15T10:00:00Z");

    TestDatabase db;
    Connection c;
    SguilTestData data;
    AnalystConsole console;
    @TempDir
    Path tmp;
    Path state;
    int sid;

    @BeforeEach
    void up() throws Exception {
        db = TestDatabase.createWithSchema();
        c = db.connect();
        data = new SguilTestData(c);
        console = new AnalystConsole(c);
        state = tmp.resolve("history.position");
        sid = data.sensor("s1");
        for (int cid = 1; cid <= 5; cid++) {
            console.alert("s1", sid, cid, "SIG " + cid, 2000 + cid, T.plusSeconds(cid), "10.0.0.9", 41000 + cid,
                    "10.0.0.25", 25, 6);
        }
    }

    @AfterEach
    void down() throws Exception {
        c.close();
        db.close();
    }

    private HistoryReader reader(ReaderLimits limits) throws IOException {
        return new HistoryReader(c, state, Set.of(), limits);
    }

    private static List<AnalystAction> poll(HistoryReader r) throws Exception {
        List<AnalystAction> out = new ArrayList<>();
        r.poll(out::add, Durable.NONE);
        return out;
    }

    private static List<String> ids(List<AnalystAction> actions) {
        return actions.stream().map(a -> a.getAlertId() + "/" + a.getStatus()).toList();
    }

    @Test
    void theFirstRunStartsAtTheEndEvenWhenTheOtherReadersReplayAndThenReadsEachActionOnce() throws Exception {
        console.status("alice", "s1", sid, 1, T, 2, null, T.plusSeconds(100));
        HistoryReader r = reader(LIMITS);
        r.start();
        assertThat(poll(r)).as("what analysts did before the bridge ran asks nothing").isEmpty();

        console.status("alice", "s1", sid, 2, T, 2, null, T.plusSeconds(200));
        console.status("bob", "s1", sid, 3, T, 11, "extract please", T.plusSeconds(200));
        List<AnalystAction> got = poll(r);
        assertThat(ids(got)).containsExactly("1.2/2", "1.3/11");
        AnalystAction bob = got.get(1);
        assertThat(bob.getAnalyst()).isEqualTo("bob");
        assertThat(bob.getComment()).isEqualTo("extract please");
        assertThat(bob.getTime()).isEqualTo(T.plusSeconds(200));
        assertThat(bob.getAlert().getSignature()).isEqualTo("SIG 3");
        assertThat(bob.getAlert().getSrcPort()).isEqualTo(41003);
        assertThat(bob.getAlert().getStatus()).as("the alert as the update left it").isEqualTo(11);
        assertThat(got.get(0).getComment()).as("NULL comment").isEmpty();
        assertThat(poll(r)).isEmpty();

        // written in the same second as rows already read, and a row dated a little earlier: both read once
        console.status("carol", "s1", sid, 4, T, 2, null, T.plusSeconds(200));
        console.status("carol", "s1", sid, 5, T, 2, null, T.plusSeconds(150));
        assertThat(ids(poll(r))).containsExactly("1.5/2", "1.4/2");
        HistoryReader restarted = reader(LIMITS);
        assertThat(poll(restarted)).as("a restart reads nothing again").isEmpty();
        console.status("alice", "s1", sid, 1, T, 2, null, T.plusSeconds(300));
        assertThat(ids(poll(restarted))).as("the same status again later is a new action").containsExactly("1.1/2");
    }

    @Test
    void anActionOnAnAlertNoLongerStoredHasNoAlertAndAnUnknownUserIsNamedByUid() throws Exception {
        HistoryReader r = reader(LIMITS);
        r.start();
        try (var ps = c.prepareStatement("INSERT INTO history (sid, cid, uid, timestamp, status) VALUES (?, 99, 7, ?, 2)")) {
            ps.setInt(1, sid);
            ps.setObject(2, java.time.LocalDateTime.of(2026, 6, 15, 11, 0));
            ps.executeUpdate();
        }
        List<AnalystAction> got = poll(r);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getAlert()).isNull();
        assertThat(got.get(0).getAnalyst()).isEqualTo("uid 7");
    }

    @Test
    void smallBatchesOfOneSecondGiveNoGapsAndNoDuplicatesAcrossRestarts() throws Exception {
        reader(LIMITS).start();
        for (int cid = 1; cid <= 5; cid++) {
            console.status("alice", "s1", sid, cid, T, 2, null, T.plusSeconds(500));
        }
        ReaderLimits tiny = new ReaderLimits(2, Duration.ZERO, false);
        List<AnalystAction> all = new ArrayList<>();
        int n;
        do {
            List<AnalystAction> batch = poll(reader(tiny));
            n = batch.size();
            all.addAll(batch);
        } while (n > 0);
        assertThat(ids(all)).containsExactly("1.1/2", "1.2/2", "1.3/2", "1.4/2", "1.5/2");
    }

    @Test
    void thePositionMovesOnlyOnceWhatTheRowsMadeIsDurable() throws Exception {
        reader(LIMITS).start();
        console.status("alice", "s1", sid, 1, T, 2, null, T.plusSeconds(500));
        HistoryReader r = reader(LIMITS);
        assertThatThrownBy(() -> r.poll(a -> { }, () -> {
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(ids(poll(reader(LIMITS)))).containsExactly("1.1/2");
    }

    @Test
    void aDamagedPositionFileStopsTheReader() throws Exception {
        Files.writeString(state, "w 1 12\ns 1 12 not-a-row\n");
        assertThatThrownBy(() -> reader(LIMITS)).isInstanceOf(IOException.class).hasMessageContaining(":2: damaged");
    }
}
