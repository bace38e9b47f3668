package net.sguil.bridge.delivery;

import static net.sguil.bridge.sguil.agent.AgentTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import net.sguil.bridge.facts.SguilEventOut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final Instant TS = Instant.parse("2026-11-27T08:00:00.123456789Z");

    @TempDir
    Path dir;

    private static final OutboxLimits LIMITS = OutboxLimits.defaults();

    private static OutboxLimits compactAfter(long bytes) {
        return new OutboxLimits(LIMITS.maxPendingEvents(), bytes, LIMITS.rememberedConclusions());
    }

    private Outbox open() throws Exception {
        return Outbox.open(dir.resolve("journal"), LIMITS);
    }

    private static List<String> signatures(Outbox o) {
        return o.pendingEntries().stream().map(e -> e.event().getSignature()).toList();
    }

    @Test
    void keepsEverythingAcrossReopenAndNeverReusesACid() throws Exception {
        SguilEventOut first = new SguilEventOut("s\u00e9", 3, "c", 10001, 9, 2, TS, "2001:db8::1", 1, "10.0.0.1", 2,
                17, "rule", "key", "detail \n", "<b>\u20ac</b>");
        SguilEventOut full = new SguilEventOut("s\u00e9", 3, "c", 10001, 9, 2, TS, "2001:db8::1", 1, "10.0.0.1", 2,
                17, "rule", "key2", "detail \n", "<b>\u20ac</b>", null, 77);
        try (Outbox o = open()) {
            o.submit(first);
            o.submit(event("b", TS, "1.1.1.1", "2.2.2.2", null));
            o.submit(event("c", TS, "1.1.1.1", "2.2.2.2", null));
            List<Outbox.Entry> p = o.pendingEntries();
            assertThat(o.assignCid(p.get(0))).isEqualTo(1);
            assertThat(o.assignCid(p.get(1))).isEqualTo(2);
            o.done(p.get(0));
            o.done(p.get(1));
        }
        try (Outbox o = open()) {
            assertThat(signatures(o)).containsExactly("c");
            assertThat(o.lastAssignedCid()).as("cids go to the waiting entries ahead, in one forced write").isEqualTo(3);
            o.submit(full);
            Outbox.Entry c = o.pendingEntries().get(0);
            assertThat(o.assignCid(c)).isEqualTo(3);
            assertThat(o.assignCid(c)).as("a cid is given once").isEqualTo(3);
        }
        try (Outbox o = open()) {
            assertThat(o.pendingEntries()).extracting(Outbox.Entry::cid).containsExactly(3L, 0L);
            assertThat(o.pendingEntries().get(1).event()).usingRecursiveComparison().isEqualTo(full);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("journal"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theSameConclusionIsAcceptedOnceEvenAcrossCompactionAndReopen() throws Exception {
        SguilEventOut a = event("a", TS, "1.1.1.1", "2.2.2.2", null);
        try (Outbox o = Outbox.open(dir.resolve("journal"), compactAfter(1))) {
            assertThat(o.submit(a)).isPositive();
            assertThat(o.submit(a)).as("same rule and evidence key").isEqualTo(-1);
            Outbox.Entry e = o.pendingEntries().get(0);
            o.assignCid(e);
            o.done(e);
            assertThat(o.submit(a)).as("delivered, still remembered").isEqualTo(-1);
        }
        try (Outbox o = open()) {
            assertThat(o.submit(a)).as("remembered across compaction and reopen").isEqualTo(-1);
            assertThat(o.submit(event("b", TS, "1.1.1.1", "2.2.2.2", null))).isPositive();
            SguilEventOut keyless = new SguilEventOut("k", 3, "c", 10001, 9, 2, TS, "1.1.1.1", 1, "2.2.2.2", 2, 6,
                    "rule", null, "d", "h");
            assertThat(o.submit(keyless)).isPositive();
            assertThat(o.submit(keyless)).as("no evidence key: never de-duplicated").isPositive();
            assertThat(o.depth()).isEqualTo(3);
        }
    }

    @Test
    void resyncDropsWhatSguildHasAndNumbersAboveItsMaxCid() throws Exception {
        try (Outbox o = open()) {
            for (String s : List.of("a", "b", "c")) {
                o.submit(event(s, TS, "1.1.1.1", "2.2.2.2", null));
            }
            assertThat(o.assignCid(o.pendingEntries().get(0))).isEqualTo(1);
            assertThat(o.pendingEntries()).extracting(Outbox.Entry::cid).containsExactly(1L, 2L, 3L);
            assertThat(o.resync(1)).isEqualTo(1);
            assertThat(signatures(o)).containsExactly("b", "c");
            assertThat(o.resync(2)).isEqualTo(1);
            o.submit(event("d", TS, "1.1.1.1", "2.2.2.2", null));
            assertThat(o.resync(40)).as("c, cid 3").isEqualTo(1);
            assertThat(o.assignCid(o.pendingEntries().get(0))).isEqualTo(41);
        }
    }

    @Test
    void conclusionsSguilAlreadyHoldsAreRefusedAndOldJournalKeysStillCount() throws Exception {
        SguilEventOut a = event("a", TS, "1.1.1.1", "2.2.2.2", null);
        try (Outbox o = open()) {
            o.remember(List.of(ConclusionId.of(a)));
            assertThat(o.submit(a)).as("Sguil holds it").isEqualTo(-1);
            assertThat(o.submit(event("b", TS, "1.1.1.1", "2.2.2.2", null))).isPositive();
        }
        String legacyRaw = a.getRule() + "\u0000" + a.getEvidenceKey();
        assertThat(ConclusionId.fromJournal(legacyRaw)).isEqualTo(ConclusionId.of(a));
        assertThat(ConclusionId.fromJournal("sha256:" + ConclusionId.of(a))).isEqualTo(ConclusionId.of(a));
        assertThat(ConclusionId.fromJournal(ConclusionId.of(a))).isEqualTo(ConclusionId.of(a));
    }

    @Test
    void aTornLastRecordIsIgnoredAtEveryCutPoint() throws Exception {
        Path journal = dir.resolve("journal");
        long sizeBefore;
        try (Outbox o = open()) {
            o.submit(event("a", TS, "1.1.1.1", "2.2.2.2", null));
            sizeBefore = Files.size(journal);
            o.submit(event("b", TS, "1.1.1.1", "2.2.2.2", "<p>b</p>"));
        }
        byte[] whole = Files.readAllBytes(journal);
        // every cut inside the record header, then a sample through the body (each cut costs a few fsyncs)
        for (int cut = (int) sizeBefore; cut < whole.length; cut += cut < sizeBefore + 12 ? 1 : 7) {
            Files.write(journal, Arrays.copyOf(whole, cut));
            try (Outbox o = open()) {
                assertThat(signatures(o)).as("cut at %d", cut).containsExactly("a");
                o.submit(event("c", TS, "1.1.1.1", "2.2.2.2", null));
            }
            try (Outbox o = open()) {
                assertThat(signatures(o)).as("appending after a torn tail, cut at %d", cut).containsExactly("a", "c");
            }
        }
        byte[] flipped = whole.clone();
        flipped[whole.length - 3] ^= 0x40;
        Files.write(journal, flipped);
        try (Outbox o = open()) {
            assertThat(signatures(o)).as("a CRC mismatch marks a torn record").containsExactly("a");
        }
    }

    @Test
    void compactionKeepsTheJournalSmall() throws Exception {
        Path journal = dir.resolve("journal");
        try (Outbox o = Outbox.open(journal, compactAfter(4096))) {
            for (int i = 0; i < 200; i++) {
                o.submit(event("e" + i, TS, "1.1.1.1", "2.2.2.2", "<p>" + "x".repeat(100) + "</p>"));
                List<Outbox.Entry> pending = o.pendingEntries();
                Outbox.Entry e = pending.get(pending.size() - 1);
                o.assignCid(e);
                if (i % 10 != 0) {
                    o.done(e);
                }
            }
            assertThat(Files.size(journal)).isLessThan(20 * 1024);
        }
        try (Outbox o = Outbox.open(journal, LIMITS)) {
            assertThat(o.depth()).isEqualTo(20);
            assertThat(o.lastAssignedCid()).isEqualTo(200);
            assertThat(signatures(o).get(19)).isEqualTo("e190");
        }
        assertThat(Files.exists(dir.resolve("journal.tmp"))).isFalse();
    }

    @Test
    void refusesBeyondItsCapacity() throws Exception {
        try (Outbox o = Outbox.open(dir.resolve("journal"), new OutboxLimits(2, LIMITS.compactAfterBytes(), 10))) {
            o.submit(event("a", TS, "1.1.1.1", "2.2.2.2", null));
            o.submit(event("b", TS, "1.1.1.1", "2.2.2.2", null));
            assertThatThrownBy(() -> o.submit(event("c", TS, "1.1.1.1", "2.2.2.2", null)))
                    .isInstanceOf(OutboxFullException.class).hasMessageContaining("2 undelivered");
        }
    }

    @Test
    void cutsHugeFieldsBeforeStoringThem() throws Exception {
        try (Outbox o = open()) {
            o.submit(event("a", TS, "1.1.1.1", "2.2.2.2", "y".repeat(1_000_000)));
        }
        try (Outbox o = open()) {
            assertThat(o.pendingEntries().get(0).event().getHtmlDetail()).hasSize(OutboxEventCodec.MAX_FIELD_CHARS);
        }
    }
}
