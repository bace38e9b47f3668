package net.sguil.bridge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageSpoolTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    private static byte[] content(MessageSpool s) throws Exception {
        return s.file() != null ? Files.readAllBytes(s.file()) : java.util.Arrays.copyOf(s.memory(), s.memoryLength());
    }

    @Test
    void smallMessagesStayInMemoryAndLargeOnesSpillWithEveryByteKept() throws Exception {
        SpoolBudget budget = new SpoolBudget(10_000, net.sguil.bridge.tcp.MemoryBudget.unlimited());
        MessageSpool small = new MessageSpool(dir, budget, 4096);
        MessageSpool large = new MessageSpool(dir, budget, 4096);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        small.write(bytes(1000, 1), 0, 1000);
        for (int i = 0; i < 10; i++) {
            byte[] chunk = bytes(700, i);
            large.write(chunk, 0, chunk.length);
            expected.write(chunk);
        }
        small.finish();
        large.finish();
        assertThat(small.file()).isNull();
        assertThat(content(small)).isEqualTo(bytes(1000, 1));
        assertThat(large.file()).isNotNull();
        assertThat(content(large)).isEqualTo(expected.toByteArray());
        assertThat(large.size()).isEqualTo(7000);
        small.discard();
        large.discard();
        assertThat(large.file()).doesNotExist();
        assertThat(budget.reserve(10_000)).as("all memory given back").isTrue();
    }

    @Test
    void theSharedBudgetSendsTheNextMessageToDisk() throws Exception {
        SpoolBudget budget = new SpoolBudget(1500, net.sguil.bridge.tcp.MemoryBudget.unlimited());
        MessageSpool first = new MessageSpool(dir, budget, 4096);
        MessageSpool second = new MessageSpool(dir, budget, 4096);
        first.write(bytes(1000, 0), 0, 1000);
        second.write(bytes(1000, 0), 0, 1000);
        assertThat(first.file()).isNull();
        assertThat(second.file()).isNotNull();
        first.discard();
        second.discard();
    }
}
