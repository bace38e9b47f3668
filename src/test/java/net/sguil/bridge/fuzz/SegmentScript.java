package net.sguil.bridge.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.pcap.TcpSegment;
import net.sguil.bridge.pcap.TcpSink;

/**
 * The input format of the TCP reassembly target: TCP segments of up to four connections, each a
 * 15-byte header and its payload. Header: flags (as in the TCP header), sender (bit 0: 0 the client
 * endpoint, 1 the server; bits 1-2: which connection), seq and ack (big-endian i32), a time step (bit 7
 * clear: that many milliseconds; set: the low 7 bits times 10 seconds), the captured payload length and
 * the uncaptured (snap-length-cut) length after it, both big-endian u16. Connection {@code k} is between
 * 10.0.0.1:{@code 40000+k} and 10.0.0.2:{@link #SERVER_PORTS}[k]; connection 3 is IPv6.
 */
final class SegmentScript {
    static final int HEADER = 15;
    static final int[] SERVER_PORTS = {25, 80, 8080, 9};
    static final long T0 = 1_767_323_045_000_000_000L;

    private SegmentScript() {
    }

    /** Plays {@code input[from..]} into {@code sink} as segments. */
    static void play(byte[] input, int from, TcpSink sink) {
        TcpSegment s = new TcpSegment();
        long now = T0;
        for (int i = from; i + HEADER <= input.length; ) {
            int flags = input[i] & 0x3f;
            int sender = input[i + 1];
            int flow = (sender >>> 1) & 3;
            boolean fromServer = (sender & 1) != 0;
            int step = input[i + 10] & 0xff;
            now += Fuzzing.stepNanos(step);
            int len = Math.min(u16(input, i + 11), input.length - i - HEADER);
            s.timestampNanos = now;
            s.ipVersion = flow == 3 ? 6 : 4;
            Arrays.fill(s.src, (byte) 0);
            Arrays.fill(s.dst, (byte) 0);
            byte[] client = address(flow, 1);
            byte[] server = address(flow, 2);
            System.arraycopy(fromServer ? server : client, 0, s.src, 0, client.length);
            System.arraycopy(fromServer ? client : server, 0, s.dst, 0, client.length);
            s.srcPort = fromServer ? SERVER_PORTS[flow] : 40000 + flow;
            s.dstPort = fromServer ? 40000 + flow : SERVER_PORTS[flow];
            s.flags = flags;
            s.seq = i32(input, i + 2);
            s.ack = i32(input, i + 6);
            s.window = 65535;
            s.data = input;
            s.dataOffset = i + HEADER;
            s.dataLength = len;
            s.missingLength = u16(input, i + 13);
            sink.onSegment(s);
            i += HEADER + len;
        }
    }

    private static byte[] address(int flow, int host) {
        byte[] a = new byte[flow == 3 ? 16 : 4];
        if (flow == 3) {
            a[0] = (byte) 0xfd;
            a[15] = (byte) host;
        } else {
            a[0] = 10;
            a[3] = (byte) host;
        }
        return a;
    }

    private static int u16(byte[] b, int at) {
        return Fuzzing.u16(b, at);
    }

    private static int i32(byte[] b, int at) {
        return (u16(b, at) << 16) | u16(b, at + 2);
    }

    /** Writes decoded segments of a real capture in this format (its first four connections). */
    static final class Writer implements TcpSink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<byte[]> flows = new ArrayList<>();
        private long last = -1;

        Writer(int configByte) {
            out.write(configByte);
        }

        @Override
        public void onSegment(TcpSegment s) {
            int n = s.addressLength();
            byte[] src = Arrays.copyOf(s.src, n);
            byte[] key = endpointKey(src, s.srcPort, Arrays.copyOf(s.dst, n), s.dstPort);
            int flow = -1;
            boolean fromServer = false;
            for (int k = 0; k < flows.size(); k++) {
                byte[] f = flows.get(k);
                if (Arrays.equals(f, key)) {
                    flow = k;
                } else if (Arrays.equals(f, endpointKey(Arrays.copyOf(s.dst, n), s.dstPort, src, s.srcPort))) {
                    flow = k;
                    fromServer = true;
                }
            }
            if (flow < 0) {
                if (flows.size() == 4) {
                    return;
                }
                // The first packet seen of a connection comes from its client, unless it is a SYN-ACK.
                fromServer = s.has(TcpSegment.SYN) && s.has(TcpSegment.ACK);
                flows.add(fromServer ? endpointKey(Arrays.copyOf(s.dst, n), s.dstPort, src, s.srcPort) : key);
                flow = flows.size() - 1;
            }
            int step = last < 0 ? 0 : Fuzzing.stepByte(s.timestampNanos - last);
            last = s.timestampNanos;
            int len = Math.min(s.dataLength, 0xffff);
            out.write(s.flags);
            out.write(flow << 1 | (fromServer ? 1 : 0));
            writeInt(s.seq);
            writeInt(s.ack);
            out.write(step);
            out.write(len >>> 8);
            out.write(len);
            int missing = Math.min(s.missingLength, 0xffff);
            out.write(missing >>> 8);
            out.write(missing);
            out.write(s.data, s.dataOffset, len);
        }

        private static byte[] endpointKey(byte[] a, int ap, byte[] b, int bp) {
            byte[] k = new byte[a.length + b.length + 4];
            System.arraycopy(a, 0, k, 0, a.length);
            System.arraycopy(b, 0, k, a.length, b.length);
            k[k.length - 4] = (byte) (ap >>> 8);
            k[k.length - 3] = (byte) ap;
            k[k.length - 2] = (byte) (bp >>> 8);
            k[k.length - 1] = (byte) bp;
            return k;
        }

        private void writeInt(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
