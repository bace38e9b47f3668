package net.sguil.bridge.rawlog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the full-content capture files of one sensor that may hold a session's packets, the way
 * sguild's pcap agent does: a sensor writes {@code <RAW_LOG_DIR>/<YYYY-MM-DD>/<prefix>.<epoch>},
 * the date being the UTC date and the number the UTC second the file was started; a file holds
 * everything until the next file's start. For a session starting at T the candidates are the
 * files from the last one started at or before {@code T - back} up to those started by
 * {@code end + forward}.
 */
public final class RawLogLocator {
    private final Path rawLogDir;
    private final String prefix;
    private final Duration back;
    private final Duration forward;

    public RawLogLocator(Path rawLogDir, String prefix, Duration back, Duration forward) {
        if (prefix.isEmpty() || prefix.contains("/")) {
            throw new IllegalArgumentException("bad pcap file prefix: " + prefix);
        }
        this.rawLogDir = rawLogDir;
        this.prefix = prefix;
        this.back = back;
        this.forward = forward;
    }

    private record Candidate(long start, Path file) {
    }

    /** The files to read, oldest first. */
    public List<Path> filesFor(Instant sessionStart, Instant sessionEnd) throws IOException {
        long from = sessionStart.minus(back).getEpochSecond();
        long to = (sessionEnd.isAfter(sessionStart) ? sessionEnd : sessionStart).plus(forward).getEpochSecond();
        List<Candidate> all = new ArrayList<>();
        // A file started the day before can still be running at the start of the window.
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400) - 1);
        LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(to, 86_400));
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            collect(rawLogDir.resolve(day.toString()), all);
        }
        all.sort(Comparator.comparingLong(Candidate::start));
        int first = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).start() <= from) {
                first = i;
            }
        }
        List<Path> out = new ArrayList<>();
        for (int i = first; i < all.size(); i++) {
            if (all.get(i).start() <= to) {
                out.add(all.get(i).file());
            }
        }
        return out;
    }

    private void collect(Path dayDir, List<Candidate> into) throws IOException {
        if (!Files.isDirectory(dayDir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dayDir, prefix + ".*")) {
            for (Path p : ds) {
                String suffix = p.getFileName().toString().substring(prefix.length() + 1);
                if (suffix.chars().allMatch(Character::isDigit) && !suffix.isEmpty() && suffix.length() < 12
                        && Files.isRegularFile(p)) {
                    into.add(new Candidate(Long.parseLong(suffix), p));
                }
            }
        }
    }

    /** The date directory a file started at {@code t} lives in. */
    public static String dayDirectory(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
