package net.sguil.bridge.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The same help layout in every command: paragraphs written whole and wrapped by picocli to the
 * terminal, blank lines between sections, the version from the build, the internal-error exit status.
 *
 * <p>picocli wraps with Java's line breaker, which breaks after '.', '/', '-', ':' and ',' inside a word, so a
 * key or path at the end of a line would be cut in two ("db." / "password_file"). While picocli lays
 * the text out, those characters inside words stand in as private-use characters it does not break
 * at, and are put back in the finished text.
 */
final class HelpLayout {
    private static final String INSIDE_WORDS = "./-:,";
    private static final String STAND_INS = "\uE000\uE001\uE002\uE003\uE004";

    private HelpLayout() {
    }

    static void apply(CommandLine cl) {
        apply(cl, true);
        cl.setHelpFactory((spec, colors) -> new Help(spec, colors) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer plain = super.createDefaultOptionRenderer();
                return (option, labels, scheme) -> protectLastColumn(plain.render(option, labels, scheme), scheme);
            }

            @Override
            public IParameterRenderer createDefaultParameterRenderer() {
                IParameterRenderer plain = super.createDefaultParameterRenderer();
                return (param, labels, scheme) -> protectLastColumn(plain.render(param, labels, scheme), scheme);
            }
        });
        cl.setUsageHelpAutoWidth(true);
    }

    private static void apply(CommandLine cl, boolean top) {
        UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        usage.header(protect(usage.header()));
        usage.description(protect(usage.description()));
        usage.synopsisHeading(usage.header().length > 0 ? "%nUsage: " : "Usage: ").descriptionHeading("%n")
                .parameterListHeading("%nParameters:%n").optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n");
        if (!top) {
            usage.exitCodeListHeading("%nExit status:%n");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        usage.exitCodeList().forEach((code, meaning) -> codes.put(code, protect(meaning)));
        codes.putIfAbsent(Integer.toString(Main.EXIT_INTERNAL), Main.INTERNAL_ERROR);
        usage.exitCodeList(codes);
        cl.getCommandSpec().versionProvider(new Main.Version());
        Map<String, IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.replaceAll((key, section) -> help -> restore(section.render(help)));
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(sub -> apply(sub, false));
    }

    private static Text[][] protectLastColumn(Text[][] rows, Help.ColorScheme scheme) {
        for (Text[] row : rows) {
            int last = row.length - 1;
            row[last] = scheme.text(protect(row[last].plainString()));
        }
        return rows;
    }

    private static String[] protect(String[] lines) {
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = protect(lines[i]);
        }
        return out;
    }

    static String protect(String s) {
        char[] c = s.toCharArray();
        for (int i = 1; i < c.length - 1; i++) {
            int k = INSIDE_WORDS.indexOf(c[i]);
            if (k >= 0 && !Character.isWhitespace(c[i - 1]) && !Character.isWhitespace(c[i + 1])) {
                c[i] = STAND_INS.charAt(k);
            }
        }
        return new String(c);
    }

    static String restore(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int k = STAND_INS.indexOf(c[i]);
            if (k >= 0) {
                c[i] = INSIDE_WORDS.charAt(k);
            }
        }
        return new String(c);
    }
}
