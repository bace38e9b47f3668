package net.sguil.bridge.sguil.agent;

import static net.sguil.bridge.sguil.agent.AgentTestSupport.await;
import static net.sguil.bridge.sguil.agent.AgentTestSupport.config;
import static net.sguil.bridge.sguil.agent.AgentTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.sguil.bridge.weird.Weirds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SguildClientTest {
    private static final Instant TS = Instant.parse("2026-11-27T23:47:56Z");

    @TempDir
    Path dir;
    private TestCertificate cert;
    private FakeSguild fake;

    @BeforeEach
    void startFake() throws Exception {
        cert = TestCertificate.get();
        fake = new FakeSguild(cert).start();
    }

    @AfterEach
    void stopFake() throws Exception {
        fake.close();
    }

    private AgentConfig.Builder pinned() {
        return config(fake.port(), SguildTrust.sha256Fingerprint(cert.sha256));
    }

    @Test
    void deliversEventsWithTheExactFields() throws Exception {
        AgentConfig cfg = pinned().build();
        try (AgentDelivery d = AgentDelivery.start(cfg, dir.resolve("outbox"), new Weirds())) {
            d.submit(event("HTTP PUT accepted", TS, "10.1.2.3", "192.168.1.5", "<b>PUT</b> &amp; 201"));
            d.submit(event("IPv6 PUT", TS.plusSeconds(1), "2001:db8::7", "2001:db8::8", "<table></table>"));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats()).extracting(DeliveryStats::submitted, DeliveryStats::confirmed, DeliveryStats::failed,
                    DeliveryStats::outboxDepth).containsExactly(2L, 2L, 0L, 0);
        }
        List<FakeSguild.Stored> s = fake.stored();
        assertThat(s).hasSize(2);
        assertThat(s.get(0).fields()).containsExactly("0", "2", "web-application-atta", "bridge1",
                "2026-11-27 23:47:56", "1", "1", "0", s.get(0).fields().get(8), "10.1.2.3", "192.168.1.5", "6",
                "40000", "80", "10001", "1000003", "2", s.get(0).fields().get(17));
        assertThat(s.get(0).message()).isEqualTo("HTTP PUT accepted");
        assertThat(s.get(0).detail()).isEqualTo("<b>PUT</b> &amp; 201");
        assertThat(s.get(1).cid()).isEqualTo(2);
        assertThat(s.get(1).fields().subList(9, 11)).containsExactly("0.0.0.0", "0.0.0.0");
        assertThat(s.get(1).detail()).contains("[2001:db8::7]:40000", "[2001:db8::8]:80").endsWith("<table></table>");
    }

    @Test
    void aNewOutboxContinuesAboveSguildsMaxCid() throws Exception {
        AgentConfig cfg = pinned().build();
        for (String journal : List.of("first", "second")) {
            try (AgentDelivery d = AgentDelivery.start(cfg, dir.resolve(journal), new Weirds())) {
                d.submit(event("event from " + journal, TS, "10.0.0.1", "10.0.0.2", null));
                assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            }
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::cid).containsExactly(1L, 2L);
    }

    @Test
    void trustsTheGivenPemCertificate() throws Exception {
        try (SguildClient c = SguildClient.connect(config(fake.port(), SguildTrust.pemCertificate(cert.pem)).build())) {
            assertThat(c.banner()).isEqualTo(FakeSguild.BANNER);
            assertThat(c.register()).isEqualTo(new AgentInfo("bridge1", "sguil-bridge", "lab", 1, 0));
            c.ping();
        }
    }

    @Test
    void refusesACertificateWithAnotherFingerprint() {
        AgentConfig cfg = config(fake.port(), SguildTrust.sha256Fingerprint("00".repeat(32))).build();
        assertThatThrownBy(() -> SguildClient.connect(cfg)).isInstanceOf(SguildException.class)
                .hasMessageContaining("TLS handshake").hasMessageContaining("fingerprint");
    }

    @Test
    void trustAllWorksButWarnsOnEveryConnect() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(SguildClient.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            AgentConfig cfg = config(fake.port(), SguildTrust.trustAllInsecure()).build();
            for (int i = 0; i < 2; i++) {
                try (SguildClient c = SguildClient.connect(cfg)) {
                    c.register();
                }
            }
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .allMatch(m -> m.contains("trusts ANY certificate"));
    }

    @Test
    void startsTlsAtOnceAndGivesUpOnAStalledHandshake() throws Exception {
        fake.blockHandshake(true);
        AgentConfig cfg = pinned().handshakeTimeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> SguildClient.connect(cfg)).isInstanceOf(SguildException.class)
                .hasMessageContaining("TLS handshake").hasMessageContaining("timed out");
        assertThat(fake.sawClientHelloRightAfterVersionInfo()).isTrue();
    }

    @Test
    void refusesAPeerThatIsNotSguild() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket c = s.accept(); OutputStream out = c.getOutputStream()) {
                    out.write("Connection Refused.\r\n".getBytes(StandardCharsets.US_ASCII));
                    c.getInputStream().read();
                } catch (Exception ignored) {
                    // the client hangs up
                }
            });
            t.start();
            AgentConfig cfg = config(s.getLocalPort(), SguildTrust.sha256Fingerprint(cert.sha256)).build();
            assertThatThrownBy(() -> SguildClient.connect(cfg)).isInstanceOf(SguildException.class)
                    .hasMessageContaining("did not greet as sguild: 'Connection Refused.'");
            t.join();
        }
    }

    @Test
    void repliesFollowSguildsRules() throws Exception {
        AgentConfig cfg = pinned().replyTimeout(Duration.ofMillis(300)).pongTimeout(Duration.ofMillis(300)).build();
        try (SguildClient c = SguildClient.connect(cfg)) {
            assertThatThrownBy(c::ping).as("PING before RegisterAgent is ignored")
                    .isInstanceOf(SocketTimeoutException.class);
            AgentInfo info = c.register();
            SguildEventEncoder enc = new SguildEventEncoder(new Weirds());
            String line = enc.encode(event("dup", TS, "10.0.0.1", "10.0.0.2", null), info, 5);
            assertThat(c.sendEvent(5, line).kind()).isEqualTo(EventReply.Kind.CONFIRMED);
            EventReply dup = c.sendEvent(5, line);
            assertThat(dup.kind()).isEqualTo(EventReply.Kind.DUPLICATE);
            assertThat(dup.delivered()).isTrue();
            EventReply shortLine = c.sendEvent(6, "GenericEvent 0 1 2");
            assertThat(shortLine.kind()).isEqualTo(EventReply.Kind.FAILED);
            assertThat(shortLine.reason()).startsWith("ERROR: Invalid length (3)");
        }
        try (SguildClient c = SguildClient.connect(cfg)) {
            c.register();
            assertThatThrownBy(() -> c.sendEvent(7, "GenericEvent 0 1 a bridge1 {2026-11-27 23:47:56} 1 7 0 41"
                    + " 10.0.0.300 10.0.0.2 6 1 2 10001 1 1 {}"))
                    .as("a bad IP gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> c.sendEvent(8, "GenericEvent 0 1 a bridge1 {2026-11-31 23:47:56} 1 8 0 41"
                    + " 10.0.0.1 10.0.0.2 6 1 2 10001 1 1 {}"))
                    .as("a bad timestamp gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> c.sendEvent(9, "GenericEvent 0 1 a bridge1 {2026-11-27 23:47:56} 99 9 0 41"
                    + " 10.0.0.1 10.0.0.2 6 1 2 10001 1 1 {}"))
                    .as("an unknown sid gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> c.sendEvent(10, "GenericEvent {unbalanced"))
                    .as("a line that is not a list gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            c.ping();
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::cid).containsExactly(5L);
    }

    @Test
    void dropsAnEventSguildNeverAnswers() throws Exception {
        fake.ignoreEvents(true);
        AgentConfig cfg = pinned().replyTimeout(Duration.ofMillis(200)).maxSilentAttempts(2).build();
        try (AgentDelivery d = AgentDelivery.start(cfg, dir.resolve("outbox"), new Weirds())) {
            d.submit(event("never answered", TS, "10.0.0.1", "10.0.0.2", null));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(d.stats().failed()).isOne();
            assertThat(d.stats().lastError()).contains("never answered it in 2 attempts");
            fake.ignoreEvents(false);
            d.submit(event("answered", TS, "10.0.0.1", "10.0.0.2", null));
            assertThat(d.awaitDrained(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::message, FakeSguild.Stored::cid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("answered", 2L));
    }
}
