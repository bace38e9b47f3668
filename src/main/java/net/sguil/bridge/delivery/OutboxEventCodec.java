package net.sguil.bridge.delivery;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import net.sguil.bridge.facts.SguilEventOut;

/**
 * The outbox's byte form of a {@link SguilEventOut}. Text fields are cut at {@link #MAX_FIELD_CHARS}:
 * still more than Sguil takes (the validator then cuts the detail visibly), but it bounds a journal record.
 */
final class OutboxEventCodec {
    static final int MAX_FIELD_CHARS = 65_536;
    /** Version 2 added the refID; version 1 records (from an outbox written before) decode with refID 0. */
    private static final int VERSION = 2;
    private static final int WITHOUT_REF_ID = 1;

    private OutboxEventCodec() {
    }

    static byte[] encode(SguilEventOut e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeText(out, e.getSignature());
            out.writeInt(e.getPriority());
            writeText(out, e.getSigClass());
            out.writeLong(e.getGeneratorId());
            out.writeLong(e.getSignatureId());
            out.writeLong(e.getRevision());
            out.writeLong(e.getTimestamp().getEpochSecond());
            out.writeInt(e.getTimestamp().getNano());
            writeText(out, e.getSrcIp());
            out.writeInt(e.getSrcPort());
            writeText(out, e.getDstIp());
            out.writeInt(e.getDstPort());
            out.writeInt(e.getIpProto());
            writeText(out, e.getRule());
            writeText(out, e.getEvidenceKey());
            writeText(out, e.getDetail());
            writeText(out, e.getHtmlDetail());
            out.writeLong(e.getRefId());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    static SguilEventOut decode(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != VERSION && version != WITHOUT_REF_ID) {
            throw new IOException("outbox event in unknown format version " + version);
        }
        String signature = readText(in);
        int priority = in.readInt();
        String sigClass = readText(in);
        long gen = in.readLong();
        long sig = in.readLong();
        long rev = in.readLong();
        Instant ts = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String srcIp = readText(in);
        int srcPort = in.readInt();
        String dstIp = readText(in);
        int dstPort = in.readInt();
        int proto = in.readInt();
        String rule = readText(in);
        String key = readText(in);
        String detail = readText(in);
        String html = readText(in);
        long refId = version == WITHOUT_REF_ID ? 0 : in.readLong();
        if (signature == null) {
            throw new IOException("outbox event without a signature");
        }
        return new SguilEventOut(signature, priority, sigClass, gen, sig, rev, ts, srcIp, srcPort, dstIp, dstPort,
                proto, rule, key, detail, html, null, refId);
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        String kept = s;
        if (s.length() > MAX_FIELD_CHARS) {
            int end = MAX_FIELD_CHARS;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            kept = s.substring(0, end);
        }
        byte[] b = kept.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_FIELD_CHARS * 4) {
            throw new IOException("outbox text field of absurd length " + n);
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("outbox text field cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
