package net.sguil.bridge.rules;

import java.time.Instant;
import net.sguil.bridge.facts.SancpSession;
import org.kie.api.definition.type.PropertyReactive;

/**
 * Trending state kept by {@code drl/trending.drl}: bytes that left the home network on one
 * destination port in one UTC hour, and the baseline (median of the previous hours) fixed when the
 * hour's first session arrived. Carried over when the rules are reloaded.
 */
@PropertyReactive
public final class PortHour implements CarriedOver {
    private static final long HOUR_MILLIS = 3_600_000L;

    private final int port;
    private final long hourNumber;
    private final Instant hour;
    private double baseline = -1;
    private long bytes;
    private long sessions;
    private boolean alerted;

    public PortHour(int port, SancpSession first) {
        this.port = port;
        this.hourNumber = hourNumber(first.getStartMillis());
        this.hour = Instant.ofEpochMilli(hourNumber * HOUR_MILLIS);
    }

    /** Hours since 1970-01-01T00:00Z of an epoch-millisecond time. */
    public static long hourNumber(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MILLIS);
    }

    /** Destination port of the sessions counted. */
    public int getPort() { return port; }
    public long getHourNumber() { return hourNumber; }
    /** Start of the hour. */
    public Instant getHour() { return hour; }
    /** Median bytes of the previous {@code volume.hours} hours (quiet hours count as 0); -1 until the baseline rule has set it. */
    public double getBaseline() { return baseline; }
    public long getBytes() { return bytes; }
    public long getSessions() { return sessions; }
    /** True once this hour's excess has been reported. */
    public boolean isAlerted() { return alerted; }

    public void setBytes(long bytes) {
        this.bytes = bytes;
    }

    public void setSessions(long sessions) {
        this.sessions = sessions;
    }

    public void setBaseline(double baseline) {
        this.baseline = baseline;
    }

    public void setAlerted(boolean alerted) {
        this.alerted = alerted;
    }

    @Override
    public String toString() {
        return "PortHour[" + port + " " + getHour() + " bytes " + bytes + " baseline " + baseline + "]";
    }
}
