package net.sguil.bridge.sguil.agent;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to sguild's sensor port, following SGUIL.md section 3 to the letter: banner read
 * byte by byte (no buffering before TLS), {@code VersionInfo}, TLS started at once on the same
 * socket, {@code RegisterAgent}, then stop-and-wait requests. Not thread-safe except {@link #close()},
 * which any thread may call to break a blocked read or write.
 */
public final class SguildClient implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SguildClient.class);
    private static final int MAX_BANNER = 256;
    private static final String[] TLS_VERSIONS = {"TLSv1.3", "TLSv1.2"};
    /** Breaks writes that block on a peer that stopped reading; socket writes have no timeout of their own. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sguild-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AgentConfig config;
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String banner;

    private SguildClient(AgentConfig config, SSLSocket socket, String banner) throws IOException {
        this.config = config;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.banner = banner;
    }

    /** Connects, checks the banner, sends {@code VersionInfo} and completes the TLS handshake. */
    public static SguildClient connect(AgentConfig config) throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(config.host(), config.port()), millis(config.connectTimeout()));
            raw.setTcpNoDelay(true);
            raw.setSoTimeout(millis(config.replyTimeout()));
            String banner = readBanner(raw.getInputStream());
            if (!banner.startsWith("SGUIL-")) {
                throw new SguildException("sguild at " + where(config) + " did not greet as sguild: '"
                        + printable(banner) + "'");
            }
            raw.getOutputStream().write(wire(TclList.encode(List.of("VersionInfo", banner))));
            raw.getOutputStream().flush();
            SSLSocket tls = startTls(config, raw);
            LOG.info("connected to sguild {} ({}, {} {})", where(config), banner,
                    tls.getSession().getProtocol(), tls.getSession().getCipherSuite());
            return new SguildClient(config, tls, banner);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static SSLSocket startTls(AgentConfig config, Socket raw) throws IOException {
        if (config.trust().isInsecure()) {
            LOG.warn("TLS to sguild {} trusts ANY certificate: anyone in the path can read and forge events."
                    + " Configure sguild's certificate or its SHA-256 fingerprint instead.", where(config));
        }
        SSLSocket tls = (SSLSocket) config.trust().sslContext().getSocketFactory()
                .createSocket(raw, config.host(), config.port(), true);
        tls.setEnabledProtocols(Arrays.stream(TLS_VERSIONS)
                .filter(v -> Arrays.asList(tls.getSupportedProtocols()).contains(v)).toArray(String[]::new));
        tls.setUseClientMode(true);
        tls.setSoTimeout(millis(config.handshakeTimeout()));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new SguildException("TLS handshake with sguild " + where(config) + " timed out after "
                    + config.handshakeTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new SguildException("TLS handshake with sguild " + where(config) + " failed (trusting "
                    + config.trust() + "): " + e.getMessage(), e);
        }
        return tls;
    }

    /** Byte by byte on purpose: a buffer here could swallow the first bytes of TLS. */
    private static String readBanner(InputStream raw) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = raw.read();
            if (b < 0) {
                throw new SguildException("sguild closed the connection before its banner"
                        + (sb.length() > 0 ? " (got '" + printable(sb.toString()) + "')" : ""));
            }
            if (b == '\n') {
                return stripCr(sb.toString());
            }
            if (sb.length() >= MAX_BANNER) {
                throw new SguildException("sguild banner longer than " + MAX_BANNER + " bytes");
            }
            sb.append((char) b);
        }
    }

    public String banner() {
        return banner;
    }

    /** {@code RegisterAgent}, then waits for {@code AgentInfo}. */
    public AgentInfo register() throws IOException {
        send(List.of("RegisterAgent", AgentConfig.AGENT_TYPE, config.sensorName(), config.netName()));
        long deadline = deadline(config.replyTimeout());
        while (true) {
            List<String> reply = readReply(deadline, "AgentInfo");
            if (reply.get(0).equals("AgentInfo")) {
                if (reply.size() != 6) {
                    throw new SguildException("malformed AgentInfo from sguild: " + reply);
                }
                AgentInfo info = new AgentInfo(reply.get(1), reply.get(2), reply.get(3),
                        unsignedInt(reply.get(4), "sid"), unsignedInt(reply.get(5), "maxCid"));
                if (!info.sensorName().equals(config.sensorName()) || !info.agentType().equals(AgentConfig.AGENT_TYPE)) {
                    throw new SguildException("sguild registered us as " + info + ", not as "
                            + config.sensorName() + "/" + AgentConfig.AGENT_TYPE);
                }
                return info;
            }
            LOG.debug("ignoring {} while waiting for AgentInfo", reply.get(0));
        }
    }

    /** Sends one encoded GenericEvent line and waits for its reply: stop-and-wait. */
    public EventReply sendEvent(long cid, String encodedLine) throws IOException {
        sendRaw(encodedLine);
        long deadline = deadline(config.replyTimeout());
        while (true) {
            List<String> reply = readReply(deadline, "reply to event " + cid);
            switch (reply.get(0)) {
                case "ConfirmEvent" -> {
                    if (reply.size() == 2 && reply.get(1).equals(Long.toString(cid))) {
                        return EventReply.CONFIRMED;
                    }
                    throw new SguildException("sguild confirmed " + reply + " while event " + cid + " was waiting");
                }
                case "Failed" -> {
                    return EventReply.failed(String.join(" ", reply.subList(1, reply.size())));
                }
                default -> LOG.debug("ignoring {} while waiting for the reply to event {}", reply.get(0), cid);
            }
        }
    }

    /** PING with its own deadline; sguild never pings an agent, so this is how a dead peer is noticed. */
    public void ping() throws IOException {
        send(List.of("PING"));
        long deadline = deadline(config.pongTimeout());
        while (!readReply(deadline, "PONG").get(0).equals("PONG")) {
            LOG.debug("ignoring a line while waiting for PONG");
        }
    }

    /**
     * True when sguild has closed the connection, found without waiting: a killed sguild is noticed
     * within a poll of this, long before the next PING. sguild never sends a line unasked; if one is
     * there anyway it is left for the next read.
     */
    public boolean peerGone() throws IOException {
        socket.setSoTimeout(1);
        in.mark(1);
        try {
            if (in.read() < 0) {
                return true;
            }
            in.reset();
            return false;
        } catch (SocketTimeoutException quiet) {
            return false;
        }
    }

    private void send(List<String> message) throws IOException {
        sendRaw(TclList.encode(message));
    }

    private void sendRaw(String encoded) throws IOException {
        byte[] bytes = wire(encoded);
        ScheduledFuture<?> guard = WATCHDOG.schedule(this::closeQuietly, config.replyTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            out.write(bytes);
            out.flush();
        } finally {
            guard.cancel(false);
        }
    }

    /** Next valid Tcl list from sguild; lines that are not lists are skipped, as sguild itself does. */
    private List<String> readReply(long deadline, String waitingFor) throws IOException {
        while (true) {
            String text = readLine(deadline, waitingFor);
            try {
                List<String> list = TclList.parse(text);
                if (!list.isEmpty()) {
                    return list;
                }
            } catch (TclListException e) {
                LOG.debug("ignoring a line from sguild that is not a Tcl list ({}): {}", e.getMessage(), printable(text));
            }
        }
    }

    private String readLine(long deadline, String waitingFor) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no " + waitingFor + " from sguild " + where(config) + " in time");
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no " + waitingFor + " from sguild " + where(config) + " in time");
            }
            if (b < 0) {
                throw new SguildException("sguild " + where(config) + " closed the connection while we waited for "
                        + waitingFor);
            }
            if (b == '\n') {
                return stripCr(sb.toString());
            }
            if (sb.length() >= config.maxLineChars()) {
                throw new SguildException("line from sguild longer than " + config.maxLineChars() + " characters");
            }
            sb.append((char) b);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the sguild connection: {}", e.getMessage());
        }
    }

    private static long deadline(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    /** sid and cid are INT UNSIGNED columns; anything else means we are not talking to sguild. */
    private static long unsignedInt(String s, String what) throws SguildException {
        if (!s.matches("[0-9]{1,10}") || Long.parseLong(s) > 0xFFFF_FFFFL) {
            throw new SguildException("sguild sent a " + what + " that is not an INT UNSIGNED: '" + printable(s) + "'");
        }
        return Long.parseLong(s);
    }

    private static byte[] wire(String encodedLine) {
        return (encodedLine + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static String where(AgentConfig config) {
        return config.host() + ":" + config.port();
    }

    /** For log messages: what the peer sent, without control characters, at most 80 characters. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }
}
