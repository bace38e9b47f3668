package net.sguil.bridge.testpcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds a whole TCP conversation as captured packets, then lets a test damage it.
 * <pre>{@code
 * List<Packet> packets = TcpSessionBuilder.ipv4("10.0.0.1", 1025, "10.0.0.2", 25)
 *         .isn(0xfffffff0L, 7)          // client ISN near 2^32: sequence numbers wrap
 *         .handshake()                  // packets 0..2: SYN, SYN/ACK, ACK
 *         .server("220 mx ESMTP\r\n")
 *         .segmentSize(10)              // later sends are cut into segments of at most 10 bytes
 *         .client("EHLO x\r\n")
 *         .server("250 ok\r\n")
 *         .finish()                     // FIN, FIN/ACK, ACK
 *         .dropSegment(5)               // a gap in the client stream
 *         .build();
 * Path file = TcpSessionBuilder.ipv6("fd00::1", 40000, "fd00::2", 80).client("GET / HTTP/1.0\r\n\r\n")
 *         .finish().writePcap(dir.resolve("a.pcap"));
 * }</pre>
 * The script methods ({@link #handshake}, {@link #client}, {@link #server}, {@link #ack}, {@link #pause},
 * {@link #finish}, {@link #fin}, {@link #rst}, {@link #retransmit}, {@link #overlap}) append packets in call
 * order. The damage methods take 0-based indices into the packet list built so far (handshake packets
 * included; {@link #packetCount()} and {@link #describe()} help). Timestamps are assigned by final
 * position at {@link #build()}: packet i is captured at start + i·step (+ pauses), so reordered packets
 * still have increasing capture times. Strings are sent as UTF-8; use the {@code byte[]} variants for
 * exact bytes. Stream offsets count payload bytes of one direction from 0 (the byte after the SYN).
 */
public final class TcpSessionBuilder {
    public enum Side { CLIENT, SERVER }

    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    private static final class Seg {
        Side from;
        long seq;
        long ack;
        int flags;
        byte[] payload;
        long pauseBefore;
        int keepFrameBytes = -1;
        int keepPayloadBytes = -1;
        int fragmentSize;
        boolean handshake;

        Seg copy() {
            Seg s = new Seg();
            s.from = from;
            s.seq = seq;
            s.ack = ack;
            s.flags = flags;
            s.payload = payload;
            s.keepFrameBytes = keepFrameBytes;
            s.keepPayloadBytes = keepPayloadBytes;
            s.fragmentSize = fragmentSize;
            s.handshake = handshake;
            return s;
        }
    }

    private final boolean ipv6;
    private final byte[] clientAddr;
    private final byte[] serverAddr;
    private final int clientPort;
    private final int serverPort;
    private long clientIsn = 1000;
    private long serverIsn = 5000;
    private long startNanos = Instant.parse("2026-01-02T03:04:05Z").getEpochSecond() * 1_000_000_000L;
    private long stepNanos = 1_000_000;
    private int segmentSize = 1460;
    private LinkLayer link = LinkLayer.ETHERNET;
    private boolean autoAck;
    private long pendingPause;
    private final boolean[] finSent = new boolean[2];
    private final ByteArrayOutputStream[] sent = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    private final List<Seg> segs = new ArrayList<>();

    private TcpSessionBuilder(boolean ipv6, String client, int clientPort, String server, int serverPort) {
        this.ipv6 = ipv6;
        this.clientAddr = Frames.addr(client);
        this.serverAddr = Frames.addr(server);
        this.clientPort = clientPort;
        this.serverPort = serverPort;
    }

    public static TcpSessionBuilder ipv4(String client, int clientPort, String server, int serverPort) {
        return new TcpSessionBuilder(false, client, clientPort, server, serverPort);
    }

    public static TcpSessionBuilder ipv6(String client, int clientPort, String server, int serverPort) {
        return new TcpSessionBuilder(true, client, clientPort, server, serverPort);
    }

    // ---- settings (call before the script) ----

    /** Initial sequence numbers (32-bit values; e.g. 0xfffffff0L to test wrap-around). Default 1000, 5000. */
    public TcpSessionBuilder isn(long client, long server) {
        clientIsn = client & 0xffffffffL;
        serverIsn = server & 0xffffffffL;
        return this;
    }

    public TcpSessionBuilder start(Instant t) {
        startNanos = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        return this;
    }

    public TcpSessionBuilder start(long epochNanos) {
        startNanos = epochNanos;
        return this;
    }

    /** Time between consecutive packets (default 1 ms). */
    public TcpSessionBuilder step(Duration d) {
        stepNanos = d.toNanos();
        return this;
    }

    /** Maximum payload per segment for the sends that follow (default 1460). */
    public TcpSessionBuilder segmentSize(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("segment size " + bytes);
        }
        segmentSize = bytes;
        return this;
    }

    /** Link layer of the frames (default Ethernet). */
    public TcpSessionBuilder link(LinkLayer l) {
        link = l;
        return this;
    }

    public LinkLayer link() {
        return link;
    }

    /** After every send, the receiver sends a pure ACK for it. */
    public TcpSessionBuilder autoAck() {
        autoAck = true;
        return this;
    }

    // ---- script ----

    public TcpSessionBuilder handshake() {
        add(Side.CLIENT, clientIsn, 0, SYN, new byte[0]).handshake = true;
        add(Side.SERVER, serverIsn, clientIsn + 1, SYN | ACK, new byte[0]).handshake = true;
        add(Side.CLIENT, clientIsn + 1, serverIsn + 1, ACK, new byte[0]).handshake = true;
        return this;
    }

    public TcpSessionBuilder client(String text) {
        return send(Side.CLIENT, text.getBytes(StandardCharsets.UTF_8));
    }

    public TcpSessionBuilder client(byte[] bytes) {
        return send(Side.CLIENT, bytes);
    }

    public TcpSessionBuilder server(String text) {
        return send(Side.SERVER, text.getBytes(StandardCharsets.UTF_8));
    }

    public TcpSessionBuilder server(byte[] bytes) {
        return send(Side.SERVER, bytes);
    }

    /** Sends {@code bytes} from {@code side}, cut into segments of at most {@link #segmentSize}. */
    public TcpSessionBuilder send(Side side, byte[] bytes) {
        for (int off = 0; off < bytes.length; off += segmentSize) {
            byte[] chunk = Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + segmentSize));
            add(side, nextSeq(side), nextSeq(other(side)), PSH | ACK, chunk);
            sent[side.ordinal()].writeBytes(chunk);
        }
        if (autoAck && bytes.length > 0) {
            ack(other(side));
        }
        return this;
    }

    /** A pure ACK from {@code side} for everything the other side sent so far. */
    public TcpSessionBuilder ack(Side side) {
        add(side, nextSeq(side), nextSeq(other(side)), ACK, new byte[0]);
        return this;
    }

    /** Extra capture time before the next packet (e.g. to exceed an idle timeout). */
    public TcpSessionBuilder pause(Duration d) {
        pendingPause += d.toNanos();
        return this;
    }

    /** Orderly close: FIN from the client, FIN/ACK from the server, last ACK from the client. */
    public TcpSessionBuilder finish() {
        return fin(Side.CLIENT).fin(Side.SERVER).ack(Side.CLIENT);
    }

    public TcpSessionBuilder fin(Side side) {
        add(side, nextSeq(side), nextSeq(other(side)), FIN | ACK, new byte[0]);
        finSent[side.ordinal()] = true;
        return this;
    }

    public TcpSessionBuilder rst(Side side) {
        add(side, nextSeq(side), nextSeq(other(side)), RST | ACK, new byte[0]);
        return this;
    }

    /** Sends again bytes {@code [offset, offset+length)} of {@code side}'s stream, unchanged, in one segment. */
    public TcpSessionBuilder retransmit(Side side, long offset, int length) {
        byte[] all = sent[side.ordinal()].toByteArray();
        if (offset < 0 || offset + length > all.length) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " were not sent yet");
        }
        return overlap(side, offset, Arrays.copyOfRange(all, (int) offset, (int) offset + length));
    }

    /** A segment carrying {@code bytes} at stream offset {@code offset} (may differ from what was sent there). */
    public TcpSessionBuilder overlap(Side side, long offset, byte[] bytes) {
        add(side, isn(side) + 1 + offset, nextSeq(other(side)), PSH | ACK, bytes);
        return this;
    }

    // ---- damage, by packet index ----

    public TcpSessionBuilder swap(int i, int j) {
        Collections.swap(segs, i, j);
        return this;
    }

    /** Moves packet {@code from} so that it ends up at index {@code to}. */
    public TcpSessionBuilder move(int from, int to) {
        segs.add(to, segs.remove(from));
        return this;
    }

    /** Shuffles packets {@code [from, to)} with a fixed seed. */
    public TcpSessionBuilder shuffle(int from, int to, long seed) {
        Collections.shuffle(segs.subList(from, to), new Random(seed));
        return this;
    }

    /** Inserts an exact copy of packet {@code i} right after it. */
    public TcpSessionBuilder duplicate(int i) {
        segs.add(i + 1, segs.get(i).copy());
        return this;
    }

    /** Removes packet {@code i} (a data segment dropped: a gap). */
    public TcpSessionBuilder dropSegment(int i) {
        segs.remove(i);
        return this;
    }

    /** Removes every packet {@code side} sent: a capture that saw one direction only (asymmetric routing). */
    public TcpSessionBuilder dropSide(Side side) {
        segs.removeIf(s -> s.from == side);
        return this;
    }

    /** Removes the SYN, SYN/ACK and handshake ACK: the capture starts mid-stream. */
    public TcpSessionBuilder dropHandshake() {
        segs.removeIf(s -> s.handshake);
        return this;
    }

    /** Packet {@code i} is captured with only its first {@code frameBytes} bytes (link header included). */
    public TcpSessionBuilder snaplen(int i, int frameBytes) {
        segs.get(i).keepFrameBytes = frameBytes;
        return this;
    }

    /** Packet {@code i} is captured with all headers but only {@code payloadBytes} bytes of its TCP payload. */
    public TcpSessionBuilder cutPayload(int i, int payloadBytes) {
        segs.get(i).keepPayloadBytes = payloadBytes;
        return this;
    }

    /** Packet {@code i} travels as IP fragments of {@code fragmentPayload} bytes (a multiple of 8). */
    public TcpSessionBuilder fragment(int i, int fragmentPayload) {
        segs.get(i).fragmentSize = fragmentPayload;
        return this;
    }

    // ---- output ----

    public int packetCount() {
        return segs.size();
    }

    /** One line per packet, e.g. {@code "3 C>S seq=1001 ack=5001 [PA] len=10"}: for debugging tests. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            Seg s = segs.get(i);
            out.add(i + " " + (s.from == Side.CLIENT ? "C>S" : "S>C") + " seq=" + (s.seq & 0xffffffffL)
                    + " ack=" + (s.ack & 0xffffffffL) + " [" + flagString(s.flags) + "] len=" + s.payload.length);
        }
        return out;
    }

    /** Every byte {@code side} sent so far (its stream without retransmissions). */
    public byte[] sentBytes(Side side) {
        return sent[side.ordinal()].toByteArray();
    }

    public List<Packet> build() {
        List<Packet> out = new ArrayList<>();
        long ts = startNanos;
        for (int i = 0; i < segs.size(); i++) {
            Seg s = segs.get(i);
            ts += (i == 0 ? 0 : stepNanos) + s.pauseBefore;
            byte[] ip = ipPacket(s, i);
            List<byte[]> ips = s.fragmentSize > 0
                    ? (ipv6 ? Frames.fragmentIpv6(ip, s.fragmentSize, 0x1000 + i) : Frames.fragmentIpv4(ip, s.fragmentSize))
                    : List.of(ip);
            for (byte[] p : ips) {
                byte[] frame = link.wrap(p);
                int keep = frame.length;
                if (s.keepPayloadBytes >= 0) {
                    keep = Math.min(keep, frame.length - s.payload.length + s.keepPayloadBytes);
                }
                if (s.keepFrameBytes >= 0) {
                    keep = Math.min(keep, s.keepFrameBytes);
                }
                out.add(new Packet(ts, Arrays.copyOf(frame, keep), frame.length));
            }
        }
        return out;
    }

    public void writeTo(CaptureWriter w) throws IOException {
        w.writeAll(build());
    }

    /** Classic pcap with this session's link type. */
    public Path writePcap(Path file) throws IOException {
        return Captures.writePcap(file, link, build());
    }

    public Path writePcapng(Path file) throws IOException {
        return Captures.writePcapng(file, link, build());
    }

    private byte[] ipPacket(Seg s, int index) {
        boolean fromClient = s.from == Side.CLIENT;
        byte[] tcp = Frames.tcp(fromClient ? clientPort : serverPort, fromClient ? serverPort : clientPort,
                s.seq, s.ack, s.flags, s.payload);
        byte[] src = fromClient ? clientAddr : serverAddr;
        byte[] dst = fromClient ? serverAddr : clientAddr;
        return ipv6 ? Frames.ipv6(src, dst, Frames.TCP, tcp) : Frames.ipv4(src, dst, Frames.TCP, tcp, new byte[0], 0x100 + index);
    }

    private Seg add(Side from, long seq, long ack, int flags, byte[] payload) {
        Seg s = new Seg();
        s.from = from;
        s.seq = seq;
        s.ack = ack;
        s.flags = flags;
        s.payload = payload;
        s.pauseBefore = pendingPause;
        pendingPause = 0;
        segs.add(s);
        return s;
    }

    private long isn(Side side) {
        return side == Side.CLIENT ? clientIsn : serverIsn;
    }

    private long nextSeq(Side side) {
        return isn(side) + 1 + sent[side.ordinal()].size() + (finSent[side.ordinal()] ? 1 : 0);
    }

    private static Side other(Side s) {
        return s == Side.CLIENT ? Side.SERVER : Side.CLIENT;
    }

    private static String flagString(int f) {
        StringBuilder b = new StringBuilder();
        String names = "FSRPA";
        for (int i = 0; i < names.length(); i++) {
            if ((f & (1 << i)) != 0) {
                b.append(names.charAt(i));
            }
        }
        return b.toString();
    }
}
