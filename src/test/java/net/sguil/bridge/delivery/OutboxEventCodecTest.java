package net.sguil.bridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.time.Instant;
import java.util.Arrays;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.Test;

class OutboxEventCodecTest {
    private static final Instant TS = Instant.parse("2026-11-27T08:00:00.5Z");

    private static SguilEventOut event(long refId) {
        return new SguilEventOut("BRIDGE request 1.42 answered", 3, "misc-activity", 10001, 1000123, 1, TS,
                "10.0.0.1", 1025, "10.0.0.2", 25, 6, "rule", "analyst|key", "detail", "<b>detail</b>", null, refId);
    }

    private static SguilEventOut decode(byte[] record) throws Exception {
        return OutboxEventCodec.decode(new DataInputStream(new ByteArrayInputStream(record)));
    }

    @Test
    void keepsTheAlertAnEventRefersTo() throws Exception {
        assertThat(decode(OutboxEventCodec.encode(event(4_294_967_295L))).getRefId()).isEqualTo(4_294_967_295L);
    }

    /** An outbox journal written before refID was kept (format 1: the same fields without it) still delivers. */
    @Test
    void readsTheRecordsOfTheFormatBeforeRefIdAsReferringToNoAlert() throws Exception {
        byte[] current = OutboxEventCodec.encode(event(0));
        byte[] before = Arrays.copyOf(current, current.length - Long.BYTES);
        before[0] = 1;
        assertThat(decode(before)).usingRecursiveComparison().isEqualTo(event(0));
    }
}
