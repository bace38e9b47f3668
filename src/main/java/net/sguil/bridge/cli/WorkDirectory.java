package net.sguil.bridge.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a command writes what it needs for a while: the directory the user named (kept), else a
 * private (0700) temporary directory, removed with everything in it when closed.
 */
final class WorkDirectory implements Closeable {
    private final Path path;
    private final boolean temporary;

    private WorkDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** {@code given} when not null, else a new temporary directory named {@code prefix...}. */
    static WorkDirectory of(Path given, String prefix) throws IOException {
        return given != null ? new WorkDirectory(given, false) : new WorkDirectory(Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))), true);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (!temporary) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
