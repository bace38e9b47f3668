package net.sguil.bridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import net.sguil.bridge.rules.MissingRuleDirectoryException;
import net.sguil.bridge.rules.RuleBuildException;
import net.sguil.bridge.rules.RuleCache;
import net.sguil.bridge.rules.RuleDirectories;
import net.sguil.bridge.rules.RuleFileError;
import net.sguil.bridge.rules.RuleSet;

/** How the commands compile rules: the same checks, warnings and messages in each. */
final class RuleLoading {
    private RuleLoading() {
    }

    /**
     * Cheap checks, before anything slow: every directory exists (else exit 2, naming it); a warning
     * on stderr for each one that holds no rule file.
     */
    static void check(List<Path> dirs, PrintWriter err) {
        for (Path d : dirs) {
            if (!Files.exists(d)) {
                throw missing(d);
            }
        }
        for (Path d : RuleDirectories.withoutRuleFiles(dirs)) {
            err.println("sguil-bridge: warning: " + d + ": no *.drl rule files in it");
        }
        err.flush();
    }

    /**
     * Checks and compiles, or loads from {@code cache} what was compiled before. Compile errors go to
     * stderr as {@code file:line: message}, then one line saying the rules do not compile and
     * {@code consequence} (exit 1).
     */
    static RuleSet compile(List<Path> dirs, RuleCache cache, PrintWriter err, String consequence) {
        check(dirs, err);
        try {
            return KnowledgeBaseLoader.load(dirs, cache);
        } catch (MissingRuleDirectoryException e) {
            throw missing(Path.of(e.errors().get(0).file()));
        } catch (RuleBuildException e) {
            for (RuleFileError error : e.errors()) {
                err.println(error);
            }
            throw new CommandFailure(Main.EXIT_FAILURE, "the rules do not compile (" + e.errors().size()
                    + " error(s)); " + consequence);
        }
    }

    private static CommandFailure missing(Path dir) {
        boolean isDefault = dir.equals(RuleDirectories.shipped());
        return new CommandFailure(Main.EXIT_BAD_INPUT, dir + ": no such rule directory; " + (isDefault
                ? "set " + RuleDirectories.ENV + " to the directory of your rules"
                : "give an existing directory"));
    }
}
