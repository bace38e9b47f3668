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

    /** Decodes base64, quoted-printable and the identity encodings; anything else is passed through raw. */
    static DecodingStream open(String cte, InputStream raw) {
        if (BASE64.equals(cte)) {
            // Not Jakarta's BASE64DecoderStream: about 3x slower (ARCHITECTURE.md, "Where the time goes").
            return new Base64DecodingStream(raw);
        }
        if (QUOTED_PRINTABLE.equals(cte)) {
            // Not Jakarta's QPDecoderStream: it reads a byte at a time, and takes "=-1" for the end.
            return new QuotedPrintableDecodingStream(raw);
        }
        return new Guarded(raw);
    }

    /** Turns a decoder's complaint into the end of the data (flagged); disk errors still propagate. */
    static final class Guarded extends DecodingStream {
        private final InputStream in;
        private boolean damaged;

        Guarded(InputStream in) {
            this.in = in;
        }

        @Override
        boolean damaged() {
            return damaged;
        }

        @Override
        public int read() throws IOException {
            if (damaged) {
                return -1;
            }
            try {
                return in.read();
            } catch (SpoolReadException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                damaged = true;
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (damaged) {
                return -1;
            }
            try {
                return in.read(b, off, len);
            } catch (SpoolReadException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                damaged = true;
                return -1;
            }
        }
    }
}
