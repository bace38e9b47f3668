package net.sguil.bridge.sguil.agent;

import static net.sguil.bridge.sguil.agent.AgentTestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import net.sguil.bridge.sguil.StorableEvent;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SguildClientTest extends FakeSguildTestBase {
    private static final Instant TS = Instant.parse("2026-11-27T23:47:56Z");

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
            String line = SguildEventEncoder.encode(new StorableEvent("dup", 2, "misc-activity", 10001, 1, 1, TS,
                    0x0a000001L, 40000, 0x0a000002L, 80, 6, 0, "64"), info, 5);
            assertThat(c.sendEvent(5, line).kind()).isEqualTo(EventReply.Kind.CONFIRMED);
            EventReply dup = c.sendEvent(5, line);
            assertThat(dup.kind()).isEqualTo(EventReply.Kind.DUPLICATE);
            assertThat(dup.delivered()).isTrue();
            EventReply shortLine = c.sendEvent(6, "GenericEvent 0 1 2");
            assertThat(shortLine.kind()).isEqualTo(EventReply.Kind.REFUSED);
            assertThat(shortLine.reason()).startsWith("ERROR: Invalid length (3)");
        }
        try (SguildClient c = SguildClient.connect(cfg)) {
            c.register();
            assertThatThrownBy(() -> c.sendEvent(7, "GenericEvent 0 1 a bridge1 {2026-11-27 23:47:56} 1 7 0 41"
                    + " 10.0.0.x 10.0.0.2 6 1 2 10001 1 1 {}"))
                    .as("a bad IP gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> c.sendEvent(8, "GenericEvent 0 1 a bridge1 not-a-time 1 8 0 41"
                    + " 10.0.0.1 10.0.0.2 6 1 2 10001 1 1 {}"))
                    .as("a bad timestamp gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> c.sendEvent(9, "GenericEvent 0 1 a bridge1 {2026-11-27 23:47:56} 99 9 0 41"
                    + " 10.0.0.1 10.0.0.2 6 1 2 10001 1 1 {}"))
                    .as("an unknown sid is stored, then gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> c.sendEvent(10, "GenericEvent {unbalanced"))
                    .as("a line that is not a list gets no reply at all").isInstanceOf(SocketTimeoutException.class);
            EventReply quote = c.sendEvent(11, "GenericEvent 0 1 {it's} bridge1 {2026-11-27 23:47:56} 1 11 0 41"
                    + " 10.0.0.1 10.0.0.2 6 1 2 10001 1 1 {}");
            assertThat(quote.kind()).as("a quote breaks sguild's SQL: a resend cannot cure it")
                    .isEqualTo(EventReply.Kind.REFUSED);
            assertThat(quote.reason()).contains("SQL syntax");
            c.ping();
        }
        assertThat(fake.stored()).extracting(FakeSguild.Stored::cid).containsExactly(5L, 9L);
    }

    @Test
    void aDeadDatabaseHandleFailsEveryEventTransientlyAndLeavesRegisterAgentUnanswered() throws Exception {
        AgentConfig cfg = pinned().replyTimeout(Duration.ofMillis(500)).build();
        StorableEvent ev = new StorableEvent("e", 2, "misc-activity", 10001, 1, 1, TS, 1, 2, 3, 4, 6, 0, "");
        try (SguildClient c = SguildClient.connect(cfg)) {
            AgentInfo info = c.register();
            fake.databaseGone();
            EventReply first = c.sendEvent(1, SguildEventEncoder.encode(ev, info, 1));
            assertThat(first).isEqualTo(new EventReply(EventReply.Kind.TRANSIENT,
                    "mysqlexec/db server: Lost connection to server during query"));
            EventReply again = c.sendEvent(1, SguildEventEncoder.encode(ev, info, 1));
            assertThat(again).isEqualTo(new EventReply(EventReply.Kind.TRANSIENT,
                    "mysqlexec/db server: Server has gone away"));
            c.ping();
        }
        try (SguildClient c = SguildClient.connect(cfg)) {
            assertThatThrownBy(c::register).isInstanceOf(SocketTimeoutException.class);
            c.ping();
        }
        fake.stop();
        fake.start();
        try (SguildClient c = SguildClient.connect(cfg)) {
            AgentInfo info = c.register();
            assertThat(c.sendEvent(1, SguildEventEncoder.encode(ev, info, 1))).isEqualTo(EventReply.CONFIRMED);
        }
        assertThat(fake.stored()).hasSize(1);
    }

    @Test
    void noticesAClosedConnectionWithoutWaitingAndStaysUsableMeanwhile() throws Exception {
        try (SguildClient c = SguildClient.connect(pinned().build())) {
            AgentInfo info = c.register();
            for (int i = 0; i < 50; i++) {
                assertThat(c.peerGone()).isFalse();
            }
            StorableEvent ev = new StorableEvent("e", 2, "misc-activity", 10001, 1, 1, TS, 1, 2, 3, 4, 6, 0, "");
            assertThat(c.sendEvent(1, SguildEventEncoder.encode(ev, info, 1))).isEqualTo(EventReply.CONFIRMED);
            c.ping();
            fake.stop();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean gone = false;
            while (!gone && System.nanoTime() < end) {
                try {
                    gone = c.peerGone();
                } catch (java.io.IOException reset) {
                    gone = true;
                }
            }
            assertThat(gone).isTrue();
        }
    }
}
