package net.sguil.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeConfigTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("bridge.conf"), text);
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        BridgeConfig c = BridgeConfig.load(Path.of("sguil-integration/sguil-bridge.conf.example"));
        assertThat(c.sensorPcaps()).containsOnlyKeys("sensor1");
        assertThat(c.sensorPcaps().get("sensor1").prefix()).isEqualTo("snort.log");
        assertThat(c.seconds("poll.event_seconds", 99)).as("real time by default").isEqualTo(Duration.ofSeconds(1));
        assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/sguil-bridge"));
        assertThat(c.list("smtp.ports")).containsExactly("25", "587");
    }

    @Test
    void anUnknownKeyStopsTheStartNamingKeyAndLine() throws Exception {
        Path f = write("state.dir = /tmp/x\n# comment\npoll.evnt_seconds = 5\n");
        assertThatThrownBy(() -> BridgeConfig.load(f)).isInstanceOf(ConfigException.class)
                .hasMessage(f + ":3: unknown key 'poll.evnt_seconds'");
    }

    @Test
    void aBadValueNamesTheKeyButNotTheValue() throws Exception {
        BridgeConfig c = BridgeConfig.load(write("state.dir = /tmp/x\npoll.event_seconds = s3cret\n"));
        assertThatThrownBy(() -> c.seconds("poll.event_seconds", 5)).hasMessageContaining(":2: poll.event_seconds")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> BridgeConfig.load(write("state.dir = /tmp/x\nsensor.s1.prefix = snort.log\n")))
                .hasMessageContaining("sensor.s1.raw_log_dir is missing");
        assertThatThrownBy(() -> BridgeConfig.load(write("db.url = x\n"))).hasMessageContaining("state.dir is required");
    }

    @Test
    void relativePathsAreTakenFromTheConfigurationsDirectory() throws Exception {
        BridgeConfig c = BridgeConfig.load(write("state.dir = state\nsensor.s1.raw_log_dir = pcaps\n"));
        assertThat(c.stateDir()).isEqualTo(dir.resolve("state"));
        assertThat(c.sensorPcaps().get("s1").rawLogDir()).isEqualTo(dir.resolve("pcaps"));
    }
}
