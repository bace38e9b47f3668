package net.sguil.bridge.realsguild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.sguil.bridge.sguil.AnalystConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 against the genuine sguild: an analyst escalates a Snort alert sguild stored (the status
 * and the {@code history} row written as sguild's UpdateEventStatus writes them, while the bridge
 * runs) and the answer arrives through sguild once: the PUT of the alert's session and a summary,
 * each referring to the alert's cid as sguild stores GenericEvent's refID ({@code unified_event_ref}).
 * The alert is two hours old, older than the rules keep events: its conclusions, stamped with its
 * time, leave working memory as they are inserted and must be delivered all the same.
 */
class AnalystRequestThroughSguildTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    void anEscalatedPutAlertIsAnsweredBesideTheAlert() throws Exception {
        try (Site site = SGUILD.site(dir, "q1")) {
            Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            SensorTraffic.Put put = site.traffic.puts("q1", 1, t0).get(0);
            SnortAgent.Stored alert = site.snort().send(put.alert());
            BridgeProcess bridge = site.start();
            site.awaitConclusions(bridge, List.of(put.conclusion()));
            try (Connection c = site.sguild.connect()) {
                new AnalystConsole(c).status("alice", site.sensor, (int) alert.sid(), alert.cid(), put.time(), 2, null,
                        Instant.now());
            }
            String asked = "BRIDGE request " + alert.sid() + "." + alert.cid();
            Conclusion request = new Conclusion(asked + ": PUT " + put.uri() + " (201)", null);
            Conclusion summary = new Conclusion(asked + " answered: 0 messages, 0 attachments, 1 HTTP request", null);
            site.finish(bridge, List.of(put.conclusion(), request, summary)).assertExactlyOnce();
            assertThat(site.events()).as("the answers refer to the alert's cid; the PUT pack's own event to none")
                    .allSatisfy(e -> assertThat(e.refId())
                            .isEqualTo(e.signature().startsWith(asked) ? alert.cid() : 0L));
        }
    }
}
