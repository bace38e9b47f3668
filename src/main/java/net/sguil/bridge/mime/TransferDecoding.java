package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/** Opens the decoded bytes of a body for its Content-Transfer-Encoding. */
final class TransferDecoding {
    static final Set<String> IDENTITY = Set.of("7bit", "8bit", "binary");
    static final Set<String> UUENCODE = Set.of("x-uuencode", "uuencode", "x-uue");
    static final String BASE64 = "base64";
    static final String QUOTED_PRINTABLE = "quoted-printable";

    private TransferDecoding() {
    }

    /** The encoding named by a Content-Transfer-Encoding value, lower case; "7bit" when absent. */
    static String normalize(String value) {
        if (value == null || value.isBlank()) {
            return "7bit";
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    static boolean isKnown(String cte) {
        return IDENTITY.contains(cte) || UUENCODE.contains(cte) || BASE64.equals(cte) || QUOTED_PRINTABLE.equals(cte);
    }

    /** Decodes base64 and quoted-printable; anything else is passed through raw. */
    static DecodingStream open(String cte, InputStream raw) {
        if (BASE64.equals(cte)) {
            // Not Jakarta's BASE64DecoderStream: about 3x slower (ARCHITECTURE.md, "Where the time goes").
            return new Base64DecodingStream(raw);
        }
        if (QUOTED_PRINTABLE.equals(cte)) {
            // Not Jakarta's QPDecoderStream: it throws at the first bad escape, which would end the file there,
            // reads a byte at a time, and takes "=-1" for the end.
            return new QuotedPrintableDecodingStream(raw);
        }
        return new Identity(raw);
    }

    /** What damage met by the decoder for {@code cte} is counted as; null for encodings passed through. */
    static MimeWeird damageWeird(String cte) {
        if (BASE64.equals(cte)) {
            return MimeWeird.MIME_BAD_BASE64;
        }
        return QUOTED_PRINTABLE.equals(cte) ? MimeWeird.MIME_BAD_QUOTED_PRINTABLE : null;
    }

    /** The bytes as they are: never damaged. */
    private static final class Identity extends DecodingStream {
        private final InputStream in;

        Identity(InputStream in) {
            this.in = in;
        }

        @Override
        boolean damaged() {
            return false;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }
    }
}
