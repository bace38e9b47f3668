package net.sguil.bridge.sguil.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import net.sguil.bridge.sguil.Sensors;

/**
 * How to reach sguild's sensor port and every limit of one connection, in one immutable object.
 * Defaults follow SGUIL.md section 3 (port 7736, 10 s per reply). How often to PING, how to back
 * off and what to give up on are the delivery's policy, not the connection's.
 */
public final class AgentConfig {
    public static final String AGENT_TYPE = Sensors.BRIDGE_AGENT_TYPE;
    public static final int DEFAULT_PORT = 7736;
    /** sguild puts names into SQL unescaped. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final String host;
    private final int port;
    private final String sensorName;
    private final String netName;
    private final SguildTrust trust;
    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final Duration replyTimeout;
    private final Duration pongTimeout;
    private final int maxLineChars;

    private AgentConfig(Builder b) {
        this.host = Objects.requireNonNull(b.host, "sguild host");
        this.port = b.port;
        this.sensorName = name("sensor name", b.sensorName);
        this.netName = name("net name", b.netName);
        this.trust = Objects.requireNonNull(b.trust, "sguild trust (certificate, fingerprint or explicit trust-all)");
        this.connectTimeout = positive("connect timeout", b.connectTimeout);
        this.handshakeTimeout = positive("handshake timeout", b.handshakeTimeout);
        this.replyTimeout = positive("reply timeout", b.replyTimeout);
        this.pongTimeout = positive("pong timeout", b.pongTimeout);
        this.maxLineChars = atLeastOne("max line length", b.maxLineChars);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("sguild port must be 1-65535, got " + port);
        }
    }

    private static String name(String what, String v) {
        if (v == null || !NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of [A-Za-z0-9_.-], got '" + v + "'");
        }
        return v;
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    private static int atLeastOne(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + v);
        }
        return v;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() { return host; }
    public int port() { return port; }
    public String sensorName() { return sensorName; }
    public String netName() { return netName; }
    public SguildTrust trust() { return trust; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration handshakeTimeout() { return handshakeTimeout; }
    /** Deadline for the answer to a GenericEvent and for AgentInfo. */
    public Duration replyTimeout() { return replyTimeout; }
    /** Deadline for PONG: short, since a PING is how a dead or stuck sguild is noticed. */
    public Duration pongTimeout() { return pongTimeout; }
    /** Longest line accepted from sguild; a longer one means the peer is not sguild. */
    public int maxLineChars() { return maxLineChars; }

    public static final class Builder {
        private String host;
        private int port = DEFAULT_PORT;
        private String sensorName;
        private String netName;
        private SguildTrust trust;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration replyTimeout = Duration.ofSeconds(10);
        private Duration pongTimeout = Duration.ofSeconds(5);
        private int maxLineChars = 64 * 1024;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder sensorName(String v) { sensorName = v; return this; }
        public Builder netName(String v) { netName = v; return this; }
        public Builder trust(SguildTrust v) { trust = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
        public Builder replyTimeout(Duration v) { replyTimeout = v; return this; }
        public Builder pongTimeout(Duration v) { pongTimeout = v; return this; }
        public Builder maxLineChars(int v) { maxLineChars = v; return this; }

        public AgentConfig build() {
            return new AgentConfig(this);
        }
    }
}
