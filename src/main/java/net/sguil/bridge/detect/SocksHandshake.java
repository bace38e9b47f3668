package net.sguil.bridge.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.ConnectionId;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;

/**
 * Follows a SOCKS 4/4a (RFC-less, as NEC specified it) or SOCKS 5 (RFC 1928, with RFC 1929
 * user/password authentication) handshake. When the proxy granted a CONNECT, everything after the
 * handshake in each direction is a fresh stream to detect, marked with its {@link Tunnel}; a refused,
 * malformed or gap-cut handshake leaves the rest unanalysed ({@code detect.tunnel_not_followed}).
 * The handshake is re-read from its first byte as bytes arrive: it is short and bounded.
 */
final class SocksHandshake implements StreamHandler {
    /** Longest handshake followed, per direction: SOCKS 5 with a 255-byte user, password and host name. */
    private static final int MAX_HANDSHAKE = 1100;
    private static final int BASE_BYTES = 64;

    /** A handshake read to its end: its length in each direction, and what it opened. */
    private record Result(int clientLength, int serverLength, Tunnel tunnel) {
    }

    private static final Result FAILED = new Result(-1, -1, null);

    private final int version;
    private final Analyzers analyzers;
    private final Weirds weirds;
    private final byte[][] buf = new byte[2][];
    private final int[] len = new int[2];
    private final long[] skip = new long[2];
    private StreamHandler tunnelled;
    private boolean failed;

    SocksHandshake(int version, Analyzers analyzers, Weirds weirds) {
        this.version = version;
        this.analyzers = analyzers;
        this.weirds = weirds;
    }

    @Override
    public void onData(Direction d, byte[] b, int off, int n) {
        if (tunnelled != null) {
            tunnelled.onData(d, b, off, n);
            return;
        }
        if (failed) {
            return;
        }
        int i = d.ordinal();
        if (len[i] + n > MAX_HANDSHAKE + ProtocolDetector.WINDOW) {
            fail();
            return;
        }
        if (buf[i] == null || buf[i].length < len[i] + n) {
            buf[i] = Arrays.copyOf(buf[i] == null ? new byte[0] : buf[i], Math.max(len[i] + n, 64));
        }
        System.arraycopy(b, off, buf[i], len[i], n);
        len[i] += n;
        Result r = version == 4 ? socks4() : socks5();
        if (r == FAILED) {
            fail();
        } else if (r != null) {
            open(r, d);
        } else if (len[0] > MAX_HANDSHAKE || len[1] > MAX_HANDSHAKE) {
            fail();
        }
    }

    @Override
    public void onGap(Direction d, long offset, long length) {
        if (tunnelled != null) {
            tunnelled.onGap(d, offset - skip[d.ordinal()], length);
        } else if (!failed) {
            fail();
        }
    }

    @Override
    public void onClose(CloseReason reason) {
        if (tunnelled != null) {
            tunnelled.onClose(reason);
        }
    }

    @Override
    public long heldBytes() {
        long h = BASE_BYTES;
        for (byte[] b : buf) {
            h += b == null ? 0 : 16 + b.length;
        }
        return h + (tunnelled == null ? 0 : tunnelled.heldBytes());
    }

    private void fail() {
        failed = true;
        weirds.count(DetectWeird.DETECT_TUNNEL_NOT_FOLLOWED);
        buf[0] = null;
        buf[1] = null;
    }

    /** The tunnel is open: what each side sent after the handshake starts its stream, earlier arrivals first. */
    private void open(Result r, Direction last) {
        skip[0] = r.clientLength();
        skip[1] = r.serverLength();
        tunnelled = new DetectingStreamHandler(analyzers, r.tunnel(), weirds);
        byte[][] rest = {Arrays.copyOfRange(buf[0], r.clientLength(), len[0]),
            Arrays.copyOfRange(buf[1], r.serverLength(), len[1])};
        buf[0] = null;
        buf[1] = null;
        for (Direction d : new Direction[] {last.reverse(), last}) {
            byte[] b = rest[d.ordinal()];
            if (b.length > 0) {
                tunnelled.onData(d, b, 0, b.length);
            }
        }
    }

    private int u8(int dir, int at) {
        return buf[dir][at] & 0xff;
    }

    private boolean has(int dir, int n) {
        return len[dir] >= n;
    }

    /** VN=4 CD DSTPORT DSTIP USERID NUL [HOST NUL when DSTIP is 0.0.0.x]; reply 0 CD(90 granted) PORT IP. */
    private Result socks4() {
        int c = 0;
        int s = 1;
        if (has(s, 2) && u8(s, 1) != 0x5a) {
            return FAILED;
        }
        int user = indexOf0(c, 8);
        if (user < 0) {
            return null;
        }
        if (u8(c, 1) != 1) {
            return FAILED;
        }
        int end = user + 1;
        String host;
        if (u8(c, 4) == 0 && u8(c, 5) == 0 && u8(c, 6) == 0 && u8(c, 7) != 0) {
            int h = indexOf0(c, end);
            if (h < 0) {
                return null;
            }
            host = new String(buf[c], end, h - end, StandardCharsets.ISO_8859_1);
            end = h + 1;
        } else {
            host = ConnectionId.address(Arrays.copyOfRange(buf[c], 4, 8));
        }
        if (!has(s, 8)) {
            return null;
        }
        return new Result(end, 8, new Tunnel(Tunnel.Kind.SOCKS4, host, u8(c, 2) << 8 | u8(c, 3)));
    }

    private int indexOf0(int dir, int from) {
        for (int i = from; i < len[dir]; i++) {
            if (buf[dir][i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Greeting VER=5 NMETHODS METHODS; choice VER METHOD; [RFC 1929: 1 ULEN USER PLEN PASS; 1 STATUS];
     * request VER CMD RSV ATYP ADDR PORT; reply VER REP RSV ATYP ADDR PORT.
     */
    private Result socks5() {
        int c = 0;
        int s = 1;
        if (!has(c, 2) || !has(s, 2)) {
            return null;
        }
        int cp = 2 + u8(c, 1);
        if (!has(c, cp)) {
            return null;
        }
        int method = u8(s, 1);
        if (method != 0 && method != 2) {
            return FAILED;
        }
        int sp = 2;
        if (method == 2) {
            if (!has(c, cp + 2)) {
                return null;
            }
            if (u8(c, cp) != 1) {
                return FAILED;
            }
            int plenAt = cp + 2 + u8(c, cp + 1);
            if (!has(c, plenAt + 1)) {
                return null;
            }
            cp = plenAt + 1 + u8(c, plenAt);
            if (!has(s, sp + 2)) {
                return null;
            }
            if (u8(s, sp + 1) != 0) {
                return FAILED;
            }
            sp += 2;
        }
        if (!has(c, cp + 5)) {
            return null;
        }
        if (u8(c, cp) != 5 || u8(c, cp + 1) != 1) {
            return FAILED;
        }
        int addrEnd = addressEnd(c, cp + 3);
        if (addrEnd < 0 || !has(c, addrEnd + 2)) {
            return addrEnd == -2 ? FAILED : null;
        }
        String host = switch (u8(c, cp + 3)) {
            case 1 -> ConnectionId.address(Arrays.copyOfRange(buf[c], cp + 4, cp + 8));
            case 4 -> ConnectionId.address(Arrays.copyOfRange(buf[c], cp + 4, cp + 20));
            default -> new String(buf[c], cp + 5, u8(c, cp + 4), StandardCharsets.ISO_8859_1);
        };
        int port = u8(c, addrEnd) << 8 | u8(c, addrEnd + 1);
        if (!has(s, sp + 2)) {
            return null;
        }
        if (u8(s, sp) != 5 || u8(s, sp + 1) != 0) {
            return FAILED;
        }
        if (!has(s, sp + 5)) {
            return null;
        }
        int replyEnd = addressEnd(s, sp + 3);
        if (replyEnd < 0 || !has(s, replyEnd + 2)) {
            return replyEnd == -2 ? FAILED : null;
        }
        return new Result(addrEnd + 2, replyEnd + 2, new Tunnel(Tunnel.Kind.SOCKS5, host, port));
    }

    /** End of an ATYP-prefixed address at {@code at}: -1 when not all there yet, -2 for an unknown type. */
    private int addressEnd(int dir, int at) {
        if (!has(dir, at + 2)) {
            return -1;
        }
        return switch (u8(dir, at)) {
            case 1 -> at + 5;
            case 4 -> at + 17;
            case 3 -> at + 2 + u8(dir, at + 1);
            default -> -2;
        };
    }
}
