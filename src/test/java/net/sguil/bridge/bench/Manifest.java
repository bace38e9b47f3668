package net.sguil.bridge.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the bench capture holds, one attachment a line (tab-separated): its recipe, then the size and
 * hashes of the decoded file as the generator produced it. The floor measurement recreates the
 * files from it; the check of extract's output compares against it.
 */
final class Manifest {
    record Entry(BenchAttachment attachment, long size, String md5, String sha1, String sha256) {
    }

    private final List<Digesting> pending = new ArrayList<>();

    /** The decoded bytes of {@code a}, recorded in the manifest once they have been read to the end. */
    InputStream track(BenchAttachment a) {
        Digesting d = new Digesting(a);
        pending.add(d);
        return d;
    }

    void write(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (Digesting d : pending) {
                if (d.entry == null) {
                    throw new IllegalStateException(d.attachment.name() + " was never written whole");
                }
                BenchAttachment a = d.entry.attachment();
                w.write(String.join("\t", a.name(), a.encoding(), a.kind(), Long.toString(a.seed()),
                        Long.toString(a.target()), Long.toString(d.entry.size()), d.entry.md5(), d.entry.sha1(),
                        d.entry.sha256()));
                w.newLine();
            }
        }
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            out.add(new Entry(new BenchAttachment(f[0], f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4])),
                    Long.parseLong(f[5]), f[6], f[7], f[8]));
        }
        return out;
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded bytes of an attachment, digested as they are read; the entry is made at their end. */
    private static final class Digesting extends ChunkStream {
        private final BenchAttachment attachment;
        private final InputStream in;
        private final MessageDigest md5 = digest("MD5");
        private final MessageDigest sha1 = digest("SHA-1");
        private final MessageDigest sha256 = digest("SHA-256");
        private long size;
        private Entry entry;

        Digesting(BenchAttachment a) {
            this.attachment = a;
            this.in = a.decoded();
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            byte[] b = in.readNBytes(64 * 1024);
            if (b.length == 0) {
                if (entry == null) {
                    HexFormat hex = HexFormat.of();
                    entry = new Entry(attachment, size, hex.formatHex(md5.digest()), hex.formatHex(sha1.digest()),
                            hex.formatHex(sha256.digest()));
                }
                return null;
            }
            md5.update(b);
            sha1.update(b);
            sha256.update(b);
            size += b.length;
            return b;
        }
    }
}
