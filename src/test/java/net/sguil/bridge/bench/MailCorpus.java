package net.sguil.bridge.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** Deterministic e-mail messages with one base64 attachment of a chosen size, for benchmarks. */
public final class MailCorpus {
    private MailCorpus() {
    }

    /** A multipart/mixed message: a short text part and an attachment of {@code size} pseudo-random bytes. */
    public static byte[] message(Random r, int n, int size) {
        byte[] payload = new byte[size];
        r.nextBytes(payload);
        if (size >= 2) {
            payload[0] = 'M';
            payload[1] = 'Z';
        }
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(payload);
        String m = "From: sender" + n + "@example.org\r\n"
                + "To: rcpt" + n + "@example.com\r\n"
                + "Subject: bench message " + n + "\r\n"
                + "Message-ID: <bench-" + n + "@example.org>\r\n"
                + "Date: Thu, 22 Jun 2006 16:07:19 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b-" + n + "\"\r\n\r\n"
                + "--b-" + n + "\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
                + "--b-" + n + "\r\nContent-Type: application/octet-stream; name=\"file" + n + ".bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"file" + n + ".bin\"\r\n\r\n"
                + b64 + "\r\n--b-" + n + "--\r\n";
        return m.getBytes(StandardCharsets.US_ASCII);
    }

    /** The client's whole SMTP dialogue for one message (no line of the base64 body starts with a dot). */
    public static String[] dialogue(int n, byte[] message) {
        return new String[] {
            "EHLO client" + n + ".example.org\r\n",
            "MAIL FROM:<sender" + n + "@example.org>\r\n",
            "RCPT TO:<rcpt" + n + "@example.com>\r\n",
            "DATA\r\n",
            new String(message, StandardCharsets.US_ASCII) + ".\r\n",
            "QUIT\r\n"};
    }
}
