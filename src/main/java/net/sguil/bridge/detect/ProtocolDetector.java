package net.sguil.bridge.detect;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a protocol from the first bytes each side sent, not from the port: SMTP servers greet
 * with "220 … SMTP"/"220 … ESMTP" and clients open with HELO/EHLO (or, picked up mid-session,
 * MAIL/RCPT); an HTTP client's first bytes are a method and a space (what Snort's
 * {@code content:"PUT "; depth:4} looks at: nothing after it needs to be well formed, or even to fit
 * the window), an HTTP server's {@code HTTP/1.}; SOCKS 4/4a and 5 by a client request and the
 * proxy's answer in the form of the protocol.
 */
final class ProtocolDetector {
    /** Bytes of each direction looked at before giving up. */
    static final int WINDOW = 2048;

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS",
            "TRACE", "CONNECT", "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK");
    /** Longest method above and its space. */
    private static final int LONGEST_METHOD = "PROPPATCH ".length();

    enum Verdict { NEED_MORE, SMTP, HTTP, HTTP_CONNECT, SOCKS4, SOCKS5, UNKNOWN }

    private ProtocolDetector() {
    }

    static Verdict detect(byte[] client, int clientLen, byte[] server, int serverLen, boolean ended) {
        Verdict socks = socks(client, clientLen, server, serverLen);
        if (socks != null) {
            return socks;
        }
        String c = new String(client, 0, Math.min(clientLen, WINDOW), StandardCharsets.ISO_8859_1);
        String s = new String(server, 0, Math.min(serverLen, WINDOW), StandardCharsets.ISO_8859_1);
        if (c.startsWith("CONNECT ")) {
            return Verdict.HTTP_CONNECT;
        }
        if (httpMethod(c) || statusLine(s)) {
            return Verdict.HTTP;
        }
        String cLine = firstLine(c);
        String sLine = firstLine(s);
        if (cLine != null) {
            String u = cLine.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO ") || u.startsWith("HELO ") || u.equals("EHLO") || u.equals("HELO")
                    || u.startsWith("MAIL FROM:") || u.startsWith("RCPT TO:")) {
                return Verdict.SMTP;
            }
        }
        if (sLine != null) {
            String u = sLine.toUpperCase(Locale.ROOT);
            if (u.startsWith("220") && u.contains("SMTP")) {
                return Verdict.SMTP;
            }
        }
        boolean clientDecided = cLine != null || clientLen >= WINDOW;
        boolean serverDecided = sLine != null || serverLen >= WINDOW;
        if (ended || (clientDecided && serverDecided)) {
            return Verdict.UNKNOWN;
        }
        // An SMTP server speaks first: wait for its greeting while the client is silent.
        return Verdict.NEED_MORE;
    }

    /** The stream starts with the method token of an HTTP method and a space. */
    private static boolean httpMethod(String c) {
        int space = c.indexOf(' ');
        return space > 0 && space < LONGEST_METHOD && HTTP_METHODS.contains(c.substring(0, space));
    }

    /** The server's first bytes are an HTTP status line's: {@code HTTP/}, a version, a space, three digits. */
    private static boolean statusLine(String s) {
        if (!s.startsWith("HTTP/")) {
            return false;
        }
        int space = s.indexOf(' ');
        return space > 5 && space < 12 && s.length() >= space + 4 && Character.isDigit(s.charAt(space + 1))
                && Character.isDigit(s.charAt(space + 2)) && Character.isDigit(s.charAt(space + 3));
    }

    /**
     * SOCKS 4 or 5 when the client's first bytes are a request of that version and the proxy
     * answered in kind; null when it is not SOCKS or cannot be told yet.
     */
    private static Verdict socks(byte[] c, int cLen, byte[] s, int sLen) {
        if (cLen < 3 || sLen < 2) {
            return null;
        }
        if (c[0] == 4 && (c[1] == 1 || c[1] == 2) && s[0] == 0 && (s[1] & 0xff) >= 0x5a && (s[1] & 0xff) <= 0x5d
                && cLen >= 9) {
            return Verdict.SOCKS4;
        }
        int methods = c[1] & 0xff;
        if (c[0] == 5 && methods >= 1 && cLen >= 2 + methods && s[0] == 5
                && (s[1] == 0 || s[1] == 1 || s[1] == 2 || s[1] == (byte) 0xff)) {
            return Verdict.SOCKS5;
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        return s.substring(0, nl > 0 && s.charAt(nl - 1) == '\r' ? nl - 1 : nl);
    }
}
