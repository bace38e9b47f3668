package net.sguil.bridge.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The directory a command stores files in: created if missing (mode 0750), else a directory it may write to. */
final class OutputDirectory {
    private OutputDirectory() {
    }

    /** @throws CommandFailure (exit 4) naming the directory and the option to change */
    static Path prepare(Path dir, String option) {
        String advice = "; give " + option + " a directory you can write to (it is created if missing)";
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) {
                throw new CommandFailure(Main.EXIT_OUTPUT, dir + ": not writable" + advice);
            }
            return dir;
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandFailure(Main.EXIT_OUTPUT, dir + ": exists and is not a directory" + advice);
        }
        try {
            return Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        } catch (IOException e) {
            String why = e instanceof FileSystemException f && dir.toString().equals(f.getFile())
                    ? Failures.reason(e) : Failures.describe(e);
            throw new CommandFailure(Main.EXIT_OUTPUT, dir + ": cannot create it (" + why + ")" + advice);
        }
    }
}
