package net.sguil.bridge.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a protocol from the first bytes each side sent, not from the port: SMTP servers greet
 * with "220 … SMTP"/"220 … ESMTP" and clients open with HELO/EHLO (or, picked up mid-session,
 * MAIL/RCPT); HTTP clients open with a request line.
 */
final class ProtocolDetector {
    /** Bytes of each direction looked at before giving up. */
    static final int WINDOW = 2048;

    private static final Pattern HTTP_REQUEST = Pattern.compile(
            "^(GET|POST|PUT|HEAD|DELETE|OPTIONS|TRACE|CONNECT|PATCH|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK)"
                    + " [^ \\r\\n]+ HTTP/1\\.[01]\\r?\\n");
    private static final Pattern HTTP_RESPONSE = Pattern.compile("^HTTP/1\\.[01] \\d{3}");

    enum Verdict { NEED_MORE, SMTP, HTTP, UNKNOWN }

    static Verdict detect(byte[] client, int clientLen, byte[] server, int serverLen, boolean ended) {
        String c = new String(client, 0, clientLen, StandardCharsets.ISO_8859_1);
        String s = new String(server, 0, serverLen, StandardCharsets.ISO_8859_1);
        String cLine = firstLine(c);
        String sLine = firstLine(s);
        if (cLine != null) {
            String u = cLine.toUpperCase(Locale.ROOT);
            if (u.startsWith("EHLO ") || u.startsWith("HELO ") || u.equals("EHLO") || u.equals("HELO")
                    || u.startsWith("MAIL FROM:") || u.startsWith("RCPT TO:")) {
                return Verdict.SMTP;
            }
            if (HTTP_REQUEST.matcher(c).find()) {
                return Verdict.HTTP;
            }
        }
        if (sLine != null) {
            String u = sLine.toUpperCase(Locale.ROOT);
            if (u.startsWith("220") && u.contains("SMTP")) {
                return Verdict.SMTP;
            }
            if (HTTP_RESPONSE.matcher(s).find()) {
                return Verdict.HTTP;
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

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        return s.substring(0, nl > 0 && s.charAt(nl - 1) == '\r' ? nl - 1 : nl);
    }
}
