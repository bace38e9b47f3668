package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonSettingsTest {
    @TempDir
    Path dir;

    private DaemonSettings settings(String extra) throws Exception {
        Files.writeString(dir.resolve("db.password"), "pw\n");
        return DaemonSettings.from(BridgeConfig.load(Files.writeString(dir.resolve("bridge.conf"),
                "db.url = jdbc:mariadb://127.0.0.1:3306/sguildb\ndb.user = u\ndb.password_file = db.password\n"
                        + "state.dir = state\n" + extra)));
    }

    @Test
    void realTimeByDefaultStartingAtNowInDirectDatabaseMode() throws Exception {
        DaemonSettings s = settings("");
        assertThat(s.eventPoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.sancpPoll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.readerLimits().startAtNow()).isTrue();
        assertThat(s.agent()).as("no sguild.host").isNull();
        assertThat(s.extractDir()).isEqualTo(dir.resolve("state").resolve("attachments"));
        assertThat(s.ruleCache().dir()).contains(dir.resolve("state").resolve("rules-cache"));
    }

    @Test
    void theRuleCacheCanMoveOrBeTurnedOff() throws Exception {
        assertThat(settings("rules.cache_dir = kb\n").ruleCache().dir()).contains(dir.resolve("kb"));
        assertThat(settings("rules.cache = false\nrules.cache_dir = kb\n").ruleCache().dir()).isEmpty();
        assertThatThrownBy(() -> settings("rules.cache = sometimes\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.cache must be true or false");
    }

    @Test
    void analysisLimitsComeFromTheFileAndAnUnknownOneStopsTheStart() throws Exception {
        assertThat(settings("limits.tcp.max_connections = 1234\n").analysisLimits().tcp().maxConnections())
                .isEqualTo(1234);
        assertThatThrownBy(() -> settings("limits.tcp.max_conections = 1\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("limits.tcp.max_conections");
    }

    @Test
    void aSguildNameSguildCannotTakeStopsTheStartWithTheKeysFile() {
        assertThatThrownBy(() -> settings("sguild.host = 127.0.0.1\nsguild.trust_all = true\nsguild.sensor = a b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bridge.conf").hasMessageContaining("a b");
    }
}
