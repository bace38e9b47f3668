package net.sguil.bridge.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shipped rules are: {@code $SGUIL_BRIDGE_HOME/drl} when that is set, else {@code drl}
 * in the working directory, else the {@code drl} directory beside the installation (the jar's
 * {@code target/} or {@code lib/} directory's parent).
 */
public final class RuleDirectories {
    private RuleDirectories() {
    }

    public static Path shipped() {
        String home = System.getenv("SGUIL_BRIDGE_HOME");
        if (home != null && !home.isEmpty()) {
            return Path.of(home, "drl");
        }
        Path cwd = Path.of("drl");
        if (Files.isDirectory(cwd)) {
            return cwd;
        }
        try {
            Path jar = Path.of(RuleDirectories.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().getParent().resolve("drl");
            if (Files.isDirectory(beside)) {
                return beside;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // Fall through to the working directory's drl, which the error will then name.
        }
        return cwd;
    }

    /** The shipped rules and each extra directory, in that order, without repeats. */
    public static List<Path> withShipped(List<Path> extra) {
        List<Path> out = new ArrayList<>();
        out.add(shipped());
        for (Path p : extra) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
