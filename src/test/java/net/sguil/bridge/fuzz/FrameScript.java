package net.sguil.bridge.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import net.sguil.bridge.pcap.LinkTypes;
import net.sguil.bridge.pcap.RawPacket;

/**
 * The input format of the packet decoder target: captured frames, each a 6-byte header and its bytes.
 * Header: the link type (an index into {@link #LINK_TYPES}), the captured length (big-endian u16,
 * fewer bytes if the input ends), the bytes the snap length cut off (big-endian u16), and a time step in
 * milliseconds (bit 7 set: the low 7 bits times 10 seconds, so fragment timeouts are reached).
 */
final class FrameScript {
    static final int HEADER = 6;
    static final int[] LINK_TYPES = {LinkTypes.ETHERNET, LinkTypes.LINUX_SLL, LinkTypes.LINUX_SLL2, LinkTypes.RAW,
        LinkTypes.NULL, LinkTypes.LOOP, LinkTypes.IPV4, LinkTypes.IPV6, LinkTypes.RAW_DLT12, LinkTypes.RAW_DLT14,
        147};

    private FrameScript() {
    }

    static void play(byte[] input, int from, Consumer<RawPacket> decoder) {
        RawPacket p = new RawPacket();
        long now = SegmentScript.T0;
        for (int i = from; i + HEADER <= input.length; ) {
            int link = LINK_TYPES[(input[i] & 0xff) % LINK_TYPES.length];
            int len = Math.min(Fuzzing.u16(input, i + 1), input.length - i - HEADER);
            int cut = Fuzzing.u16(input, i + 3);
            now += Fuzzing.stepNanos(input[i + 5] & 0xff);
            // A frame of its own, as a capture reader hands out: the decoder may read up to its length only.
            byte[] frame = java.util.Arrays.copyOfRange(input, i + HEADER, i + HEADER + len);
            p.data = frame;
            p.capturedLength = len;
            p.originalLength = len + cut;
            p.linkType = link;
            p.timestampNanos = now;
            decoder.accept(p);
            i += HEADER + len;
        }
    }

    /** Writes frames of a capture in this format. */
    static final class Writer implements Consumer<RawPacket> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long last = -1;

        Writer(int configByte) {
            out.write(configByte);
        }

        @Override
        public void accept(RawPacket p) {
            int link = -1;
            for (int k = 0; k < LINK_TYPES.length; k++) {
                if (LINK_TYPES[k] == p.linkType) {
                    link = k;
                }
            }
            if (link < 0 || p.capturedLength > 0xffff) {
                return;
            }
            int step = last < 0 ? 0 : Fuzzing.stepByte(p.timestampNanos - last);
            last = p.timestampNanos;
            int cut = Math.min(0xffff, p.originalLength - p.capturedLength);
            out.write(link);
            out.write(p.capturedLength >>> 8);
            out.write(p.capturedLength);
            out.write(cut >>> 8);
            out.write(cut);
            out.write(step);
            out.write(p.data, 0, p.capturedLength);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
