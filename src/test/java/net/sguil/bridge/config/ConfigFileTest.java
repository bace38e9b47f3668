package net.sguil.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    static final Path P = Path.of("/etc/sguil-bridge.conf");

    @Test
    void keepsOrderValuesAndLineNumbers() throws Exception {
        ConfigFile f = ConfigFile.parse(P, List.of("# comment", "", "db.url = jdbc:mariadb://h:3306/sguildb",
                "  db.user=sguil  ", "x.empty =", "home = a = b"));
        assertThat(f.entries().keySet()).containsExactly("db.url", "db.user", "x.empty", "home");
        assertThat(f.get("db.user")).contains("sguil");
        assertThat(f.get("x.empty")).contains("");
        assertThat(f.get("home")).contains("a = b");
        assertThat(f.get("missing")).isEmpty();
        assertThat(f.where("db.user")).isEqualTo(P + ":4");
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineButNotTheirContent() {
        assertThatThrownBy(() -> ConfigFile.parse(P, List.of("a = 1", "secret-without-equals")))
                .isInstanceOf(ConfigException.class).hasMessage(P + ":2: expected 'key = value'");
        assertThatThrownBy(() -> ConfigFile.parse(P, List.of("= x"))).hasMessageContaining(":1:");
        assertThatThrownBy(() -> ConfigFile.parse(P, List.of("bad key = x"))).hasMessageContaining(":1: malformed key");
        assertThatThrownBy(() -> ConfigFile.parse(P, List.of("a = 1", "a = 2"))).hasMessageContaining(":2:")
                .hasMessageContaining("line 1");
    }
}
