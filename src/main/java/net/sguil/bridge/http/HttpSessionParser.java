package net.sguil.bridge.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.pcap.CaptureTime;
import net.sguil.bridge.http.StartLines.RequestLine;
import net.sguil.bridge.http.StartLines.StatusLine;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;

/**
 * Follows one HTTP/1.0 or 1.1 connection: requests from the client, responses from the server,
 * each final response paired with the oldest request still waiting for one (what pipelining
 * guarantees). Interim 1xx responses such as {@code 100 Continue} are skipped.
 *
 * <p>Each direction is a small state machine: a message head ({@link HeadReader}), then a body
 * ({@link BodyReader}: Content-Length, chunked, or until close for responses; none for HEAD
 * requests and 1xx/204/304 responses), then the next head. A capture gap inside a body is counted
 * into that body and marks it incomplete; a gap in a head, or one running past a body's end, makes
 * that direction resynchronise on the next line that is a valid start line. Anything unparseable
 * makes the analyzer give up on that direction, with a counted weird ({@code http.*}); it never
 * throws on input.
 */
public final class HttpSessionParser implements StreamHandler {
    private enum Mode { HEAD, BODY, DEAD, TUNNEL }

    private final HttpLimits limits;
    private final HttpFlow flow;
    private final HttpListener listener;
    private final Weirds weirds;
    private final ArrayDeque<PendingExchange> pending = new ArrayDeque<>();

    private final HeadReader<RequestLine> requestHead;
    private final BodyReader requestBody;
    private Mode clientMode = Mode.HEAD;
    private PendingExchange uploading;
    private long clientOffset;
    private long clientBytes;
    private long requestHeadOffset;
    private long requestHeadNanos;
    private int requests;

    private final HeadReader<StatusLine> responseHead;
    private final BodyReader responseBody;
    private Mode serverMode = Mode.HEAD;
    private long serverBytes;
    private long responseHeadNanos;

    private long gaps;
    private boolean closed;
    /** The limit that stopped the analysis of the server's side, or null. */
    private HttpWeird serverDeadBy;

    /** A CONNECT's payload, once the proxy accepted it: where each direction's later bytes go. */
    private StreamHandler tunnel;
    private final long[] tunnelStart = {-1, -1};
    private long serverOffset;
    private long clientBytesBeforeTunnel;

    public HttpSessionParser(HttpLimits limits, HttpFlow flow, HttpListener listener, Weirds weirds) {
        this.limits = limits;
        this.flow = flow;
        this.listener = listener;
        this.weirds = weirds;
        this.requestHead = new HeadReader<>(limits, weirds, StartLines::request, HttpWeird.HTTP_REQUEST_LINE_INVALID);
        this.requestBody = new BodyReader(limits, weirds);
        this.responseHead = new HeadReader<>(limits, weirds, StartLines::status, HttpWeird.HTTP_STATUS_LINE_INVALID);
        this.responseBody = new BodyReader(limits, weirds);
    }

    @Override
    public void onData(Direction direction, byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        if (direction == Direction.CLIENT_TO_SERVER) {
            clientBytes += len;
            clientData(buf, off, len);
            clientOffset += len;
        } else {
            serverBytes += len;
            serverData(buf, off, len);
            serverOffset += len;
        }
        drain();
    }

    @Override
    public void onGap(Direction direction, long streamOffset, long length) {
        if (closed) {
            return;
        }
        gaps++;
        if ((direction == Direction.CLIENT_TO_SERVER ? clientMode : serverMode) == Mode.TUNNEL) {
            if (tunnel != null) {
                tunnel.onGap(direction, streamOffset - tunnelStart(direction, streamOffset), length);
            } else {
                clientBytesBeforeTunnel += length;
            }
        } else if (direction == Direction.CLIENT_TO_SERVER) {
            clientGap(length);
        } else {
            serverGap(length);
        }
        if (direction == Direction.CLIENT_TO_SERVER) {
            clientOffset += length;
        } else {
            serverOffset += length;
        }
        drain();
    }

    @Override
    public void onClose(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        if (clientMode == Mode.BODY) {
            weirds.count(HttpWeird.HTTP_REQUEST_BODY_INCOMPLETE);
            uploading.incomplete();
            requestDone();
        } else if (clientMode == Mode.HEAD && requestHead.state() == HeadReader.State.FIELDS) {
            weirds.count(HttpWeird.HTTP_REQUEST_HEAD_INCOMPLETE);
            requestHeadDone(false);
        }
        if (clientBytes == 0) {
            weirds.count(HttpWeird.HTTP_CLIENT_SILENT);
        } else if (serverBytes == 0) {
            weirds.count(HttpWeird.HTTP_SERVER_SILENT);
        }
        while (!pending.isEmpty()) {
            PendingExchange e = pending.poll();
            e.requestDone = true;
            emit(e);
        }
        if (tunnel != null) {
            tunnel.onClose(reason);
        }
    }

    @Override
    public long heldBytes() {
        return 512 + requestHead.heldBytes() + responseHead.heldBytes() + 512L * pending.size()
                + (tunnel == null ? 0 : tunnel.heldBytes());
    }

    /** Bytes {@code [off, off+len)} at stream offset {@code at} belong to the CONNECT tunnel. */
    private void toTunnel(Direction d, byte[] b, int off, int len, long at) {
        if (tunnel != null) {
            tunnel.onData(d, b, off, len);
            tunnelStart(d, at);
        } else {
            // Sent before the proxy's answer: lost to the tunnel's analysis, which is told so when it opens.
            clientBytesBeforeTunnel += len;
        }
    }

    private long tunnelStart(Direction d, long at) {
        if (tunnelStart[d.ordinal()] < 0) {
            tunnelStart[d.ordinal()] = at;
        }
        return tunnelStart[d.ordinal()];
    }

    // ---- client ----

    private void clientData(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && clientMode != Mode.DEAD) {
            if (clientMode == Mode.TUNNEL) {
                toTunnel(Direction.CLIENT_TO_SERVER, b, i, end - i, clientOffset + (i - off));
                return;
            }
            if (clientMode == Mode.HEAD) {
                if (!requestHead.started()) {
                    requestHeadOffset = clientOffset + (i - off);
                    requestHeadNanos = flow.clock().getAsLong();
                }
                i += requestHead.feed(b, i, end - i);
                if (uploading == null && requestHead.startLine() != null) {
                    startRequest();
                }
                switch (requestHead.state()) {
                    case DONE -> requestHeadDone(true);
                    case FAILED -> clientMode = Mode.DEAD;
                    default -> { }
                }
            } else {
                i += requestBody.feed(b, i, end - i, uploading);
                if (requestBody.done()) {
                    requestDone();
                } else if (requestBody.failed()) {
                    uploading.incomplete();
                    uploading.cutBy(limitOrNull(requestBody.failure()));
                    requestDone();
                    clientMode = Mode.DEAD;
                }
            }
        }
    }

    private void clientGap(long length) {
        switch (clientMode) {
            case HEAD -> {
                weirds.count(HttpWeird.HTTP_GAP_IN_REQUEST_HEAD);
                if (requestHead.state() == HeadReader.State.FIELDS) {
                    requestHeadDone(false);
                }
                requestHead.reset(true);
            }
            case BODY -> {
                long absorbed = Math.min(length, requestBody.absorbable());
                uploading.lost(absorbed);
                requestBody.skip(absorbed);
                if (absorbed < length) {
                    weirds.count(HttpWeird.HTTP_GAP_PAST_REQUEST_BODY);
                    requestDone();
                    requestHead.reset(true);
                } else if (requestBody.done()) {
                    requestDone();
                }
            }
            case DEAD -> { }
        }
    }

    /**
     * The request line is known: the request is one from here on, so that a response the server
     * sends before the head ends (refusing an oversized header, say) is paired with it.
     */
    private void startRequest() {
        RequestLine rl = requestHead.startLine();
        if (!rl.versionOk() && !requestHead.startLineCut()) {
            weirds.count(HttpWeird.HTTP_BAD_VERSION);
        }
        // The version of a cut line is not known: what ends its first bytes is not the end of the line.
        PendingExchange e = new PendingExchange(++requests, rl.method(), rl.target(),
                requestHead.startLineCut() ? "" : rl.version(), requestHeadOffset == 0,
                CaptureTime.of(requestHeadNanos), limits.bodyHeadBytes());
        enqueue(e);
        uploading = e;
    }

    /** @param complete false when a gap or the end cut the head after its request line: report what is known */
    private void requestHeadDone(boolean complete) {
        RequestLine rl = requestHead.startLine();
        PendingExchange e = uploading;
        List<Map.Entry<String, String>> others = new ArrayList<>();
        String host = null;
        String agent = null;
        for (Map.Entry<String, String> f : requestHead.fields()) {
            if (host == null && f.getKey().equalsIgnoreCase("Host")) {
                host = f.getValue();
            } else if (agent == null && f.getKey().equalsIgnoreCase("User-Agent")) {
                agent = f.getValue();
            } else {
                others.add(f);
            }
        }
        e.head(complete, requestHead.prefix(), host == null ? "" : host, agent == null ? "" : agent, others);
        e.cutBy(requestHead.cut());
        if (!complete) {
            e.incomplete();
            requestDone();
            return;
        }
        Framing framing = requestHead.framingLost() ? null : Framing.of(requestHead.fields(), false, weirds);
        if (rl.method().equals("CONNECT")) {
            // What follows a CONNECT is a tunnel (usually TLS), not HTTP; it is followed if the proxy accepts.
            weirds.count(HttpWeird.HTTP_CONNECT_TUNNEL);
            requestDone();
            clientMode = Mode.TUNNEL;
        } else if (framing == null) {
            e.incomplete();
            requestDone();
            clientMode = Mode.DEAD;
        } else {
            requestBody.start(framing.kind(), framing.length());
            if (requestBody.done()) {
                requestDone();
            } else {
                clientMode = Mode.BODY;
            }
        }
    }

    private void requestDone() {
        uploading.requestDone = true;
        uploading = null;
        if (clientMode != Mode.DEAD) {
            clientMode = Mode.HEAD;
        }
        requestHead.reset(false);
    }

    private void enqueue(PendingExchange e) {
        if (pending.size() >= limits.maxPendingRequests()) {
            weirds.count(HttpWeird.HTTP_TOO_MANY_PENDING);
            PendingExchange oldest = pending.poll();
            oldest.requestDone = true;
            oldest.cutBy(HttpWeird.HTTP_TOO_MANY_PENDING);
            emit(oldest);
        }
        pending.add(e);
    }

    // ---- server ----

    private void serverData(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && serverMode != Mode.DEAD) {
            if (serverMode == Mode.TUNNEL) {
                toTunnel(Direction.SERVER_TO_CLIENT, b, i, end - i, serverOffset + (i - off));
                return;
            }
            if (serverMode == Mode.HEAD) {
                if (!responseHead.started()) {
                    responseHeadNanos = flow.clock().getAsLong();
                }
                i += responseHead.feed(b, i, end - i);
                switch (responseHead.state()) {
                    case DONE -> responseHeadDone(true);
                    case FAILED -> serverDead(limitOrNull(responseHead.failure()));
                    default -> { }
                }
            } else {
                i += responseBody.feed(b, i, end - i, (x, o, n) -> { });
                if (responseBody.done()) {
                    responseDone();
                } else if (responseBody.failed()) {
                    serverDead(limitOrNull(responseBody.failure()));
                }
            }
        }
    }

    private void serverGap(long length) {
        switch (serverMode) {
            case HEAD -> {
                weirds.count(HttpWeird.HTTP_GAP_IN_RESPONSE_HEAD);
                if (responseHead.state() == HeadReader.State.FIELDS) {
                    responseHeadDone(false);
                }
                responseHead.reset(true);
            }
            case BODY -> {
                long absorbed = Math.min(length, responseBody.absorbable());
                responseBody.skip(absorbed);
                if (absorbed < length) {
                    weirds.count(HttpWeird.HTTP_GAP_PAST_RESPONSE_BODY);
                    responseHead.reset(true);
                    serverMode = Mode.HEAD;
                } else if (responseBody.done()) {
                    responseDone();
                }
            }
            case DEAD -> { }
        }
    }

    private void responseHeadDone(boolean complete) {
        StatusLine sl = responseHead.startLine();
        int status = sl.status();
        if (status < 200 && status != 101) {
            // 100 Continue and the other interim responses precede the final one.
            responseDone();
            return;
        }
        if (!sl.versionOk() && !responseHead.startLineCut()) {
            weirds.count(HttpWeird.HTTP_BAD_VERSION);
        }
        PendingExchange e = firstUnanswered();
        String method = e == null ? "" : e.method;
        if (e == null) {
            weirds.count(HttpWeird.HTTP_UNMATCHED_RESPONSE);
        } else {
            e.response(status, sl.reason(), CaptureTime.of(responseHeadNanos));
            e.cutBy(responseHead.cut());
        }
        if (!complete) {
            return;
        }
        if (status == 101 || (method.equals("CONNECT") && status < 300)) {
            weirds.count(HttpWeird.HTTP_PROTOCOL_SWITCH);
            serverMode = Mode.DEAD;
            clientMode = Mode.DEAD;
            tunnel = status == 101 || e == null ? null : listener.tunnel(e.build(flow.connection(), gaps));
            if (tunnel != null) {
                serverMode = Mode.TUNNEL;
                clientMode = Mode.TUNNEL;
                if (clientBytesBeforeTunnel > 0) {
                    tunnel.onGap(Direction.CLIENT_TO_SERVER, 0, clientBytesBeforeTunnel);
                    tunnelStart[0] = clientOffset - clientBytesBeforeTunnel;
                }
            }
            return;
        }
        if (method.equals("CONNECT")) {
            clientMode = Mode.DEAD;
        }
        boolean bodiless = method.equals("HEAD") || status == 204 || status == 304;
        if (!bodiless && responseHead.framingLost()) {
            serverDead(responseHead.cut());
            return;
        }
        Framing framing = bodiless ? Framing.NONE : Framing.of(responseHead.fields(), true, weirds);
        if (framing == null) {
            serverMode = Mode.DEAD;
            return;
        }
        responseBody.start(framing.kind(), framing.length());
        if (responseBody.done()) {
            responseDone();
        } else {
            serverMode = Mode.BODY;
        }
    }

    private void responseDone() {
        serverMode = Mode.HEAD;
        responseHead.reset(false);
    }

    private PendingExchange firstUnanswered() {
        for (PendingExchange e : pending) {
            if (!e.responseSeen) {
                return e;
            }
        }
        return null;
    }

    // ---- output ----

    private void drain() {
        while (!pending.isEmpty() && pending.peek().requestDone && pending.peek().responseSeen) {
            emit(pending.poll());
        }
    }

    private void emit(PendingExchange e) {
        if (!e.responseSeen) {
            e.cutBy(serverDeadBy);
        }
        listener.exchange(e.build(flow.connection(), gaps));
    }

    /**
     * The server's side is not followed further; when a limit stopped it, every request left
     * without its response says so.
     */
    private void serverDead(HttpWeird limit) {
        serverMode = Mode.DEAD;
        if (serverDeadBy == null) {
            serverDeadBy = limit;
        }
    }

    private static HttpWeird limitOrNull(HttpWeird w) {
        return w != null && w.isLimit() ? w : null;
    }
}
