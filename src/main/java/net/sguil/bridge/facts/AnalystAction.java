package net.sguil.bridge.facts;

import java.time.Instant;

/**
 * One row of Sguil's {@code history} table: an analyst changed an alert's status (and perhaps
 * commented) in the console. {@code alert} is the {@code event} row it refers to, null when that row
 * is no longer there.
 */
public final class AnalystAction {
    private final int sid;
    private final long cid;
    private final String sensor;
    private final String analyst;
    private final Instant time;
    private final int status;
    private final String comment;
    private final SguilAlert alert;

    /** @param comment "" when the analyst gave none (Sguil stores NULL) */
    public AnalystAction(int sid, long cid, String sensor, String analyst, Instant time, int status, String comment,
                         SguilAlert alert) {
        this.sid = sid;
        this.cid = cid;
        this.sensor = sensor;
        this.analyst = analyst;
        this.time = time;
        this.status = status;
        this.comment = comment == null ? "" : comment;
        this.alert = alert;
    }

    public int getSid() { return sid; }
    public long getCid() { return cid; }
    /** {@code sid.cid} of the alert acted on. */
    public String getAlertId() { return sid + "." + cid; }
    public String getSensor() { return sensor; }
    /** The analyst's user name ({@code user_info.username}); {@code uid N} when the user is unknown. */
    public String getAnalyst() { return analyst; }
    public Instant getTime() { return time; }
    public long getTimeMillis() { return time.toEpochMilli(); }
    /** The status set: 1 no further action, 2 escalated, 11 … 17 the F-key categories. */
    public int getStatus() { return status; }
    public String getComment() { return comment; }
    public SguilAlert getAlert() { return alert; }

    /**
     * What tells this action from every other: the alert, the time, the analyst, the status and the
     * comment (hashed: it can be long). Two rows alike in all of these are one action clicked twice.
     */
    public String getKey() {
        return getAlertId() + "@" + time.getEpochSecond() + "/" + analyst + "/" + status + "/"
                + Integer.toHexString(comment.hashCode());
    }

    @Override
    public String toString() {
        return "AnalystAction[" + getAlertId() + " " + status + " by " + analyst + " at " + time + "]";
    }
}
