package net.sguil.bridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over the bytes of several files, on stderr, only when a person is watching a large job. */
final class Progress implements AutoCloseable {
    private static final long WORTH_A_BAR = 64L << 20;
    private final ProgressBar bar;
    private long done;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress forFiles(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // Unreadable files are reported when they are processed.
            }
        }
        if (!stderrIsTerminal() || total < WORTH_A_BAR) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName("reading").setInitialMax(total >> 20)
                .setUnit(" MB", 1).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build());
    }

    /** Java cannot ask isatty(2); on Linux the descriptor's link names the terminal. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    LongConsumer forFile(Path f) {
        long base = done;
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            size = 0;
        }
        done += size;
        if (bar == null) {
            return b -> { };
        }
        return b -> bar.stepTo((base + b) >> 20);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
