package net.sguil.bridge.rawlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawLogLocatorTest {
    @TempDir
    Path raw;

    private Path file(String day, long epoch) throws IOException {
        Path d = Files.createDirectories(raw.resolve(day));
        return Files.writeString(d.resolve("snort.log." + epoch), "");
    }

    @Test
    void picksTheFileRunningAtTheStartAndThoseStartedBeforeTheEndPlusForward() throws IOException {
        Instant t = Instant.parse("2006-06-22T16:07:19Z"); // 1150992439
        Path before = file("2006-06-22", 1150980000L);
        Path running = file("2006-06-22", 1150990039L);
        Path during = file("2006-06-22", 1150992500L);
        Path withinForward = file("2006-06-22", 1150992600L);
        Path tooLate = file("2006-06-22", 1150999999L);
        Files.writeString(raw.resolve("2006-06-22").resolve("daemonlogger.1150992440"), "");
        RawLogLocator l = new RawLogLocator(raw, "snort.log", Duration.ofSeconds(60), Duration.ofSeconds(600));
        assertThat(l.filesFor(t, t.plusSeconds(30))).containsExactly(running, during, withinForward);
        assertThat(before).exists();
        assertThat(tooLate).exists();
    }

    @Test
    void aFileStartedTheDayBeforeCoversAnEarlySession() throws IOException {
        Path yesterday = file("2006-06-21", 1150934000L); // 2006-06-21T23:53:20Z
        Path today = file("2006-06-22", 1150940000L);     // 2006-06-22T01:33:20Z
        RawLogLocator l = new RawLogLocator(raw, "snort.log", Duration.ofSeconds(10), Duration.ofSeconds(10));
        Instant t = Instant.parse("2006-06-22T00:10:00Z");
        assertThat(l.filesFor(t, t)).containsExactly(yesterday);
        assertThat(l.filesFor(t, Instant.parse("2006-06-22T02:00:00Z"))).containsExactly(yesterday, today);
    }

    @Test
    void noFilesMeansAnEmptyList() throws IOException {
        RawLogLocator l = new RawLogLocator(raw, "snort.log", Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(l.filesFor(Instant.EPOCH, Instant.EPOCH)).isEmpty();
    }
}
