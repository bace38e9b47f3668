package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI checks the shipped rules through this test: `snort-rules check` on every file in snort-rules/. */
class SnortRulesCommandTest {
    @Test
    void theShippedRulesPass() {
        CliRun run = CliRun.of("snort-rules", "check", "snort-rules/local.rules");
        assertThat(run.status()).as(run.out() + run.err()).isZero();
    }

    @Test
    void aBrokenRuleIsReportedWithFileAndLineAndExit1(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.rules"), "# ok\n"
                + "alert tcp any any -> any 80 (msg:\"no sid\"; content:\"PUT \"; depth:4;)\n");
        CliRun run = CliRun.of("snort-rules", "check", f.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains(f + ":2:");
    }

    @Test
    void anUnreadableFileIsExit2(@TempDir Path dir) {
        assertThat(CliRun.of("snort-rules", "check", dir.resolve("missing.rules").toString()).status()).isEqualTo(2);
    }
}
