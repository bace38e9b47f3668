package net.sguil.bridge.sguil;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A reader's position, for one sensor, in a table with no row id to follow, only a time that rows
 * may be stored late for (sancp's start_time, history's timestamp): the newest time read (the
 * watermark, epoch seconds) and the rows already read within the lateness window behind it, so that
 * a late row is read once and a known one never again. In the position file it is a line
 * {@code w SID WATERMARK} and a line {@code s SID KEY TIME} per row seen.
 *
 * @param <K> what a row is known by
 */
final class WindowCursor<K> {
    long watermark = Long.MIN_VALUE;
    final Map<K, Long> seen = new HashMap<>();

    /** The earliest time a row not read yet may have: the watermark less the lateness, 0 before any row. */
    long floor(Duration lateness) {
        return watermark == Long.MIN_VALUE ? 0 : Math.max(0, watermark - lateness.toSeconds());
    }

    /** A row read: remembered, and the watermark moved to its time, but never past {@code cap}. */
    void read(K key, long time, long cap) {
        seen.put(key, time);
        watermark = Math.max(watermark, Math.min(time, cap));
    }

    /** Forgets the rows the window has left behind. */
    void forgetBefore(Duration lateness) {
        long floor = floor(lateness);
        seen.values().removeIf(time -> time < floor);
    }

    void write(int sid, List<String> lines) {
        lines.add("w " + sid + " " + watermark);
        seen.forEach((key, time) -> lines.add("s " + sid + " " + key + " " + time));
    }

    /**
     * Reads one line of the position file into {@code into}.
     *
     * @param key a row's key from its text; throws NumberFormatException for one that cannot be a key
     * @throws NumberFormatException when the line is not one of these
     */
    static <K> void parse(String[] f, Map<Integer, WindowCursor<K>> into, Function<String, K> key) {
        if (f[0].equals("w") && f.length == 3) {
            into.computeIfAbsent(Integer.parseInt(f[1]), k -> new WindowCursor<>()).watermark = Long.parseLong(f[2]);
        } else if (f[0].equals("s") && f.length == 4) {
            into.computeIfAbsent(Integer.parseInt(f[1]), k -> new WindowCursor<>()).seen.put(key.apply(f[2]),
                    Long.parseLong(f[3]));
        } else {
            throw new NumberFormatException();
        }
    }
}
