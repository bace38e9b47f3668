package net.sguil.bridge.realsguild;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A sensor agent's connection to sguild's sensor port, as Sguil's own Tcl agents open it: banner,
 * {@code VersionInfo}, TLS on the same socket (trusting sguild's certificate), {@code RegisterAgent}.
 * Written independently of the bridge's own client, so the bridge is not tested against itself.
 * Lines are Tcl lists; the few this test equipment sends are quoted by {@link #word}.
 */
final class SensorConnection implements Closeable {
    static final String VERSION = "SGUIL-1.0.0 OPENSSL ENABLED";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    long sid;
    long maxCid;

    private SensorConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and registers as {@code agentType} for {@code sensor}; sguild answers with the sid and maxCid. */
    static SensorConnection register(SguildHarness sguild, String agentType, String sensor, String net)
            throws IOException {
        SensorConnection c = open(sguild.sensorPort(), sguild.certificate(), VERSION, true);
        try {
            List<String> info = c.request("RegisterAgent " + agentType + " " + sensor + " " + net);
            if (info.size() != 6 || !info.get(0).equals("AgentInfo")) {
                throw new IOException("expected AgentInfo, got " + info);
            }
            c.sid = Long.parseLong(info.get(4));
            c.maxCid = Long.parseLong(info.get(5));
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Reads the banner and, unless {@code version} is null, sends {@code VersionInfo {version}};
     * then, with {@code tls}, starts TLS at once (trusting {@code pem}), as the real agents do.
     */
    static SensorConnection open(int port, Path pem, String version, boolean tls) throws IOException {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        raw.setSoTimeout(30_000);
        try {
            String banner = readLine(raw.getInputStream());
            if (!VERSION.equals(banner)) {
                throw new IOException("sguild said " + banner);
            }
            if (version != null) {
                raw.getOutputStream().write(("VersionInfo {" + version + "}\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (!tls) {
                return new SensorConnection(raw);
            }
            SSLSocket s = (SSLSocket) context(pem).getSocketFactory().createSocket(raw, "127.0.0.1", port, true);
            s.startHandshake();
            return new SensorConnection(s);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static SSLContext context(Path pem) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            try (InputStream c = Files.newInputStream(pem)) {
                ks.setCertificateEntry("sguild", CertificateFactory.getInstance("X.509").generateCertificate(c));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Sends one line and reads sguild's one-line reply, as a list of words. */
    List<String> request(String line) throws IOException {
        send(line);
        String reply = readLine(in);
        if (reply == null) {
            throw new IOException("sguild closed the connection after: " + line);
        }
        return words(reply);
    }

    void send(String line) throws IOException {
        sendRaw(line + "\n");
    }

    /** Sends bytes as they are (the line end included), e.g. to try another line end. */
    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** How long a read waits before it fails with a SocketTimeoutException. */
    void timeout(java.time.Duration d) throws IOException {
        socket.setSoTimeout((int) d.toMillis());
    }

    /** The next line sguild sends, without its line end; null at the end of the stream. */
    String readLine() throws IOException {
        return readLine(in);
    }

    /** One Tcl list element: bare when safe, else braced (the values sent here never hold braces). */
    static String word(String s) {
        if (s.isEmpty()) {
            return "{}";
        }
        if (s.matches("[A-Za-z0-9_.:/@+,=%-]+")) {
            return s;
        }
        if (s.matches(".*[{}\\\\\r\n].*")) {
            throw new IllegalArgumentException("not sendable as a braced word: " + s);
        }
        return "{" + s + "}";
    }

    /** Splits a reply into its words: bare words and one level of braces are all sguild sends here. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '{') {
                int depth = 0;
                int j = i;
                for (; j < line.length(); j++) {
                    depth += line.charAt(j) == '{' ? 1 : line.charAt(j) == '}' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                out.add(line.substring(i + 1, Math.min(j, line.length())));
                i = j + 1;
            } else {
                int j = line.indexOf(' ', i);
                j = j < 0 ? line.length() : j;
                out.add(line.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
