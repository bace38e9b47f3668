package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.sguil.bridge.state.AtomicFile;
import net.sguil.bridge.state.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the readers of Sguil's growing tables share: one cursor per sensor id, kept in a position
 * file that is replaced atomically, and the rule that the position moves only past rows whose
 * consequences are durable. A poll reads the rows after each cursor, hands them to the consumer,
 * asks the {@link Durable} it was given to force what the consumer made of them to disk (the
 * conclusions in the outbox, the pcap requests in the action queue), and only then saves the
 * advanced cursors. A crash anywhere before the save makes the same rows come again.
 *
 * <p>On the very first run (no position file) with {@link ReaderLimits#startAtNow()}, {@link
 * #start()} puts each sensor's cursor at its current end and saves it at once: the daemon calls it
 * when it starts, so rows that arrive while it gets going are read. Sensors that appear later are
 * always read from their beginning.
 *
 * @param <R> a row as the consumer gets it
 * @param <C> one sensor id's cursor
 */
abstract class IncrementalReader<R, C> {
    private static final Logger LOG = LoggerFactory.getLogger(IncrementalReader.class);

    protected final Connection connection;
    protected final ReaderLimits limits;
    private final Path stateFile;
    private final String header;
    private final Set<String> sensors;
    private final Map<Integer, C> cursors;
    private final boolean firstRun;
    private boolean started;

    /** @throws IOException if the position file exists but is unreadable or damaged */
    IncrementalReader(Connection connection, Path stateFile, String header, Set<String> sensors, ReaderLimits limits)
            throws IOException {
        this.connection = connection;
        this.stateFile = stateFile;
        this.header = header;
        this.sensors = Set.copyOf(sensors);
        this.limits = limits;
        this.firstRun = !Files.exists(stateFile);
        this.cursors = firstRun ? new TreeMap<>() : load();
    }

    /** The cursor of a sensor id not read before: before its first row. */
    abstract C fresh();

    /** The cursor at the sid's newest row, for a first run that starts at now. */
    abstract C atEnd(int sid, String sensor) throws SQLException;

    /** Adds to {@code out} up to a batch of the sid's rows after {@code cursor}, in reading order. */
    abstract void read(int sid, String sensor, C cursor, List<R> out) throws SQLException;

    /** The cursor once {@code rows}, read after it, are consumed. */
    abstract C advance(C cursor, List<R> rows);

    /** The position-file lines of one sid's cursor. */
    abstract void write(int sid, C cursor, List<String> lines);

    /** Applies one position-file line (split at spaces) to {@code into}; NumberFormatException if damaged. */
    abstract void parse(String[] fields, Map<Integer, C> into);

    /**
     * Takes the first run's position (see the class comment) and saves it; does nothing after the
     * first call or when a position file existed.
     *
     * @return the sensors to read, by sid
     */
    public final Map<Integer, String> start() throws SQLException, IOException {
        Map<Integer, String> sids = Sensors.sids(connection, sensors);
        if (!started && firstRun) {
            if (limits.startAtNow()) {
                for (Map.Entry<Integer, String> s : sids.entrySet()) {
                    cursors.putIfAbsent(s.getKey(), endOrFresh(s.getKey(), s.getValue()));
                }
            }
            save();
        }
        started = true;
        return sids;
    }

    /** The sid's end; before any row when the table does not exist yet (sguild creates it with its first row). */
    private C endOrFresh(int sid, String sensor) throws SQLException {
        try {
            return atEnd(sid, sensor);
        } catch (SQLException e) {
            if (!SqlErrors.isNoSuchTable(e)) {
                throw e;
            }
            return fresh();
        }
    }

    /**
     * Hands every row after the position (at most a batch per sensor id) to {@code sink}, has
     * {@code durable} force what the sink made of them to disk, then saves the new position. If
     * either throws, the position does not move.
     *
     * @return the number of rows handed over
     */
    public final int poll(Consumer<? super R> sink, Durable durable) throws SQLException, IOException {
        Map<Integer, String> sids = start();
        Map<Integer, List<R>> batch = new TreeMap<>();
        try {
            for (Map.Entry<Integer, String> s : sids.entrySet()) {
                List<R> rows = new ArrayList<>();
                read(s.getKey(), s.getValue(), cursors.getOrDefault(s.getKey(), fresh()), rows);
                batch.put(s.getKey(), rows);
            }
        } catch (SQLException e) {
            if (!SqlErrors.isMergeBeingRebuilt(e)) {
                throw e;
            }
            LOG.debug("a MERGE table is being rebuilt; reading again at the next poll");
            return 0;
        }
        int n = 0;
        for (List<R> rows : batch.values()) {
            rows.forEach(sink);
            n += rows.size();
        }
        if (n > 0) {
            durable.sync();
            batch.forEach((sid, rows) -> cursors.put(sid, advance(cursors.getOrDefault(sid, fresh()), rows)));
            save();
        }
        return n;
    }

    /** {@code cursor} moved past every row after it, in batches: a first run's cursor at the sid's end. */
    final C pastEveryRow(int sid, String sensor, C cursor) throws SQLException {
        List<R> behind = new ArrayList<>();
        C c = cursor;
        do {
            behind.clear();
            read(sid, sensor, c, behind);
            c = advance(c, behind);
        } while (!behind.isEmpty());
        return c;
    }

    /** The cursor of a sid (a fresh one if it was never read), for the subclasses' own queries. */
    final C cursor(int sid) {
        return cursors.getOrDefault(sid, fresh());
    }

    /** The saved cursors by sid (a copy). */
    final Map<Integer, C> cursors() {
        return new TreeMap<>(cursors);
    }

    private void save() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        cursors.forEach((sid, c) -> write(sid, c, lines));
        AtomicFile.write(stateFile, AtomicFile.OWNER_ONLY, String.join("\n", lines) + "\n");
    }

    private Map<Integer, C> load() throws IOException {
        Map<Integer, C> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                parse(line.split(" "), out);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(stateFile + ":" + (i + 1) + ": damaged reader position");
            }
        }
        return out;
    }
}
