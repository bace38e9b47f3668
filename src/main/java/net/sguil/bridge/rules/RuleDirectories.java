package net.sguil.bridge.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the rules come from, the same way in every command: the default rule directory first, then
 * the directories the command is given ({@code --rules}). The default is {@code $SGUIL_BRIDGE_RULES}
 * when that is set (the installed launcher sets it to {@code /etc/sguil-bridge/rules.d}); else the
 * {@code drl} directory of the installation the code runs from (the parent of the {@code target/}
 * or {@code lib/} directory holding the jar), whatever the working directory.
 */
public final class RuleDirectories {
    public static final String ENV = "SGUIL_BRIDGE_RULES";

    private RuleDirectories() {
    }

    /** The default rule directory; when none exists, the installation's {@code drl}, for errors to name. */
    public static Path shipped() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured);
        }
        try {
            Path code = Path.of(RuleDirectories.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().getParent().resolve("drl");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("drl").toAbsolutePath();
        }
    }

    /** The default rule directory and each extra one, in that order, each once. */
    public static List<Path> withShipped(List<Path> extra) {
        List<Path> out = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path p : concat(shipped(), extra)) {
            Path key = p.toAbsolutePath().normalize();
            if (!seen.contains(key)) {
                seen.add(key);
                out.add(p);
            }
        }
        return out;
    }

    /** Directories that exist but hold no {@code *.drl} file: they add nothing, which deserves a warning. */
    public static List<Path> withoutRuleFiles(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    if (s.noneMatch(KnowledgeBaseLoader::isRuleFile)) {
                        out.add(d);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // unlistable: loading reports it with the reason
                }
            }
        }
        return out;
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
