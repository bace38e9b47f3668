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
 * <li>what sguild's Tcl and its unescaped SQL make of odd fields ({@link SguildGenericEvent}): a
 *     {@code '} in any field but the message breaks the INSERT ({@code Failed {... SQL syntax ...
 *     near '...'}}, quoted as MariaDB quotes it, nothing stored), one in the detail too, after the
 *     event row was stored; a {@code '} in the hostname only names odd tables; an octet over 255,
 *     a timestamp without seconds and a non-numeric cid (stored as 0, confirmed as sent) pass;</li>
 * <li>no reply at all for a line that is not a Tcl list, an IP that is not four numbers, a timestamp
 *     {@code clock scan} cannot read, bad hex in the message (nothing stored), a status-0 event of a
 *     sid no RegisterAgent of this sguild named (stored, then no reply), anything before
 *     RegisterAgent and RegisterAgent of agent type {@code data};</li>
 * <li>lines ended by LF, CRLF or a lone CR; RegisterAgent with missing arguments takes them as
 *     empty; a connection that sends anything but {@code VersionInfo} first is served in plaintext;</li>
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
    private final Set<String> netNames = new HashSet<>();
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
        netNames.clear(); // a new sguild process knows no sensor's net name until it registers
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
            String first = new Lines(raw.getInputStream()).next();
            if (first == null) {
                return;
            }
            if (!isVersionInfo(first)) {
                // sguild does not insist on TLS: whatever comes instead of VersionInfo is served in plaintext
                raw.setSoTimeout(0);
                session(first, raw.getInputStream(), raw.getOutputStream());
                return;
            }
            if (!("VersionInfo {" + BANNER + "}").equals(first)) {
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
            session(null, tls.getInputStream(), tls.getOutputStream());
        } catch (IOException e) {
            // the peer went away or we were stopped: a real sguild just forgets the socket too
        }
    }

    private static boolean isVersionInfo(String line) {
        try {
            List<String> msg = TclList.parse(line);
            return !msg.isEmpty() && msg.get(0).equals("VersionInfo");
        } catch (TclListException e) {
            return false;
        }
    }

    /** sguild's SensorCmdRcvd: {@code first}, if not null, is a line already read. */
    private void session(String first, InputStream rawIn, OutputStream out) throws IOException {
        Lines in = new Lines(new BufferedInputStream(rawIn));
        boolean registered = false;
        int eventsHere = 0;
        String line = first;
        while (line != null || (line = in.next()) != null) {
            String current = line;
            line = null;
            if (silent) {
                continue;
            }
            List<String> msg;
            try {
                msg = TclList.parse(current);
            } catch (TclListException e) {
                continue;
            }
            if (msg.isEmpty()) {
                continue;
            }
            String cmd = msg.get(0);
            if (cmd.equals("RegisterAgent")) {
                // sguild takes [lindex $data 1..3]: missing ones are empty
                String type = arg(msg, 1);
                String sensor = arg(msg, 2);
                String net = arg(msg, 3);
                registered = true;
                if (!type.equals("data") && deadHandle() == null) {
                    long sid = register(sensor, type);
                    reply(out, List.of("AgentInfo", sensor, type, net, Long.toString(sid), Long.toString(maxCidOf(sid))));
                }
            } else if (!registered) {
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

    private static String arg(List<String> msg, int i) {
        return i < msg.size() ? msg.get(i) : "";
    }

    /**
     * What sguild's query gets from its dead database handle, null while the database is there: the
     * first query after the restart "Lost connection…", every later one "Server has gone away". The
     * failing query of a RegisterAgent (GetSensorID) is a Tcl error: no AgentInfo.
     */
    private synchronized String deadHandle() {
        if (!databaseGone) {
            return null;
        }
        String reason = lostConnectionSaid ? "Server has gone away" : "Lost connection to server during query";
        lostConnectionSaid = true;
        return "mysqlexec/db server: " + reason;
    }

    private synchronized boolean closeNow(int eventsHere) {
        if (closeAfterEvents > 0 && eventsHere >= closeAfterEvents) {
            closeAfterEvents = -1;
            return true;
        }
        return false;
    }

    /** sguild's GetSensorID, and the sid's net name remembered by this sguild process (sidNetNameMap). */
    private synchronized long register(String sensor, String type) {
        long sid = sids.computeIfAbsent(sensor + "/" + type, k -> (long) sids.size() + 1);
        netNames.add(Long.toString(sid));
        return sid;
    }

    private synchronized long maxCidOf(long sid) {
        return maxCid.getOrDefault(sid, 0L);
    }

    /** The reply to a GenericEvent, or null where sguild stays silent. */
    private synchronized List<String> event(List<String> f) {
        if (f.size() != 18) {
            return List.of("Failed", "ERROR: Invalid length (" + f.size() + "): " + TclList.encode(f));
        }
        SguildGenericEvent e;
        try {
            e = new SguildGenericEvent(f);
        } catch (SguildGenericEvent.TclError tclError) {
            return null;
        }
        String dead = deadHandle();
        if (dead != null) {
            transientFailures++;
            return List.of("Failed", dead);
        }
        String broken = e.eventInsertError();
        if (broken != null) {
            return List.of("Failed", broken);
        }
        if (!keys.add(e.sid + "/" + e.day + "/" + e.cid)) {
            return List.of("Failed", "mysqlexec/db server: Duplicate entry '" + e.sid + "-" + e.cid + "' for key 'PRIMARY'");
        }
        String hex = f.get(17).length() > 65535 ? f.get(17).substring(0, 65535) : f.get(17);
        String detailBroken = e.dataInsertError(hex);
        List<String> fields = new ArrayList<>(f);
        if (fields.get(2).length() > 20) {
            fields.set(2, fields.get(2).substring(0, 20));
        }
        stored.add(new Stored(e.sid, e.cid, e.day, List.copyOf(fields),
                e.message.length() > 255 ? e.message.substring(0, 255) : e.message,
                detailBroken != null ? null : decodeDetail(hex), System.nanoTime()));
        maxCid.merge(e.sid, e.cid, Math::max);
        if (detailBroken != null) {
            return List.of("Failed", detailBroken);
        }
        if (e.realTime() && !netNames.contains(f.get(5))) {
            return null; // stored, then a Tcl error: can't read "sidNetNameMap(sid)"
        }
        return List.of("ConfirmEvent", f.get(6));
    }

    private static String decodeDetail(String hex) {
        try {
            return new String(HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex.substring(0, hex.length() - 1)),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notHex) {
            return hex;
        }
    }

    private static void reply(OutputStream out, List<String> msg) throws IOException {
        out.write((TclList.encode(msg) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Lines as sguild's channels read them ({@code -translation auto}): ended by LF, CRLF or a lone CR.
     * A CR ends its line at once; an LF right after it is then skipped, so nothing waits for a byte
     * that may never come.
     */
    private static final class Lines {
        private final InputStream in;
        private boolean sawCr;

        Lines(InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                boolean skip = sawCr && c == '\n';
                sawCr = c == '\r';
                if (skip) {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    return b.toString(StandardCharsets.ISO_8859_1);
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
