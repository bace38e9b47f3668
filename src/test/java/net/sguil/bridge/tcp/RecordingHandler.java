package net.sguil.bridge.tcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records both streams of one connection, with gaps written as "[gap C@off+len]" entries. */
public class RecordingHandler implements StreamHandler {
    public final TcpConnection connection;
    public final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
    public final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    public final List<String> gaps = new ArrayList<>();
    public final List<String> events = new ArrayList<>();
    public CloseReason closed;

    public RecordingHandler(TcpConnection connection) {
        this.connection = connection;
    }

    @Override
    public void onData(Direction d, byte[] buf, int off, int len) {
        (d == Direction.CLIENT_TO_SERVER ? toServer : toClient).write(buf, off, len);
        events.add((d == Direction.CLIENT_TO_SERVER ? "C " : "S ") + new String(buf, off, len, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onGap(Direction d, long offset, long length) {
        String g = (d == Direction.CLIENT_TO_SERVER ? "C" : "S") + "@" + offset + "+" + length;
        gaps.add(g);
        events.add("gap " + g);
    }

    @Override
    public void onClose(CloseReason reason) {
        closed = reason;
    }

    public String clientStream() {
        return toServer.toString(StandardCharsets.ISO_8859_1);
    }

    public String serverStream() {
        return toClient.toString(StandardCharsets.ISO_8859_1);
    }
}
