package net.sguil.bridge.rules;

import java.time.Instant;
import net.sguil.bridge.facts.SguilAlert;
import org.kie.api.definition.type.PropertyReactive;

/**
 * Trending state kept by {@code drl/trending.drl}: how many alerts of one signature fell on one UTC
 * day, and the baseline (median of the previous days) fixed when the day's first alert arrived.
 * Carried over when the rules are reloaded.
 */
@PropertyReactive
public final class SignatureDay implements CarriedOver {
    private static final long DAY_MILLIS = 86_400_000L;

    private final String signature;
    private final String day;
    private final long dayNumber;
    private double baseline = -1;
    private long count;
    private SguilAlert lastAlert;
    private boolean alerted;

    public SignatureDay(SguilAlert first) {
        this.signature = first.getSignature();
        this.day = first.getDay();
        this.dayNumber = dayNumber(first.getTimestampMillis());
        this.lastAlert = first;
    }

    /** Days since 1970-01-01 (UTC) of an epoch-millisecond time. */
    public static long dayNumber(long epochMillis) {
        return Math.floorDiv(epochMillis, DAY_MILLIS);
    }

    public String getSignature() { return signature; }
    /** {@code YYYY-MM-DD}, UTC. */
    public String getDay() { return day; }
    /** Days since 1970-01-01: arithmetic on days without dates. */
    public long getDayNumber() { return dayNumber; }
    /** Median count of the previous {@code trending.days} days (quiet days count as 0); -1 until the baseline rule has set it. */
    public double getBaseline() { return baseline; }
    public long getCount() { return count; }
    /** The most recent alert counted, for addresses and time in the event. */
    public SguilAlert getLastAlert() { return lastAlert; }
    public Instant getLastSeen() { return lastAlert.getTimestamp(); }
    /** True once the spike of this day has been reported. */
    public boolean isAlerted() { return alerted; }

    public void setCount(long count) {
        this.count = count;
    }

    /** Keeps the later of the current last alert and {@code alert}. */
    public void setLastAlert(SguilAlert alert) {
        if (alert.getTimestampMillis() >= lastAlert.getTimestampMillis()) {
            lastAlert = alert;
        }
    }

    public void setBaseline(double baseline) {
        this.baseline = baseline;
    }

    public void setAlerted(boolean alerted) {
        this.alerted = alerted;
    }

    @Override
    public String toString() {
        return "SignatureDay[" + signature + " " + day + " count " + count + " baseline " + baseline + "]";
    }
}
