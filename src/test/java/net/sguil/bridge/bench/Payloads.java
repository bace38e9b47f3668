package net.sguil.bridge.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The decoded contents of bench attachments and their transfer encodings, as streams generated from
 * a seed: the capture generator and the floor measurement recreate the same bytes without storing them.
 */
final class Payloads {
    static final byte[] CRLF = {'\r', '\n'};
    private static final int BLOCK = 57 * 1024;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final String[] WORDS = ("the of and to in is that for it as with was on be by at this from or "
            + "an are which not have has but were all their report invoice attached please find shipment account "
            + "password server outage meeting quarterly figures agenda minutes draft final revision budget").split(" ");
    private static final String[] LATIN1_WORDS = {"caf\u00e9", "na\u00efve", "r\u00e9sum\u00e9", "\u00fcber",
        "Gr\u00fc\u00dfe", "se\u00f1or", "d\u00e9j\u00e0", "fa\u00e7ade", "\u00a7 12", "50 \u00b0C"};

    private Payloads() {
    }

    /** {@code size} random bytes (incompressible, like the archives and executables people mail) after {@code magic}. */
    static InputStream binary(long seed, long size, byte[] magic) {
        SplittableRandom r = new SplittableRandom(seed);
        return blocks(size, (b, at) -> {
            r.nextBytes(b);
            if (at == 0) {
                System.arraycopy(magic, 0, b, 0, Math.min(magic.length, b.length));
            }
        });
    }

    /**
     * Lines of text with CRLF ends, at least {@code size} bytes: words, blank lines, lines starting with
     * a dot (SMTP must stuff them), lone dots, and with {@code latin1} ISO-8859-1 letters and lines
     * ending in white space (quoted-printable must encode both).
     */
    static InputStream text(long seed, long size, boolean latin1) {
        SplittableRandom r = new SplittableRandom(seed);
        return new ChunkStream() {
            private long made;

            @Override
            protected byte[] nextChunk() {
                if (made >= size) {
                    return null;
                }
                StringBuilder b = new StringBuilder(8192);
                while (b.length() < 8000 && made + b.length() < size) {
                    line(r, latin1, b);
                }
                byte[] out = b.toString().getBytes(StandardCharsets.ISO_8859_1);
                made += out.length;
                return out;
            }
        };
    }

    private static void line(SplittableRandom r, boolean latin1, StringBuilder b) {
        int kind = r.nextInt(100);
        if (kind < 5) {
            b.append("\r\n");
            return;
        }
        if (kind < 6) {
            b.append(".\r\n");
            return;
        }
        if (kind < 9) {
            b.append('.');
        }
        int target = 20 + r.nextInt(70);
        int start = b.length();
        while (b.length() - start < target) {
            if (b.length() > start) {
                b.append(' ');
            }
            b.append(latin1 && r.nextInt(12) == 0 ? LATIN1_WORDS[r.nextInt(LATIN1_WORDS.length)]
                    : WORDS[r.nextInt(WORDS.length)]);
        }
        if (latin1 && r.nextInt(30) == 0) {
            b.append(r.nextBoolean() ? " " : "\t");
        }
        b.append("\r\n");
    }

    /** RFC 2045 base64 in lines of 76 characters separated by CRLF, as mail clients write it. */
    static InputStream base64(InputStream decoded) {
        Base64.Encoder lines = Base64.getMimeEncoder(76, CRLF);
        return new ChunkStream() {
            private boolean first = true;

            @Override
            protected byte[] nextChunk() throws IOException {
                byte[] block = decoded.readNBytes(BLOCK);
                if (block.length == 0) {
                    return null;
                }
                byte[] enc = lines.encode(block);
                if (first) {
                    first = false;
                    return enc;
                }
                byte[] withBreak = new byte[enc.length + 2];
                withBreak[0] = '\r';
                withBreak[1] = '\n';
                System.arraycopy(enc, 0, withBreak, 2, enc.length);
                return withBreak;
            }
        };
    }

    /**
     * RFC 2045 quoted-printable of CRLF text: hard line breaks stay CRLF, lines longer than 76
     * characters get soft breaks, '=', control and 8-bit bytes and white space at a line end are encoded.
     */
    static InputStream quotedPrintable(InputStream text) {
        return new ChunkStream() {
            private final byte[] in = new byte[8192];
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();
            private boolean ended;

            @Override
            protected byte[] nextChunk() throws IOException {
                while (!ended) {
                    int n = text.read(in);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(n + n / 4 + 16);
                    if (n < 0) {
                        ended = true;
                        encodeLine(out, line.toByteArray(), false);
                    }
                    for (int i = 0; i < n; i++) {
                        if (in[i] == '\n') {
                            byte[] l = line.toByteArray();
                            line.reset();
                            // every line of Payloads.text ends in CRLF; the CR is part of the hard break
                            encodeLine(out, java.util.Arrays.copyOf(l, l.length - 1), true);
                        } else {
                            line.write(in[i]);
                        }
                    }
                    if (out.size() > 0) {
                        return out.toByteArray();
                    }
                }
                return null;
            }

            private void encodeLine(ByteArrayOutputStream out, byte[] l, boolean hardBreak) {
                int col = 0;
                for (int i = 0; i < l.length; i++) {
                    int c = l[i] & 0xff;
                    boolean last = i == l.length - 1;
                    boolean literal = c >= 33 && c <= 126 && c != '=' || (c == ' ' || c == '\t') && !last;
                    int width = literal ? 1 : 3;
                    if (col + width > 75) {
                        out.write('=');
                        out.writeBytes(CRLF);
                        col = 0;
                    }
                    if (literal) {
                        out.write(c);
                    } else {
                        out.write('=');
                        out.write(HEX[c >> 4]);
                        out.write(HEX[c & 15]);
                    }
                    col += width;
                }
                if (hardBreak) {
                    out.writeBytes(CRLF);
                }
            }
        };
    }

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static InputStream concat(InputStream... parts) {
        InputStream s = parts[parts.length - 1];
        for (int i = parts.length - 2; i >= 0; i--) {
            s = new SequenceInputStream(parts[i], s);
        }
        return s;
    }

    /** {@code n} copies of one byte. */
    static InputStream repeat(byte value, long n) {
        return blocks(n, (b, at) -> java.util.Arrays.fill(b, value));
    }

    /** What fills one block of a generated stream, given where in the stream the block starts. */
    private interface BlockFiller {
        void fill(byte[] block, long at);
    }

    /** {@code size} bytes made a block at a time by {@code filler}. */
    private static InputStream blocks(long size, BlockFiller filler) {
        return new ChunkStream() {
            private long made;

            @Override
            protected byte[] nextChunk() {
                if (made == size) {
                    return null;
                }
                byte[] b = new byte[(int) Math.min(BLOCK, size - made)];
                filler.fill(b, made);
                made += b.length;
                return b;
            }
        };
    }

    /**
     * SMTP transparency (RFC 5321 4.5.2): a line starting with a dot gets one more, so the receiver's
     * unstuffing gives back the message byte for byte.
     */
    static InputStream dotStuffed(InputStream message) {
        return new ChunkStream() {
            private final byte[] in = new byte[64 * 1024];
            private boolean lineStart = true;

            @Override
            protected byte[] nextChunk() throws IOException {
                int n = message.read(in);
                if (n < 0) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(n + 64);
                int run = 0;
                for (int i = 0; i < n; i++) {
                    if (lineStart && in[i] == '.') {
                        out.write(in, run, i - run);
                        out.write('.');
                        run = i;
                    }
                    lineStart = in[i] == '\n';
                }
                out.write(in, run, n - run);
                return out.toByteArray();
            }
        };
    }
}
