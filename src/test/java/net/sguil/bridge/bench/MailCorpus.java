package net.sguil.bridge.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic SMTP sessions for benchmarks, in the shape of ordinary mail: ESMTP dialogue, most
 * sessions one message, some two; each message multipart/mixed with a short 7bit text, sometimes a
 * quoted-printable HTML alternative, and one to three attachments of 10 KB to 5 MB: mostly base64
 * binaries, some quoted-printable or 7bit text files. Message bytes are generated as they are sent.
 */
final class MailCorpus {
    private static final String[] BINARY_EXTENSIONS = {"bin", "exe", "pdf", "zip"};
    private static final String[] TEXT_EXTENSIONS = {"txt", "log", "csv"};

    private MailCorpus() {
    }

    /** What one session will send, and about how many bytes that is. */
    record Session(List<TcpFlow.Turn> turns, long estimatedBytes, int messages, int attachments) {
    }

    /** Session {@code n}; its attachments are registered with {@code manifest}. */
    static Session session(SplittableRandom r, int n, Manifest manifest) {
        List<TcpFlow.Turn> turns = new ArrayList<>();
        server(turns, "220 mx.example.com ESMTP Postfix (Debian/GNU)\r\n");
        client(turns, "EHLO client" + n + ".example.org\r\n");
        server(turns, "250-mx.example.com\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        int messages = r.nextInt(10) == 0 ? 2 : 1;
        long estimate = 1000;
        int attachments = 0;
        for (int m = 1; m <= messages; m++) {
            client(turns, "MAIL FROM:<sender" + n + "@example.org> SIZE=1000\r\n");
            server(turns, "250 2.1.0 Ok\r\n");
            client(turns, "RCPT TO:<rcpt" + n + "@example.com>\r\n");
            server(turns, "250 2.1.5 Ok\r\n");
            client(turns, "DATA\r\n");
            server(turns, "354 End data with <CR><LF>.<CR><LF>\r\n");
            Message msg = message(r, n, m, manifest);
            estimate += msg.estimatedBytes();
            attachments += msg.attachments();
            turns.add(new TcpFlow.Turn(true, Payloads.concat(Payloads.dotStuffed(msg.bytes()), Payloads.bytes(".\r\n"))));
            server(turns, "250 2.0.0 Ok: queued as " + Integer.toHexString(n * 16 + m).toUpperCase() + "\r\n");
        }
        client(turns, "QUIT\r\n");
        server(turns, "221 2.0.0 Bye\r\n");
        return new Session(turns, estimate, messages, attachments);
    }

    private record Message(InputStream bytes, long estimatedBytes, int attachments) {
    }

    private static Message message(SplittableRandom r, int n, int m, Manifest manifest) {
        String boundary = "=_b" + n + "_" + m + "_" + Long.toHexString(r.nextLong());
        String sep = "\r\n--" + boundary + "\r\n";
        List<InputStream> parts = new ArrayList<>();
        parts.add(Payloads.bytes("From: \"Sender " + n + "\" <sender" + n + "@example.org>\r\n"
                + "To: <rcpt" + n + "@example.com>\r\n"
                + "Subject: bench message " + n + "." + m + "\r\n"
                + "Message-ID: <bench-" + n + "." + m + "@example.org>\r\n"
                + "Date: Thu, 22 Jun 2006 16:07:19 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "This is a multi-part message in MIME format." + sep
                + "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"));
        parts.add(Payloads.text(r.nextLong(), 200 + r.nextInt(2000), false));
        long size = 3000;
        if (r.nextInt(10) < 3) {
            parts.add(Payloads.bytes(sep + "Content-Type: text/html; charset=iso-8859-1\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"));
            int html = 2000 + r.nextInt(20000);
            parts.add(Payloads.quotedPrintable(Payloads.text(r.nextLong(), html, true)));
            size += html * 11L / 10;
        }
        int count = 1 + r.nextInt(3);
        for (int k = 1; k <= count; k++) {
            BenchAttachment a = attachment(r, "file" + n + "-" + m + "-" + k);
            parts.add(Payloads.bytes(sep + "Content-Type: " + a.contentType() + "; name=\"" + a.name() + "\"\r\n"
                    + "Content-Transfer-Encoding: " + a.encoding() + "\r\n"
                    + "Content-Disposition: attachment; filename=\"" + a.name() + "\"\r\n\r\n"));
            parts.add(a.encoded(manifest.track(a)));
            size += a.encoding().equals(BenchAttachment.BASE64) ? a.target() * 4 / 3 * 78 / 76 : a.target() * 11 / 10;
        }
        parts.add(Payloads.bytes("\r\n--" + boundary + "--\r\n"));
        return new Message(Payloads.concat(parts.toArray(InputStream[]::new)), size, count);
    }

    private static BenchAttachment attachment(SplittableRandom r, String stem) {
        int pick = r.nextInt(10);
        double x = r.nextDouble();
        if (pick < 8) {
            String ext = BINARY_EXTENSIONS[r.nextInt(BINARY_EXTENSIONS.length)];
            return new BenchAttachment(stem + "." + ext, BenchAttachment.BASE64, "binary", r.nextLong(),
                    10_000 + (long) (x * x * 4_990_000));
        }
        String ext = TEXT_EXTENSIONS[r.nextInt(TEXT_EXTENSIONS.length)];
        long size = 10_000 + (long) (x * x * 490_000);
        return pick == 8
                ? new BenchAttachment(stem + "." + ext, BenchAttachment.QUOTED_PRINTABLE, "latin1", r.nextLong(), size)
                : new BenchAttachment(stem + "." + ext, BenchAttachment.SEVEN_BIT, "text", r.nextLong(), size);
    }

    private static void client(List<TcpFlow.Turn> turns, String line) {
        turns.add(new TcpFlow.Turn(true, Payloads.bytes(line)));
    }

    private static void server(List<TcpFlow.Turn> turns, String line) {
        turns.add(new TcpFlow.Turn(false, Payloads.bytes(line)));
    }
}
