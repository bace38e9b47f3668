package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
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

    /** What the loader said about where the knowledge base came from, for each build during {@code run}. */
    private List<String> buildsDuring(Runnable run) {
        Logger loader = (Logger) LoggerFactory.getLogger(KnowledgeBaseLoader.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level level = loader.getLevel();
        loader.setLevel(Level.DEBUG);
        loader.addAppender(logs);
        try {
            run.run();
        } finally {
            loader.detachAppender(logs);
            loader.setLevel(level);
        }
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .map(m -> m.replaceAll(" in \\d+ ms$", "")).toList();
    }

    @Test
    void aSecondCheckOfTheSameRulesLoadsThemFromTheCacheAndListsTheSame(@TempDir Path dir) {
        String cache = dir.resolve("cache").toString();
        assertThat(buildsDuring(() -> assertThat(run("rules", "check", "--rules-cache", cache)).isEqualTo(Main.EXIT_OK)))
                .singleElement().asString().startsWith("compiled ");
        String first = out.toString();
        out.getBuffer().setLength(0);
        assertThat(buildsDuring(() -> assertThat(run("rules", "check", "--rules-cache", cache)).isEqualTo(Main.EXIT_OK)))
                .singleElement().asString().startsWith("loaded ").endsWith(" from the cache");
        assertThat(out.toString()).isEqualTo(first).contains("OK: 5 file(s)");
        assertThat(err.toString()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(buildsDuring(() -> assertThat(run("rules", "check", "--no-rules-cache")).isEqualTo(Main.EXIT_OK)))
                .singleElement().asString().startsWith("compiled ");
        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void rulesCacheAndNoRulesCacheExcludeEachOther(@TempDir Path dir) {
        assertThat(run("rules", "check", "--no-rules-cache", "--rules-cache", dir.toString())).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("sguil-bridge: --rules-cache and --no-rules-cache exclude each other\n");
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
