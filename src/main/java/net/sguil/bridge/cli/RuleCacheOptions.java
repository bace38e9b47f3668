package net.sguil.bridge.cli;

import java.nio.file.Path;
import net.sguil.bridge.rules.RuleCache;
import picocli.CommandLine.Option;

/** {@code --rules-cache DIR} / {@code --no-rules-cache} for the commands that compile rules. */
final class RuleCacheOptions {
    @Option(names = "--rules-cache", paramLabel = "DIR", description = "Where compiled rules are kept, so that the "
            + "next run over the same rule files (and the same build of sguil-bridge) loads them instead of "
            + "compiling them again, which takes seconds of CPU. The default is $XDG_CACHE_HOME/sguil-bridge/rules, "
            + "else ~/.cache/sguil-bridge/rules. The directory is created mode 0700; one that another user owns "
            + "or may write is not used. The " + RuleCache.KEEP + " most recently used builds are kept.")
    Path dir;

    @Option(names = "--no-rules-cache", description = "Compile the rules afresh and keep nothing.")
    boolean off;

    RuleCache cache() {
        if (off && dir != null) {
            throw new CommandFailure(Main.EXIT_BAD_INPUT, "--rules-cache and --no-rules-cache exclude each other");
        }
        return off ? RuleCache.none() : RuleCache.at(dir != null ? dir : RuleCache.userDefault(System::getenv));
    }
}
