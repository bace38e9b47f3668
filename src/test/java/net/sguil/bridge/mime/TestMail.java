package net.sguil.bridge.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Builds test messages in code: CRLF lines, base64 and uuencode bodies. */
final class TestMail {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static TestMail message() {
        return new TestMail();
    }

    /** Appends lines, each terminated by CRLF. */
    TestMail lines(String... lines) {
        for (String l : lines) {
            raw(l);
            raw("\r\n");
        }
        return this;
    }

    TestMail raw(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    TestMail raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    /** Classic uuencode body: {@code begin 644 name}, lines of 45 bytes, a backquote line, {@code end}. */
    static String uuencode(String name, byte[] data) {
        StringBuilder b = new StringBuilder("begin 644 ").append(name).append("\r\n");
        for (int off = 0; off < data.length; off += 45) {
            int n = Math.min(45, data.length - off);
            b.append(uuChar(n));
            for (int i = 0; i < n; i += 3) {
                int v = (data[off + i] & 0xFF) << 16 | (i + 1 < n ? (data[off + i + 1] & 0xFF) << 8 : 0)
                        | (i + 2 < n ? data[off + i + 2] & 0xFF : 0);
                b.append(uuChar(v >> 18 & 63)).append(uuChar(v >> 12 & 63)).append(uuChar(v >> 6 & 63))
                        .append(uuChar(v & 63));
            }
            b.append("\r\n");
        }
        return b.append("`\r\nend\r\n").toString();
    }

    private static char uuChar(int v) {
        return v == 0 ? '`' : (char) (v + 32);
    }
}
