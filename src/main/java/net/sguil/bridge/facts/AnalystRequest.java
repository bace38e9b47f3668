package net.sguil.bridge.facts;

import java.time.Instant;

/**
 * Who asked for an {@link ExtractSession} from the console, and about which alert: carried by the
 * request through the action journal, so the answer refers to the analyst's alert even when it is
 * given after a restart. {@code key} names the analyst's action (one {@code history} row, {@link
 * AnalystAction#getKey()}) and makes the answer's evidence keys, so one action is answered once.
 */
public final class AnalystRequest {
    private final int sid;
    private final long cid;
    private final String signature;
    private final Instant alertTime;
    private final String analyst;
    private final String key;

    public AnalystRequest(int sid, long cid, String signature, Instant alertTime, String analyst, String key) {
        this.sid = sid;
        this.cid = cid;
        this.signature = signature;
        this.alertTime = alertTime;
        this.analyst = analyst;
        this.key = key;
    }

    /** The request of an analyst's action on an alert. */
    public static AnalystRequest of(AnalystAction a) {
        SguilAlert alert = a.getAlert();
        return new AnalystRequest(a.getSid(), a.getCid(), alert.getSignature(), alert.getTimestamp(), a.getAnalyst(),
                a.getKey());
    }

    public int getSid() { return sid; }
    public long getCid() { return cid; }
    /** {@code sid.cid}, as the console shows the alert. */
    public String getAlert() { return sid + "." + cid; }
    public String getSignature() { return signature; }
    public Instant getAlertTime() { return alertTime; }
    public String getAnalyst() { return analyst; }
    public String getKey() { return key; }
}
