package net.sguil.bridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * How one bench attachment is made: its file name, transfer encoding, kind of content, seed and
 * (approximate, for text) size. Enough to recreate its bytes anywhere ({@link #decoded()}).
 */
record BenchAttachment(String name, String encoding, String kind, long seed, long target) {
    static final String BASE64 = "base64";
    static final String QUOTED_PRINTABLE = "quoted-printable";
    static final String SEVEN_BIT = "7bit";

    /** The file as its sender had it. */
    InputStream decoded() {
        return switch (kind) {
            case "binary" -> Payloads.binary(seed, target, magic());
            case "text" -> Payloads.text(seed, target, false);
            case "latin1" -> Payloads.text(seed, target, true);
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /** The file as it travels in the message body. */
    InputStream encoded(InputStream decoded) {
        return switch (encoding) {
            case BASE64 -> Payloads.base64(decoded);
            case QUOTED_PRINTABLE -> Payloads.quotedPrintable(decoded);
            case SEVEN_BIT -> decoded;
            default -> throw new IllegalArgumentException("encoding " + encoding);
        };
    }

    /** The whole decoded file (for files of a few megabytes). */
    byte[] decodedBytes() throws IOException {
        try (InputStream in = decoded()) {
            return in.readAllBytes();
        }
    }

    String contentType() {
        return switch (extension()) {
            case "exe" -> "application/x-msdownload";
            case "pdf" -> "application/pdf";
            case "zip" -> "application/zip";
            case "txt", "log", "csv" -> "text/plain; charset=" + ("latin1".equals(kind) ? "iso-8859-1" : "us-ascii");
            default -> "application/octet-stream";
        };
    }

    private byte[] magic() {
        String m = switch (extension()) {
            case "exe" -> "MZ\u0090\u0000";
            case "pdf" -> "%PDF-1.4\n";
            case "zip" -> "PK\u0003\u0004";
            default -> "";
        };
        return m.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String extension() {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
