package net.sguil.bridge.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.builder.Message;

/**
 * Turns Drools' build messages into errors that name the rule file and line. The executable model
 * reports some errors without a line (unknown classes, bad constraints) and consequence errors
 * against the Java it generated; those are traced back by finding the offending text in the DRL.
 * A misspelt property gets the fact type's real properties added ({@link FactProperties}).
 */
final class ErrorLocator {
    private static final String GENERATED_SOURCE_PREFIX = "Java source of ";
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    /** Resource path in the KieFileSystem (without {@code src/main/resources/}) → what the user calls the file. */
    private final Map<String, String> displayNames;
    /** Resource path → DRL text. */
    private final Map<String, String> sources;

    ErrorLocator(Map<String, String> displayNames, Map<String, String> sources) {
        this.displayNames = displayNames;
        this.sources = sources;
    }

    List<RuleFileError> locate(List<Message> messages) {
        Map<String, String[]> generated = new HashMap<>();
        for (Message m : messages) {
            String text = m.getText();
            if (text != null && text.startsWith(GENERATED_SOURCE_PREFIX)) {
                int at = text.indexOf(":\n");
                generated.put(m.getPath(), (at < 0 ? "" : text.substring(at + 2)).split("\n", -1));
            }
        }
        List<RuleFileError> out = new ArrayList<>();
        for (Message m : messages) {
            String text = m.getText() == null ? "" : m.getText().strip();
            if (text.startsWith(GENERATED_SOURCE_PREFIX) || text.equals(NULL_PACKAGE) && messages.size() > 1) {
                continue;
            }
            String path = m.getPath() == null ? "" : m.getPath();
            if (generated.containsKey(path)) {
                out.add(fromGenerated(generated.get(path), m.getLine(), text));
            } else if (sources.containsKey(path)) {
                String drl = sources.get(path);
                int line = m.getLine() > 0 ? m.getLine() : lineOf(drl, snippet(text));
                String hint = FactProperties.hint(drl, line, text).map(h -> " (" + h + ")").orElse("");
                out.add(new RuleFileError(displayNames.get(path), line, text + hint));
            } else {
                out.add(new RuleFileError(displayNames.getOrDefault(path, path.isEmpty() ? "<rules>" : path),
                        Math.max(m.getLine(), 0), text));
            }
        }
        return out;
    }

    private RuleFileError fromGenerated(String[] javaLines, int line, String text) {
        if (line >= 1 && line <= javaLines.length) {
            String statement = javaLines[line - 1].strip();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                int l = lineOf(e.getValue(), statement);
                if (l > 0) {
                    return new RuleFileError(displayNames.get(e.getKey()), l, text + " (in: " + statement + ")");
                }
            }
            text = text + " (in generated code: " + statement + ")";
        }
        return new RuleFileError("<rules>", 0, text);
    }

    /** What an unlocated message is about: the text after its last ": ". */
    private static String snippet(String text) {
        int at = text.lastIndexOf(": ");
        return at < 0 ? "" : text.substring(at + 2).strip();
    }

    /** 1-based number of the first line containing {@code needle} (spaces ignored), 0 when none does. */
    static int lineOf(String source, String needle) {
        String n = squeeze(needle);
        if (n.isEmpty()) {
            return 0;
        }
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (squeeze(lines[i]).contains(n)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
