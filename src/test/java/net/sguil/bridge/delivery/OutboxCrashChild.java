package net.sguil.bridge.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.AgentTestSupport;
import net.sguil.bridge.sguil.agent.SguildTrust;

/**
 * The process {@link OutboxCrashTest} kills: submits events {@code first..total-1} to an
 * {@link AgentDelivery}, printing {@code ACK i} once {@code submit} and {@code sync} returned for event i, then waits
 * for the outbox to drain and prints {@code DRAINED}.
 * Arguments: journal, sguild port, certificate fingerprint, first, total.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int first = Integer.parseInt(args[3]);
        int total = Integer.parseInt(args[4]);
        AgentConfig cfg = AgentTestSupport.config(port, SguildTrust.sha256Fingerprint(args[2])).build();
        Instant ts = Instant.parse("2026-11-27T00:00:00Z");
        DeliveryLimits limits = DeliveryLimits.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        try (AgentDelivery d = AgentDelivery.start(cfg, limits, journal)) {
            System.out.println("READY");
            System.out.flush();
            for (int i = first; i < total; i++) {
                d.submit(AgentTestSupport.event("crash " + i, ts.plusSeconds(i), "10.0.0.1", "10.0.0.2", null));
                d.sync();
                System.out.println("ACK " + i);
                System.out.flush();
                Thread.sleep(30); // spreads submissions over the kills, so they hit submit and delivery alike
            }
            if (!d.awaitDrained(Duration.ofSeconds(60))) {
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
