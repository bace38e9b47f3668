package net.sguil.bridge.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.sguil.bridge.config.ConfigFile;
import net.sguil.bridge.config.RecordSettings;
import org.junit.jupiter.api.Test;

class AnalysisLimitsTest {
    @Test
    void everyLimitIsDocumentedInTheExampleConfigurationWithItsDefault() throws Exception {
        String example = Files.readString(Path.of("sguil-integration/sguil-bridge.conf.example"));
        for (Map.Entry<String, String> k : RecordSettings.keys("limits", AnalysisLimits.defaults()).entrySet()) {
            assertThat(example).as("the example documents " + k.getKey())
                    .contains("# " + k.getKey() + " = " + k.getValue() + "\n");
        }
    }

    @Test
    void aLimitFromTheFileReachesItsLayer() throws Exception {
        AnalysisLimits l = AnalysisLimits.from(ConfigFile.of(Map.of("limits.tcp.max_connections", "1000",
                "limits.mime.max_depth", "50", "limits.http.max_head_bytes", "128k")));
        assertThat(l.tcp().maxConnections()).isEqualTo(1000);
        assertThat(l.mime().maxDepth()).isEqualTo(50);
        assertThat(l.http().maxHeadBytes()).isEqualTo(128 * 1024);
        assertThat(l.smtp()).isEqualTo(AnalysisLimits.defaults().smtp());
    }
}
