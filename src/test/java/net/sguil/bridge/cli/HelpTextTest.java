package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Help written as paragraphs and wrapped by picocli, a sentence per command, exit codes everywhere. */
class HelpTextTest {
    /** Every command of the tree, the top one included. */
    private static List<CommandLine> commands(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>(List.of(cl));
        cl.getSubcommands().values().forEach(sub -> out.addAll(commands(sub)));
        return out;
    }

    private static String help(CommandLine cl, int width) {
        cl.setUsageHelpWidth(width);
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** What the help was written with: headers, descriptions, exit-code meanings, option descriptions. */
    private static List<String> texts(CommandSpec spec) {
        List<String> out = new ArrayList<>(List.of(spec.usageMessage().header()));
        out.addAll(List.of(spec.usageMessage().description()));
        out.addAll(spec.usageMessage().exitCodeList().values());
        for (ArgSpec arg : spec.args()) {
            out.addAll(List.of(arg.description()));
        }
        return out;
    }

    @Test
    void everyCommandHasAOneSentenceSummaryAndListsItsExitCodes() {
        for (CommandLine cl : commands(Main.commandLine())) {
            String name = cl.getCommandSpec().qualifiedName();
            String[] header = cl.getCommandSpec().usageMessage().header();
            if (cl.getParent() != null) {
                assertThat(header).as(name).hasSize(1);
                assertThat(header[0]).as(name).matches("[A-Z][^.]*(\\.[^ .][^.]*)*\\.");
            }
            assertThat(help(cl, 100)).as(name).contains("Exit status").contains("  5   internal error");
        }
    }

    @Test
    void textsAreWholeParagraphsNotLinesWrappedByHand() {
        for (CommandLine cl : commands(Main.commandLine())) {
            for (String text : texts(cl.getCommandSpec())) {
                String restored = HelpLayout.restore(text);
                assertThat(restored).as(cl.getCommandSpec().qualifiedName())
                        .matches("(?s)|.*[.)]|[0-9a-z].*"); // a paragraph ends its sentence; exit-code meanings are phrases
            }
        }
    }

    @Test
    void wrappingNeverBreaksInsideAWord() {
        Pattern word = Pattern.compile("\\S*\\w[./\\-:,]\\w\\S*");
        // from 80 columns on, the narrowest column (option descriptions) is wider than any such word
        for (int width : new int[] {80, 100, 132}) {
            for (CommandLine cl : commands(Main.commandLine())) {
                String help = help(cl, width);
                String joined = help.replaceAll("\\s+", " ");
                for (String text : texts(cl.getCommandSpec())) {
                    Matcher m = word.matcher(HelpLayout.restore(text));
                    while (m.find()) {
                        String w = m.group();
                        if (!w.contains("${")) {
                            assertThat(help).as("%s at width %d", cl.getCommandSpec().qualifiedName(), width).contains(w);
                        }
                    }
                }
                assertThat(joined).doesNotContain("\uE000", "\uE001", "\uE002", "\uE003", "\uE004");
                assertThat(help.lines()).as("width %d", width).allMatch(l -> l.length() <= width);
            }
        }
    }

    @Test
    void theVersionComesFromTheBuild() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>sguil-bridge</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        CliRun top = CliRun.of("-V");
        assertThat(top.out()).isEqualTo("sguil-bridge " + m.group(1) + "\n");
        assertThat(CliRun.of("scan", "-V").out()).isEqualTo(top.out());
    }
}
