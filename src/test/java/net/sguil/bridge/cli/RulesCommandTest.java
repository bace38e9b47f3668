package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sguil-bridge rules check}. */
class RulesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void theShippedRulesCompileAndAreListed() {
        assertThat(run("rules", "check", "drl")).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString())
                .contains("(package net.sguil.bridge.trending)", "(package net.sguil.bridge.smtp)", "(package net.sguil.bridge.analyst)")
                .contains("\"Trending: signature spike\"", "\"SMTP: executable attachment\"")
                .contains("declare SguilAlert", "declare SancpSession")
                .containsPattern("OK: 5 file\\(s\\), \\d+ rule\\(s\\), \\d+ declared type\\(s\\)");
    }

    @Test
    void aBrokenFileIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.drl"), "package a;\nrule \"fine\" when then end\n");
        Path bad = dir.resolve("broken.drl");
        Files.writeString(bad, """
                package b;
                import net.sguil.bridge.facts.Attachment;

                rule "typo"
                when
                    Attachment(sizee > 100)
                then
                end
                """);
        assertThat(run("rules", "check", dir.toString())).isEqualTo(Main.EXIT_FAILURE);
        assertThat(err.toString()).contains(bad + ":6: ").contains("sizee").contains("nothing was built");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsUnusableInput(@TempDir Path dir) {
        assertThat(run("rules", "check", dir.resolve("nope").toString())).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("sguil-bridge: " + dir.resolve("nope")
                + ": no such rule directory; give an existing directory\n");
    }

    @Test
    void jsonListsTheSameThing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.drl"), "package site;\nrule \"mine\"\nwhen\nthen\nend\n");
        assertThat(run("rules", "check", "--json", dir.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).startsWith("{\"ok\":true,\"files\":[{\"file\":\"")
                .contains("{\"file\":\"" + dir.resolve("site.drl").toAbsolutePath()
                        + "\",\"package\":\"site\",\"rules\":[{\"name\":\"mine\",\"line\":2}]");
    }
}
