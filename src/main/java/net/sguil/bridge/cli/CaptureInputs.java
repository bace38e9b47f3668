package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.analysis.CaptureReport;

/** How the commands that read captures treat their inputs: one bad file is one line, the rest go on. */
final class CaptureInputs {
    @FunctionalInterface
    interface PerFile {
        void process(Path file) throws IOException;
    }

    /** The files worth opening, and {@link Main#EXIT_BAD_INPUT} when some were not. */
    record Checked(List<Path> usable, int status) {
        /** This status unless it is OK, else the other one. */
        int and(int other) {
            return status != Main.EXIT_OK ? status : other;
        }
    }

    private CaptureInputs() {
    }

    /**
     * Cheap checks before any work (such as compiling the rules) starts: each file exists, is a
     * regular file and is readable; one line on stderr for each one that is not.
     */
    static Checked check(List<Path> files, PrintWriter err) {
        List<Path> usable = new ArrayList<>();
        for (Path f : files) {
            String problem = !Files.exists(f) ? "no such file"
                    : Files.isDirectory(f) ? "is a directory; give the capture files in it"
                    : !Files.isRegularFile(f) ? "not a regular file"
                    : !Files.isReadable(f) ? "permission denied" : null;
            if (problem == null) {
                usable.add(f);
            } else {
                err.println("sguil-bridge: " + f + ": " + problem);
            }
        }
        err.flush();
        return new Checked(usable, usable.size() == files.size() ? Main.EXIT_OK : Main.EXIT_BAD_INPUT);
    }

    /** @return {@link Main#EXIT_OK}, or {@link Main#EXIT_BAD_INPUT} when some file was unusable */
    static int processEach(List<Path> files, PrintWriter err, PerFile work) {
        int status = Main.EXIT_OK;
        for (Path f : files) {
            try {
                work.process(f);
            } catch (NoSuchFileException e) {
                err.println("sguil-bridge: " + f + ": no such file");
                status = Main.EXIT_BAD_INPUT;
            } catch (IOException e) {
                err.println("sguil-bridge: " + f + ": " + (e instanceof FileSystemException ? Failures.reason(e)
                        : e.getMessage()));
                status = Main.EXIT_BAD_INPUT;
            }
        }
        return status;
    }

    /** A capture cut mid-record was processed up to the cut; say so on stderr whatever the output format. */
    static void reportTruncation(PrintWriter err, CaptureReport r) {
        if (r.truncation() != null) {
            err.println("sguil-bridge: " + r.pcap() + ": " + r.truncation() + " (everything before it was processed)");
        }
    }
}
