package net.sguil.bridge.fuzz;

import static net.sguil.bridge.fuzz.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.http.HttpExchange;
import net.sguil.bridge.http.HttpFlow;
import net.sguil.bridge.http.HttpLimits;
import net.sguil.bridge.http.HttpSessionParser;
import net.sguil.bridge.tcp.ConnectionId;
import net.sguil.bridge.weird.Weirds;

/**
 * The HTTP session parser fed both directions of a connection as a {@link StreamScript}. Byte 0
 * chooses the limits (bit 0: tiny ones, so that line, head, header-count, body-head and pipelining
 * bounds are reached) and whether the handshake was seen (bit 1).
 *
 * <p>Beyond "nothing escapes": every request the parser saw is reported exactly once, in order
 * (indexes 1, 2, …), none after the connection closed; what a transaction keeps is within the limits
 * (the framing fields excepted from the header count, as {@link HttpLimits} says).
 */
class HttpParserFuzzTest {
    static final HttpLimits TINY = new HttpLimits(32, 96, 3, 8, 3);
    private static final long T0 = Instant.parse("2026-01-02T03:04:05Z").getEpochSecond() * 1_000_000_000L;

    @FuzzTest
    void parseSession(byte[] input) {
        if (input.length == 0) {
            return;
        }
        HttpLimits limits = (input[0] & 1) != 0 ? TINY : HttpLimits.defaults();
        long[] now = {T0};
        List<HttpExchange> seen = new ArrayList<>();
        boolean[] closed = new boolean[1];
        HttpFlow flow = new HttpFlow(new ConnectionId("10.0.0.1", 40000, "10.0.0.2", 80, Instant.ofEpochSecond(0, T0),
                (input[0] & 2) != 0), () -> now[0]);
        HttpSessionParser parser = new HttpSessionParser(limits, flow, t -> {
            check(!closed[0], "transaction after close");
            seen.add(t);
        }, new Weirds());
        StreamScript.play(input, 1, parser, (d, offset) -> now[0] += 1_000_000);
        closed[0] = true;

        for (int i = 0; i < seen.size(); i++) {
            HttpExchange t = seen.get(i);
            check(t.index() == i + 1, "transaction " + t.index() + " reported as number " + (i + 1));
            check(t.requestBodyHead().length() <= limits.bodyHeadBytes(), "body head over the limit");
            check(t.requestBodySize() >= t.requestBodyHead().length(), "body smaller than its head");
            check(t.uri().length() <= limits.maxLineLength(), "URI longer than a line");
            long kept = 0;
            int others = 0;
            for (Map.Entry<String, String> h : t.headers()) {
                kept += h.getKey().length() + h.getValue().length();
                // Framing fields are kept past the limit: they are still obeyed.
                if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                    others++;
                }
            }
            check(others <= limits.maxHeaders(), others + " headers kept");
            check(kept <= limits.maxHeadBytes(), kept + " header bytes kept");
        }
        // The parser sees no request the listener is not told about: a second close changes nothing.
        int n = seen.size();
        closed[0] = false;
        parser.onClose(net.sguil.bridge.tcp.CloseReason.END_OF_CAPTURE);
        check(seen.size() == n, "a second close reported more");
    }
}
