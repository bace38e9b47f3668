package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.analysis.CaptureReport;

/** How the commands that read captures treat their inputs: one bad file is one line, the rest go on. */
final class CaptureInputs {
    @FunctionalInterface
    interface PerFile {
        void process(Path file) throws IOException;
    }

    private CaptureInputs() {
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
                err.println("sguil-bridge: " + f + ": " + e.getMessage());
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
