package net.sguil.bridge.testpcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Growable byte buffer with a chosen byte order, for assembling headers and blocks. */
final class LeBuffer {
    private ByteBuffer buf;

    LeBuffer(ByteOrder order) {
        buf = ByteBuffer.allocate(256).order(order);
    }

    private void ensure(int n) {
        if (buf.remaining() < n) {
            ByteBuffer b = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n)).order(buf.order());
            buf.flip();
            b.put(buf);
            buf = b;
        }
    }

    LeBuffer u8(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    LeBuffer u16(int v) {
        ensure(2);
        buf.putShort((short) v);
        return this;
    }

    LeBuffer u32(long v) {
        ensure(4);
        buf.putInt((int) v);
        return this;
    }

    LeBuffer bytes(byte[] b) {
        ensure(b.length);
        buf.put(b);
        return this;
    }

    LeBuffer padTo4() {
        while (buf.position() % 4 != 0) {
            u8(0);
        }
        return this;
    }

    int length() {
        return buf.position();
    }

    void putU32At(int pos, long v) {
        buf.putInt(pos, (int) v);
    }

    byte[] toArray() {
        byte[] out = new byte[buf.position()];
        buf.duplicate().flip().get(out);
        return out;
    }
}
