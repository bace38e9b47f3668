package net.sguil.bridge.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectingStreamHandlerTest {
    private static final Direction C = Direction.CLIENT_TO_SERVER;
    private static final Direction S = Direction.SERVER_TO_CLIENT;

    private final Weirds weirds = new Weirds();
    private final List<Opened> opened = new ArrayList<>();

    /** An analyzer that records what it was opened for and the streams it got. */
    private static final class Opened implements StreamHandler {
        final Protocol protocol;
        final Tunnel tunnel;
        final ByteArrayOutputStream client = new ByteArrayOutputStream();
        final ByteArrayOutputStream server = new ByteArrayOutputStream();
        final List<String> gaps = new ArrayList<>();
        CloseReason closed;

        Opened(Protocol protocol, Tunnel tunnel) {
            this.protocol = protocol;
            this.tunnel = tunnel;
        }

        @Override
        public void onData(Direction d, byte[] b, int off, int len) {
            (d == C ? client : server).write(b, off, len);
        }

        @Override
        public void onGap(Direction d, long offset, long length) {
            gaps.add(d + "@" + offset + "+" + length);
        }

        @Override
        public void onClose(CloseReason reason) {
            closed = reason;
        }
    }

    private DetectingStreamHandler handler() {
        return new DetectingStreamHandler((p, t) -> {
            Opened o = new Opened(p, t);
            opened.add(o);
            return o;
        }, null, weirds);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code bytes} one byte at a time, the most awkward split there is. */
    private static void byteByByte(StreamHandler h, Direction d, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            h.onData(d, bytes, i, 1);
        }
    }

    @Test
    void aPutWhoseRequestLineOutgrowsTheWindowIsHttpFromItsFirstFourBytes() {
        String put = "PUT /" + "a".repeat(3000) + ".html HTTP/1.1\r\nHost: www\r\n\r\n";
        DetectingStreamHandler h = handler();
        h.onData(C, ascii(put), 0, 4);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).protocol).isEqualTo(Protocol.HTTP);
        h.onData(C, ascii(put), 4, put.length() - 4);
        assertThat(opened.get(0).client.toString(StandardCharsets.ISO_8859_1)).isEqualTo(put);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT / HTTP/1.\r\n", "PUT /HTTP/1.1\r\n", "PUT / HTTP/1.1\n", "PUT /x\n", "DELETE /y HTTP/9\r\n"})
    void aRequestWithABrokenVersionOrBareLfIsStillHttp(String line) {
        DetectingStreamHandler h = handler();
        byteByByte(h, C, ascii(line + "Host: h\r\n\r\nbody"));
        h.onClose(CloseReason.FIN);
        assertThat(opened).extracting(o -> o.protocol).containsExactly(Protocol.HTTP);
        assertThat(opened.get(0).closed).isEqualTo(CloseReason.FIN);
    }

    @Test
    void aVerbThatIsNoHttpMethodIsNotHttp() {
        DetectingStreamHandler h = handler();
        h.onData(C, ascii("PUTS /x HTTP/1.1\r\n\r\n"), 0, 20);
        h.onData(S, ascii("HELLO\r\n"), 0, 7);
        assertThat(opened).isEmpty();
        assertThat(weirds.get("detect.unknown_protocol")).isEqualTo(1);
    }

    @Test
    void theServersGreetingNamesSmtpAndTheStreamsAreReplayedInOrder() {
        DetectingStreamHandler h = handler();
        h.onData(S, ascii("220 mx ESMTP\r\n"), 0, 14);
        assertThat(opened).extracting(o -> o.protocol).containsExactly(Protocol.SMTP);
        assertThat(opened.get(0).tunnel).isNull();
        h.onData(C, ascii("EHLO x\r\n"), 0, 8);
        assertThat(opened.get(0).server.toString(StandardCharsets.ISO_8859_1)).isEqualTo("220 mx ESMTP\r\n");
        assertThat(opened.get(0).client.toString(StandardCharsets.ISO_8859_1)).isEqualTo("EHLO x\r\n");
    }

    @Test
    void aConnectRequestIsTheProxysHttp() {
        DetectingStreamHandler h = handler();
        byteByByte(h, C, ascii("CONNECT mx:25 HTTP/1.1\r\n\r\n"));
        assertThat(opened).extracting(o -> o.protocol).containsExactly(Protocol.HTTP_CONNECT);
    }

    private static final byte[] SOCKS5_GREETING = {5, 1, 0};
    private static final byte[] SOCKS5_CHOICE = {5, 0};
    private static final byte[] SOCKS5_REQUEST = {5, 1, 0, 3, 2, 'm', 'x', 0, 25};
    private static final byte[] SOCKS5_GRANTED = {5, 0, 0, 1, 10, 0, 0, 3, 0x04, 0x38};

    @Test
    void afterAGrantedSocks5ConnectTheTunnelIsDetectedAfreshAndKnowsItsDestination() {
        DetectingStreamHandler h = handler();
        byteByByte(h, C, SOCKS5_GREETING);
        byteByByte(h, S, SOCKS5_CHOICE);
        byteByByte(h, C, SOCKS5_REQUEST);
        byte[] granted = concat(SOCKS5_GRANTED, ascii("220 mx ESMTP\r\n"));
        byteByByte(h, S, granted);
        assertThat(opened).hasSize(1);
        Opened smtp = opened.get(0);
        assertThat(smtp.protocol).isEqualTo(Protocol.SMTP);
        assertThat(smtp.tunnel).isEqualTo(new Tunnel(Tunnel.Kind.SOCKS5, "mx", 25));
        h.onGap(C, SOCKS5_GREETING.length + SOCKS5_REQUEST.length + 4, 10);
        h.onClose(CloseReason.RESET);
        assertThat(smtp.server.toString(StandardCharsets.ISO_8859_1)).isEqualTo("220 mx ESMTP\r\n");
        assertThat(smtp.gaps).as("offsets within the tunnel's stream").containsExactly("CLIENT_TO_SERVER@4+10");
        assertThat(smtp.closed).isEqualTo(CloseReason.RESET);
    }

    @Test
    void aRefusedSocks5ConnectLeavesTheRestUnanalysed() {
        DetectingStreamHandler h = handler();
        h.onData(C, SOCKS5_GREETING, 0, 3);
        h.onData(S, SOCKS5_CHOICE, 0, 2);
        h.onData(C, SOCKS5_REQUEST, 0, SOCKS5_REQUEST.length);
        byte[] refused = SOCKS5_GRANTED.clone();
        refused[1] = 5;
        h.onData(S, refused, 0, refused.length);
        h.onData(S, ascii("220 mx ESMTP\r\n"), 0, 14);
        h.onClose(CloseReason.FIN);
        assertThat(opened).isEmpty();
        assertThat(weirds.get("detect.tunnel_not_followed")).isEqualTo(1);
    }

    @Test
    void aSocks4aRequestNamesItsHostAndAPlainOneItsAddress() {
        DetectingStreamHandler a = handler();
        byteByByte(a, C, concat(new byte[] {4, 1, 0, 80, 0, 0, 0, 9}, ascii("u\0www.example.com\0")));
        byteByByte(a, S, concat(new byte[] {0, 0x5a, 0, 0, 0, 0, 0, 0}, ascii("HTTP/1.1 200 OK\r\n")));
        DetectingStreamHandler plain = handler();
        byte[] request = concat(new byte[] {4, 1, 0, 25, (byte) 192, 0, 2, 7}, ascii("\0EHLO x\r\n"));
        plain.onData(C, request, 0, request.length);
        plain.onData(S, new byte[] {0, 0x5a, 0, 0, 0, 0, 0, 0}, 0, 8);
        assertThat(opened).extracting(o -> o.protocol, o -> o.tunnel).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Protocol.HTTP, new Tunnel(Tunnel.Kind.SOCKS4, "www.example.com", 80)),
                org.assertj.core.groups.Tuple.tuple(Protocol.SMTP, new Tunnel(Tunnel.Kind.SOCKS4, "192.0.2.7", 25)));
        assertThat(opened.get(1).client.toString(StandardCharsets.ISO_8859_1)).isEqualTo("EHLO x\r\n");
    }

    @Test
    void whatItHoldsIsReportedAndGivenUpOnceItDecides() {
        DetectingStreamHandler h = handler();
        assertThat(h.heldBytes()).isEqualTo(DetectingStreamHandler.BASE_BYTES);
        h.onData(C, ascii("XYZ"), 0, 3);
        assertThat(h.heldBytes()).isGreaterThan(DetectingStreamHandler.BASE_BYTES + 3);
        h.onData(S, ascii("220 mx ESMTP\r\n"), 0, 14);
        assertThat(h.heldBytes()).isEqualTo(DetectingStreamHandler.BASE_BYTES);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
