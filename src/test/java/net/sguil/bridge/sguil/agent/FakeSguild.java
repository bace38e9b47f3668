package net.sguil.bridge.sguil.agent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLSocket;

/**
 * A sguild sensor port that answers as the genuine sguild 1.0.0 does (../shared/sguild/harness/PROTOCOL.md
 * and its transcripts), with a store that outlives its listener, so maxCid survives a "restart":
 * <ul>
 * <li>{@code ConfirmEvent cid}; {@code Failed {ERROR: Invalid length (N): fields}} for a wrong field
 *     count; {@code Failed {mysqlexec/db server: Duplicate entry 'sid-cid' for key 'PRIMARY'}} for a
 *     cid stored on the same day (another day stores a second row);</li>
 * <li>a {@code '} in the class or hostname breaks sguild's SQL ({@code Failed {... SQL syntax ...}},
 *     nothing stored); one in the detail too, after the event row was stored;</li>
 * <li>no reply at all for a line that is not a Tcl list, a bad IP, a bad timestamp, bad hex in the
 *     message (nothing stored), an unknown sid (stored, then no reply), anything before
 *     RegisterAgent and RegisterAgent of agent type {@code data};</li>
 * <li>class cut at 20 characters, message at 255, the detail (kept as sent) at 65535.</li>
 * </ul>
 * Switches to misbehave: close after N events, go silent, block in the TLS handshake, ignore events,
 * hold a delivery at a chosen event so a test can act while the peer is provably in the middle of
 * delivering, and {@link #databaseGone()}: sguild's MariaDB restarted under it, so every event gets {@code Failed
 * {mysqlexec/db server: Lost connection to server during query}}, then {@code Server has gone
 * away}, and RegisterAgent gets no answer, until sguild itself is restarted ({@link #stop()} and
 * {@link #start()}).
 */
public final class FakeSguild implements Closeable {
    static final String BANNER = "SGUIL-1.0.0 OPENSSL ENABLED";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final String SYNTAX_ERROR = "mysqlexec/db server: You have an error in your SQL syntax; check the"
            + " manual that corresponds to your MariaDB server version for the right syntax to use near '";

    /**
     * One row of the event table, with the message decoded from hex and the detail as sguild keeps
     * it (decoded when it is hex, else as sent; null when its insert failed), and when it was stored.
     */
    public record Stored(long sid, long cid, LocalDate day, List<String> fields, String message, String detail,
                         long storedAtNanos) {
    }

    /** Where {@link #holdAt} stops a delivery. */
    public enum Hold {
        /** The event arrived and is not stored: the sender must send it again. */
        BEFORE_STORING,
        /** The event is stored and its ConfirmEvent withheld: the sender must learn it from maxCid, not resend it. */
        AFTER_STORING
    }

    private final TestCertificate cert;
    private final Map<String, Long> sids = new HashMap<>();
    private final Map<Long, Long> maxCid = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final List<Stored> stored = new ArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private ServerSocket listener;
    private int port;
    private volatile boolean silent;
    private volatile boolean blockHandshake;
    private volatile boolean ignoreEvents;
    private volatile boolean clientHelloRightAfterVersionInfo;
    private boolean databaseGone;
    private boolean lostConnectionSaid;
    private int closeAfterEvents = -1;
    private int connections;
    private final Object holdLock = new Object();
    private int holdAtStored = -1;
    private Hold holdMode;
    private boolean holding;
    private int transientFailures;

    public FakeSguild(TestCertificate cert) {
        this.cert = cert;
    }

    /** Listens on a free loopback port the first time, on the same port after {@link #stop()}; a fresh sguild. */
    public synchronized FakeSguild start() throws IOException {
        ServerSocket s = bind();
        listener = s;
        port = s.getLocalPort();
        databaseGone = false;
        lostConnectionSaid = false;
        Thread t = new Thread(() -> acceptLoop(s), "fake-sguild-accept");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** The listener; a restart on the same port waits for the old connections' ports to be released. */
    private ServerSocket bind() throws IOException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return s;
            } catch (java.net.BindException e) {
                s.close();
                if (port == 0 || System.nanoTime() > end) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Closes the listener and every connection, like a sguild that went away; the store stays. */
    public synchronized void stop() throws IOException {
        release();
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    public int port() {
        return port;
    }

    /** Reads every line and answers none. */
    public void silent(boolean on) {
        silent = on;
    }

    /** Answers RegisterAgent and PING but drops every GenericEvent unanswered, as sguild does with a bad IP. */
    public void ignoreEvents(boolean on) {
        ignoreEvents = on;
    }

    public void blockHandshake(boolean on) {
        blockHandshake = on;
    }

    /** sguild's MariaDB restarted and sguild kept its dead handle: see the class comment. */
    public synchronized void databaseGone() {
        databaseGone = true;
    }

    /** The next connection that stores its n-th event closes without replying to it. */
    public synchronized void closeAfterEvents(int n) {
        closeAfterEvents = n;
    }

    /**
     * Stops the delivery at the point where the store holds exactly {@code stored} events: before
     * storing the next one, or right after storing the {@code stored}-th ({@link Hold}). The connection
     * then reads and answers nothing more until {@link #release()}.
     */
    public void holdAt(int stored, Hold mode) {
        synchronized (holdLock) {
            holdAtStored = stored;
            holdMode = mode;
            holding = false;
        }
    }

    /** A delivery is being held. */
    public boolean holding() {
        synchronized (holdLock) {
            return holding;
        }
    }

    /** Lets a held connection go: it closes without a reply. */
    public void release() {
        synchronized (holdLock) {
            holdAtStored = -1;
            holding = false;
            holdLock.notifyAll();
        }
    }

    /** Blocks this connection if a hold is due at this point; true when it was held (and must now close). */
    private boolean held(Hold at) throws IOException {
        synchronized (holdLock) {
            if (holdMode != at || holdAtStored < 0 || storedCount() != holdAtStored) {
                return false;
            }
            holding = true;
            while (holdAtStored >= 0) {
                try {
                    holdLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while held", e);
                }
            }
            return true;
        }
    }

    private synchronized int storedCount() {
        return stored.size();
    }

    boolean sawClientHelloRightAfterVersionInfo() {
        return clientHelloRightAfterVersionInfo;
    }

    public synchronized List<Stored> stored() {
        return new ArrayList<>(stored);
    }

    public synchronized int connections() {
        return connections;
    }

    /** Events answered with a database failure while the database was gone. */
    public synchronized int transientFailures() {
        return transientFailures;
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                open.add(c);
                synchronized (this) {
                    connections++;
                }
                Thread t = new Thread(() -> serve(c), "fake-sguild-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void serve(Socket raw) {
        try (raw) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write((BANNER + "\r\n").getBytes(StandardCharsets.US_ASCII));
            // the raw stream is unbuffered: reading the line byte by byte leaves the ClientHello in place
            if (!("VersionInfo {" + BANNER + "}").equals(readLine(raw.getInputStream()))) {
                return;
            }
            if (blockHandshake) {
                clientHelloRightAfterVersionInfo = raw.getInputStream().read() == 0x16;
                while (raw.getInputStream().read() >= 0) {
                    // never answer the ClientHello: a peer stalled mid-handshake
                }
                return;
            }
            SSLSocket tls = (SSLSocket) cert.serverContext.getSocketFactory().createSocket(raw, null, raw.getPort(), true);
            tls.setUseClientMode(false);
            tls.setWantClientAuth(true);
            tls.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            tls.startHandshake();
            tls.setSoTimeout(0);
            session(tls.getInputStream(), tls.getOutputStream());
        } catch (IOException e) {
            // the peer went away or we were stopped: a real sguild just forgets the socket too
        }
    }

    private void session(InputStream rawIn, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(rawIn);
        Long sid = null;
        int eventsHere = 0;
        String line;
        while ((line = readLine(in)) != null) {
            if (silent) {
                continue;
            }
            List<String> msg;
            try {
                msg = TclList.parse(line);
            } catch (TclListException e) {
                continue;
            }
            if (msg.isEmpty()) {
                continue;
            }
            String cmd = msg.get(0);
            if (cmd.equals("RegisterAgent") && msg.size() == 4) {
                sid = register(msg.get(2), msg.get(1));
                if (!msg.get(1).equals("data") && !isDatabaseGone()) {
                    reply(out, List.of("AgentInfo", msg.get(2), msg.get(1), msg.get(3), Long.toString(sid),
                            Long.toString(maxCidOf(sid))));
                }
            } else if (sid == null) {
                continue; // nothing but RegisterAgent counts before registering
            } else if (cmd.equals("PING")) {
                reply(out, List.of("PONG"));
            } else if (cmd.equals("GenericEvent") && !ignoreEvents) {
                if (held(Hold.BEFORE_STORING)) {
                    return;
                }
                List<String> reply = event(msg.subList(1, msg.size()));
                boolean confirmed = reply != null && reply.get(0).equals("ConfirmEvent");
                if (confirmed && (held(Hold.AFTER_STORING) || closeNow(++eventsHere))) {
                    return;
                }
                if (reply != null) {
                    reply(out, reply);
                }
            }
        }
    }

    private synchronized boolean isDatabaseGone() {
        return databaseGone;
    }

    private synchronized boolean closeNow(int eventsHere) {
        if (closeAfterEvents > 0 && eventsHere >= closeAfterEvents) {
            closeAfterEvents = -1;
            return true;
        }
        return false;
    }

    private synchronized long register(String sensor, String type) {
        return sids.computeIfAbsent(sensor + "/" + type, k -> (long) sids.size() + 1);
    }

    private synchronized long maxCidOf(long sid) {
        return maxCid.getOrDefault(sid, 0L);
    }

    /** The reply to a GenericEvent, or null where sguild stays silent. */
    private synchronized List<String> event(List<String> f) {
        if (f.size() != 18) {
            return List.of("Failed", "ERROR: Invalid length (" + f.size() + "): " + TclList.encode(f));
        }
        if (!ipv4(f.get(9)) || !ipv4(f.get(10)) || !f.get(5).matches("[0-9]{1,10}") || !f.get(6).matches("[0-9]{1,10}")) {
            return null;
        }
        LocalDate day;
        String message;
        try {
            day = LocalDateTime.parse(f.get(4), TIMESTAMP).toLocalDate();
            message = new String(HexFormat.of().parseHex(f.get(8)), StandardCharsets.ISO_8859_1);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null; // a Tcl error in sguild: no reply
        }
        if (databaseGone) {
            transientFailures++;
            String reason = lostConnectionSaid ? "Server has gone away" : "Lost connection to server during query";
            lostConnectionSaid = true;
            return List.of("Failed", "mysqlexec/db server: " + reason);
        }
        for (String unescaped : List.of(f.get(2), f.get(3))) {
            if (unescaped.contains("'")) {
                return List.of("Failed", SYNTAX_ERROR + unescaped.substring(unescaped.indexOf('\'') + 1) + "' at line 1");
            }
        }
        long sid = Long.parseLong(f.get(5));
        long cid = Long.parseLong(f.get(6));
        if (!keys.add(sid + "/" + day + "/" + cid)) {
            return List.of("Failed", "mysqlexec/db server: Duplicate entry '" + sid + "-" + cid + "' for key 'PRIMARY'");
        }
        String hex = f.get(17).length() > 65535 ? f.get(17).substring(0, 65535) : f.get(17);
        boolean detailFails = hex.contains("'");
        List<String> fields = new ArrayList<>(f);
        if (fields.get(2).length() > 20) {
            fields.set(2, fields.get(2).substring(0, 20));
        }
        stored.add(new Stored(sid, cid, day, List.copyOf(fields), message.length() > 255 ? message.substring(0, 255)
                : message, detailFails ? null : decodeDetail(hex), System.nanoTime()));
        maxCid.merge(sid, cid, Math::max);
        if (detailFails) {
            return List.of("Failed", SYNTAX_ERROR + hex.substring(hex.indexOf('\'') + 1) + "')' at line 1");
        }
        if (!sids.containsValue(sid)) {
            return null; // stored, then a Tcl error: can't read "sidNetNameMap(sid)"
        }
        return List.of("ConfirmEvent", Long.toString(cid));
    }

    private static String decodeDetail(String hex) {
        try {
            return new String(HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex.substring(0, hex.length() - 1)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notHex) {
            return hex;
        }
    }

    private static boolean ipv4(String s) {
        String[] p = s.split("\\.", -1);
        if (p.length != 4) {
            return false;
        }
        for (String x : p) {
            if (!x.matches("[0-9]{1,3}") || Integer.parseInt(x) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void reply(OutputStream out, List<String> msg) throws IOException {
        out.write((TclList.encode(msg) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        if (c < 0 && b.size() == 0) {
            return null;
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
