package net.sguil.bridge.testpcap;

import java.util.Base64;
import java.util.List;

/** SMTP sessions for tests that need a real mail with an attachment on the wire. */
public final class MailSessions {
    private MailSessions() {
    }

    /**
     * A mail from a@example.org to b@example.com, subject "Invoice", a text part and a 2 KiB PE
     * executable attached as {@code invoice.pdf.exe} (declared application/pdf).
     */
    public static List<Packet> invoiceExe(String client, int clientPort, String server, int serverPort,
                                          long startNanos) {
        byte[] exe = SampleFiles.pe(new byte[2048]);
        String message = "From: a@example.org\r\nTo: b@example.com\r\nSubject: Invoice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                + "--b\r\nContent-Type: application/pdf; name=\"invoice.pdf.exe\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(exe)
                + "\r\n--b--\r\n";
        return TcpSessionBuilder.ipv4(client, clientPort, server, serverPort).start(startNanos).handshake()
                .server("220 mx ESMTP\r\n").client("EHLO c\r\n").server("250 mx\r\n")
                .client("MAIL FROM:<a@example.org>\r\n").server("250 ok\r\n")
                .client("RCPT TO:<b@example.com>\r\n").server("250 ok\r\n")
                .client("DATA\r\n").server("354 go\r\n").client(message + ".\r\n").server("250 ok\r\n")
                .client("QUIT\r\n").server("221 bye\r\n").finish().build();
    }
}
