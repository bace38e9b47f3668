package net.sguil.bridge.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportArgumentsTest {
    static final Instant NOW = Instant.parse("2006-06-15T12:00:00Z");

    @Test
    void homeNetsBecomeInclusiveIntegerRanges() {
        HomeNet h = HomeNet.parse("10.0.0.0/8, 192.168.1.7/24,172.16.0.1,0.0.0.0/0");
        assertThat(h.ranges()).containsExactly(new HomeNet.Range(0x0a000000L, 0x0affffffL),
                new HomeNet.Range(0xc0a80100L, 0xc0a801ffL), new HomeNet.Range(0xac100001L, 0xac100001L),
                new HomeNet.Range(0, 0xffffffffL));
        assertThat(HomeNet.parse("192.168.1.0/24").contains(0xc0a80200L)).isFalse();
        for (String bad : new String[] {"", "10.0.0.0/33", "10.0.0/8", "10.0.0.0/-1", "10.0.0.0/8,", "::1/128", "1.2.3.4/ 8"}) {
            assertThatThrownBy(() -> HomeNet.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void timesAreAbsoluteUtcOrRelativeToNow() {
        assertThat(TimeArg.parse("2006-06-15T10:00:00Z").resolve(NOW)).isEqualTo(Instant.parse("2006-06-15T10:00:00Z"));
        assertThat(TimeArg.parse("2006-06-15 10:00:00").resolve(NOW)).isEqualTo(Instant.parse("2006-06-15T10:00:00Z"));
        assertThat(TimeArg.parse("1h").resolve(NOW)).isEqualTo(Instant.parse("2006-06-15T11:00:00Z"));
        assertThat(TimeArg.parse("7d").resolve(NOW)).isEqualTo(Instant.parse("2006-06-08T12:00:00Z"));
        assertThat(TimeArg.parse("30m").resolve(NOW)).isEqualTo(Instant.parse("2006-06-15T11:30:00Z"));
        for (String bad : new String[] {"yesterday", "1y", "-1h", "2006-06-15", "2006-06-15T10:00:00+02:00", ""}) {
            assertThatThrownBy(() -> TimeArg.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
