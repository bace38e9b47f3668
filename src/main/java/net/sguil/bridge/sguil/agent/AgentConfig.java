package net.sguil.bridge.sguil.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the sguild agent needs, and every limit it keeps, in one immutable object. Defaults
 * follow SGUIL.md section 3 (port 7736, PING every minute with a 10 s deadline, 10 s per event).
 */
public final class AgentConfig {
    public static final String AGENT_TYPE = "sguil-bridge";
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
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int maxSilentAttempts;
    private final int maxLineChars;
    private final int maxPendingEvents;
    private final long compactAfterBytes;
    private final int rememberedConclusions;

    private AgentConfig(Builder b) {
        this.host = Objects.requireNonNull(b.host, "sguild host");
        this.port = b.port;
        this.sensorName = name("sensor name", b.sensorName);
        this.netName = name("net name", b.netName);
        this.trust = Objects.requireNonNull(b.trust, "sguild trust (certificate, fingerprint or explicit trust-all)");
        this.connectTimeout = positive("connect timeout", b.connectTimeout);
        this.handshakeTimeout = positive("handshake timeout", b.handshakeTimeout);
        this.replyTimeout = positive("reply timeout", b.replyTimeout);
        this.pingInterval = positive("ping interval", b.pingInterval);
        this.pongTimeout = positive("pong timeout", b.pongTimeout);
        this.backoffInitial = positive("initial backoff", b.backoffInitial);
        this.backoffMax = positive("maximum backoff", b.backoffMax);
        this.maxSilentAttempts = atLeastOne("max silent attempts", b.maxSilentAttempts);
        this.maxLineChars = atLeastOne("max line length", b.maxLineChars);
        this.maxPendingEvents = atLeastOne("max pending events", b.maxPendingEvents);
        this.compactAfterBytes = b.compactAfterBytes;
        this.rememberedConclusions = atLeastOne("remembered conclusions", b.rememberedConclusions);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("sguild port must be 1-65535, got " + port);
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("maximum backoff is shorter than the initial backoff");
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
    /** Idle time after which the agent PINGs (sguild never does). */
    public Duration pingInterval() { return pingInterval; }
    public Duration pongTimeout() { return pongTimeout; }
    public Duration backoffInitial() { return backoffInitial; }
    public Duration backoffMax() { return backoffMax; }
    /** Unanswered sends of one event, each on a fresh connection, before it counts as silently refused. */
    public int maxSilentAttempts() { return maxSilentAttempts; }
    /** Longest line accepted from sguild; a longer one means the peer is not sguild. */
    public int maxLineChars() { return maxLineChars; }
    /** Outbox capacity; submit refuses beyond it instead of growing without bound. */
    public int maxPendingEvents() { return maxPendingEvents; }
    /** The journal is rewritten once it is this large and mostly made of finished entries. */
    public long compactAfterBytes() { return compactAfterBytes; }
    /** How many (rule, evidence key) pairs the outbox remembers to refuse a conclusion submitted twice. */
    public int rememberedConclusions() { return rememberedConclusions; }
    public OutboxLimits outboxLimits() {
        return new OutboxLimits(maxPendingEvents, compactAfterBytes, rememberedConclusions);
    }

    public static final class Builder {
        private String host;
        private int port = DEFAULT_PORT;
        private String sensorName;
        private String netName;
        private SguildTrust trust;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration replyTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(60);
        private Duration pongTimeout = Duration.ofSeconds(10);
        private Duration backoffInitial = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(60);
        private int maxSilentAttempts = 3;
        private int maxLineChars = 64 * 1024;
        private int maxPendingEvents = OutboxLimits.defaults().maxPendingEvents();
        private long compactAfterBytes = OutboxLimits.defaults().compactAfterBytes();
        private int rememberedConclusions = OutboxLimits.defaults().rememberedConclusions();

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder sensorName(String v) { sensorName = v; return this; }
        public Builder netName(String v) { netName = v; return this; }
        public Builder trust(SguildTrust v) { trust = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
        public Builder replyTimeout(Duration v) { replyTimeout = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder pongTimeout(Duration v) { pongTimeout = v; return this; }
        public Builder backoff(Duration initial, Duration max) { backoffInitial = initial; backoffMax = max; return this; }
        public Builder maxSilentAttempts(int v) { maxSilentAttempts = v; return this; }
        public Builder maxLineChars(int v) { maxLineChars = v; return this; }
        public Builder maxPendingEvents(int v) { maxPendingEvents = v; return this; }
        public Builder compactAfterBytes(long v) { compactAfterBytes = v; return this; }
        public Builder rememberedConclusions(int v) { rememberedConclusions = v; return this; }

        public AgentConfig build() {
            return new AgentConfig(this);
        }
    }
}
