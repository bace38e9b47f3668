package net.sguil.bridge.daemon;

import java.util.List;
import java.util.Map;
import net.sguil.bridge.delivery.DeliveryStats;
import net.sguil.bridge.delivery.LastError;

/**
 * The daemon's health as {@code status.json} holds it (field names in snake_case) and {@code
 * sguil-bridge status} shows it. Times are ISO-8601 UTC.
 *
 * @param lastError the most recent error of the daemon or its delivery
 */
public record DaemonStatus(String time, long pid, long healthIntervalSeconds, Intake intake, Actions actions,
                           Analysis analysis, Rules rules, DeliveryStats delivery, LastError lastError) {

    /**
     * Rows read from Sguil.
     *
     * @param replayed alerts behind the position replayed at start to rebuild the rules' state (they raise nothing)
     * @param databaseConnected the readers' connection to Sguil's database is up
     */
    public record Intake(long alerts, long sessions, long replayed, boolean databaseConnected) {
    }

    /**
     * The rules' pcap requests.
     *
     * @param pending in the action journal: waiting, or being analysed
     * @param dropped refused because the queue was full
     * @param failed could not be analysed (no capture file, no such sensor, a read error)
     */
    public record Actions(long queued, long done, long dropped, long failed, int pending) {
    }

    /**
     * The pcap analyses.
     *
     * @param facts facts the analyses found (messages, attachments, HTTP transactions)
     * @param weirds the anomalies of every capture read, summed by name
     */
    public record Analysis(long captures, long facts, Map<String, Long> weirds) {
    }

    /**
     * The rule engine.
     *
     * @param concluded conclusions it raised
     * @param duplicates conclusions the outbox refused as already accepted or already in Sguil
     * @param weirds its counted oddities ({@code rules.late_fact}, {@code rules.replayed_conclusion}, …)
     */
    public record Rules(List<String> files, long factsInMemory, long concluded, long duplicates,
                        Map<String, Long> weirds) {
    }
}
