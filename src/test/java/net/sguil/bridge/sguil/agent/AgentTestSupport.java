package net.sguil.bridge.sguil.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import net.sguil.bridge.facts.SguilEventOut;

/** Configuration and events for tests against {@link FakeSguild}. */
public final class AgentTestSupport {
    private AgentTestSupport() {
    }

    public static AgentConfig.Builder config(int port, SguildTrust trust) {
        return AgentConfig.builder().host("127.0.0.1").port(port).sensorName("bridge1").netName("lab")
                .trust(trust).connectTimeout(Duration.ofSeconds(5)).handshakeTimeout(Duration.ofSeconds(5))
                .replyTimeout(Duration.ofSeconds(5));
    }

    public static SguilEventOut event(String signature, Instant ts, String src, String dst, String html) {
        return new SguilEventOut(signature, 2, "web-application-attack", 10001, 1000003, 2, ts, src, 40000, dst, 80,
                6, "put-defacement", signature, "plain detail", html);
    }

    /** Waits for a condition the system under test must reach; fails after a generous limit, never sleeps long. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
