package net.sguil.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordSettingsTest {
    public record Inner(int maxThings, Duration idleTimeout) {
        public Inner {
            if (maxThings < 1) {
                throw new IllegalArgumentException("maxThings must be positive");
            }
        }
    }

    public record Outer(Inner inner, long maxBytes, boolean strict, Set<Integer> ports) {
    }

    private static final Outer DEFAULTS = new Outer(new Inner(5, Duration.ofMinutes(1)), 1024, false, Set.of(25));

    @Test
    void keysNotSetKeepTheDefaults() throws Exception {
        assertThat(RecordSettings.read(ConfigFile.of(Map.of("other.key", "x")), "limits", DEFAULTS)).isSameAs(DEFAULTS);
    }

    @Test
    void snakeCaseKeysSetComponentsOfNestedRecords() throws Exception {
        Outer o = RecordSettings.read(ConfigFile.of(Map.of("limits.inner.max_things", "7",
                "limits.inner.idle_timeout", "2m", "limits.max_bytes", "64M", "limits.strict", "yes",
                "limits.ports", "25, 587")), "limits", DEFAULTS);
        assertThat(o).isEqualTo(new Outer(new Inner(7, Duration.ofMinutes(2)), 64L << 20, true, Set.of(25, 587)));
    }

    @Test
    void unknownKeysUnderThePrefixAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> RecordSettings.read(ConfigFile.of(Map.of("limits.inner.max_thing", "7")), "limits",
                DEFAULTS)).isInstanceOf(ConfigException.class).hasMessage("<inline>:1: unknown key 'limits.inner.max_thing'");
    }

    @Test
    void badValuesNameTheKeyAndWhatItMustBe() {
        assertThatThrownBy(() -> RecordSettings.read(ConfigFile.of(Map.of("limits.max_bytes", "lots")), "limits",
                DEFAULTS)).hasMessage("<inline>:1: limits.max_bytes must be a whole number (sizes may end in k, M, G)");
        assertThatThrownBy(() -> RecordSettings.read(ConfigFile.of(Map.of("limits.inner.max_things", "0")), "limits",
                DEFAULTS)).hasMessageContaining("limits.inner do not go together: maxThings must be positive");
    }

    @Test
    void keysListsEveryComponentWithItsDefault() {
        assertThat(RecordSettings.keys("limits", DEFAULTS)).containsExactly(
                Map.entry("limits.inner.max_things", "5"), Map.entry("limits.inner.idle_timeout", "60"),
                Map.entry("limits.max_bytes", "1024"), Map.entry("limits.strict", "false"),
                Map.entry("limits.ports", "25"));
    }
}
