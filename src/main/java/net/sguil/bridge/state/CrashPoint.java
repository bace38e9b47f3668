package net.sguil.bridge.state;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test hook for the durability rules: with {@code SGUIL_BRIDGE_CRASH_AT=<point>[:<n>]} in its
 * environment the process halts the n-th time (default the first) it passes that point, as abruptly as a {@code kill
 * -9} (no shutdown hooks, nothing flushed but what the kernel already has). Unset, each point is one
 * string comparison. The points:
 * <ul>
 * <li>{@value #EVENT_READ}: a poll of {@code event} handed rows over and saved the reader's position;</li>
 * <li>{@value #SANCP_READ}: the same for {@code sancp};</li>
 * <li>{@value #HISTORY_READ}: the same for {@code history} (the analysts' actions);</li>
 * <li>{@value #ANALYSIS_STORED}: a pcap analysis stored a message's files, before its facts reached the rules;</li>
 * <li>{@value #EVENT_SENT}: an event was sent to sguild or written to the database, before its outcome was recorded.</li>
 * </ul>
 */
public final class CrashPoint {
    public static final String ENV = "SGUIL_BRIDGE_CRASH_AT";
    public static final String EVENT_READ = "event-read";
    public static final String SANCP_READ = "sancp-read";
    public static final String HISTORY_READ = "history-read";
    public static final String ANALYSIS_STORED = "analysis-stored";
    public static final String EVENT_SENT = "event-sent";
    /** The exit status of a halt here: what a shell reports for SIGKILL. */
    public static final int EXIT_STATUS = 137;
    private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);
    private static final String AT;
    private static final int NTH;
    private static final AtomicInteger PASSED = new AtomicInteger();

    static {
        String v = System.getenv(ENV);
        int colon = v == null ? -1 : v.lastIndexOf(':');
        AT = colon < 0 ? v : v.substring(0, colon);
        NTH = colon < 0 ? 1 : Integer.parseInt(v.substring(colon + 1));
    }

    private CrashPoint() {
    }

    public static void here(String point) {
        if (point.equals(AT) && PASSED.incrementAndGet() == NTH) {
            LOG.warn("{}={}: halting here ({}), as if killed", ENV, point, NTH);
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
