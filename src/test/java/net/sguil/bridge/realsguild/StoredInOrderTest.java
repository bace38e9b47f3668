package net.sguil.bridge.realsguild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, scenario "events stored and in order": Snort alerts relayed by snort_agent, sancp rows
 * loaded by loaderd, the sensor's pcaps on disk; the bridge (its own process) against the genuine
 * sguild. Every conclusion is in sguild's {@code event} table once, with the alert's fields, in the
 * order of the alerts.
 */
class StoredInOrderTest {
    @RegisterExtension
    static final GenuineSguild SGUILD = new GenuineSguild();

    @TempDir
    Path dir;

    @Test
    void everyConclusionIsStoredOnceWithItsFieldsInTheOrderOfTheAlerts() throws Exception {
        try (Site site = SGUILD.site(dir, "a")) {
            Instant t0 = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            List<SensorTraffic.Put> puts = site.traffic.puts("a", 3, t0);
            List<SensorTraffic.Mail> mails = site.traffic.mails("a", 2, t0.plusSeconds(10), 7_000_000_001L);
            BridgeProcess bridge = site.start();
            bridge.awaitConnected();

            List<SnortAgent.Stored> counted = site.snort().sendAll(Scenarios.countedAlerts(40, t0.plusSeconds(20)));
            for (SensorTraffic.Put p : puts) {
                site.snort().send(p.alert());
            }
            site.sancp().load(mails.stream().map(SensorTraffic.Mail::session).toList());

            List<Conclusion> expected = new ArrayList<>(Scenarios.countConclusions(counted));
            puts.forEach(p -> expected.add(p.conclusion()));
            mails.forEach(m -> expected.add(m.conclusion()));
            site.finish(bridge, expected).assertExactlyOnce();

            List<SguildTables.StoredEvent> events = site.events();
            List<SguildTables.StoredEvent> counts = events.stream()
                    .filter(e -> e.signature().startsWith("REALSGUILD COUNT")).toList();
            assertThat(counts).extracting(SguildTables.StoredEvent::signature).as("in the order of the alerts")
                    .containsExactlyElementsOf(counted.stream().map(s -> "REALSGUILD COUNT [" + s.key() + "]").toList());
            for (int i = 0; i < counted.size(); i++) {
                SnortAgent.Alert a = counted.get(i).alert();
                SguildTables.StoredEvent e = counts.get(i);
                assertThat(e.timestamp()).isEqualTo(a.time());
                assertThat(List.of(e.srcIp(), e.srcPort(), e.dstIp(), e.dstPort()))
                        .isEqualTo(List.of(a.srcIp(), a.srcPort(), a.dstIp(), a.dstPort()));
            }
            assertThat(events).allSatisfy(e -> {
                assertThat(e.generator()).as("the console shows the detail of generator 10001 only").isEqualTo(10001);
                assertThat(e.status()).as("real-time: shown to analysts").isZero();
                assertThat(e.detail()).as("detail of cid " + e.cid()).isNotBlank();
            });
            assertThat(events).extracting(SguildTables.StoredEvent::cid).as("cids of the bridge's sensor")
                    .isSorted().doesNotHaveDuplicates();
            for (SensorTraffic.Put p : puts) {
                SguildTables.StoredEvent e = events.stream().filter(p.conclusion()::matches).findFirst().orElseThrow();
                assertThat(List.of(e.srcIp(), e.srcPort(), e.dstIp(), e.dstPort()))
                        .isEqualTo(List.of(p.client(), p.clientPort(), SensorTraffic.PUT_SERVER, 80));
                assertThat(e.signatureId()).isEqualTo(SensorTraffic.PUT_SID);
                assertThat(e.priority()).isEqualTo(1);
                assertThat(e.sigClass()).as("sguild keeps 20 characters of the class").isEqualTo("web-application-atta");
            }
            for (SensorTraffic.Mail m : mails) {
                SguildTables.StoredEvent e = events.stream().filter(m.conclusion()::matches).findFirst().orElseThrow();
                assertThat(List.of(e.srcIp(), e.srcPort(), e.dstIp(), e.dstPort()))
                        .isEqualTo(List.of(m.client(), m.clientPort(), SensorTraffic.MAIL_SERVER, 25));
            }
        }
    }
}
