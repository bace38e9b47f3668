package net.sguil.bridge.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.ConnectionId;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.testpcap.EverySplit;
import net.sguil.bridge.weird.Weirds;

/**
 * A conversation fed straight into an {@link HttpSessionParser}, cut into pieces as a test asks
 * (whole, fixed sizes, random splits); records the transactions. Step {@code k} happens at capture
 * time {@code k} seconds after {@link #T0}.
 */
final class HttpScript {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private record Step(Direction direction, byte[] bytes, long gap) {
    }

    private final List<Step> steps = new ArrayList<>();
    final List<HttpExchange> transactions = new ArrayList<>();
    Weirds weirds = new Weirds();
    HttpLimits limits = HttpLimits.defaults();
    boolean established = true;
    /** When positive, each step is cut once, after its {@code split}-th byte. */
    private int split;

    HttpScript c(String s) {
        return c(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    HttpScript c(byte[] b) {
        steps.add(new Step(Direction.CLIENT_TO_SERVER, b, 0));
        return this;
    }

    HttpScript s(String s) {
        return s(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    HttpScript s(byte[] b) {
        steps.add(new Step(Direction.SERVER_TO_CLIENT, b, 0));
        return this;
    }

    HttpScript gap(Direction d, long length) {
        steps.add(new Step(d, null, length));
        return this;
    }

    HttpScript run(int piece) {
        return run(piece, null);
    }

    /**
     * Runs the script once for every cut position: run {@code k} cuts each step after its
     * {@code k}-th byte (steps no longer than that whole), and {@code check} asserts on each run.
     */
    HttpScript forEverySplit(java.util.function.Consumer<HttpScript> check) {
        EverySplit.run(steps.stream().map(Step::bytes).filter(b -> b != null).toList(), k -> {
            split = k;
            run(0, null);
            check.accept(this);
        });
        split = 0;
        return this;
    }

    HttpScript runRandomSplits(long seed) {
        return run(0, new Random(seed));
    }

    HttpExchange only() {
        if (transactions.size() != 1) {
            throw new AssertionError("expected one transaction, got " + transactions);
        }
        return transactions.get(0);
    }

    private HttpScript run(int piece, Random random) {
        transactions.clear();
        weirds = new Weirds();
        long[] now = {0};
        HttpFlow flow = new HttpFlow(new ConnectionId("10.0.0.1", 40000, "10.0.0.2", 80, T0, !established),
                () -> now[0]);
        HttpSessionParser p = new HttpSessionParser(limits, flow, transactions::add, weirds);
        long[] offsets = new long[2];
        long base = T0.getEpochSecond() * 1_000_000_000L;
        for (int k = 0; k < steps.size(); k++) {
            Step st = steps.get(k);
            now[0] = base + k * 1_000_000_000L;
            int d = st.direction().ordinal();
            if (st.bytes() == null) {
                p.onGap(st.direction(), offsets[d], st.gap());
                offsets[d] += st.gap();
                continue;
            }
            byte[] b = st.bytes();
            int i = 0;
            while (i < b.length) {
                int n = random != null ? 1 + random.nextInt(Math.min(b.length - i, 23))
                        : split > 0 ? EverySplit.piece(split, i, b.length)
                        : piece == 0 ? b.length - i : Math.min(piece, b.length - i);
                // A copy per call: the parser must not keep references to the caller's buffer.
                byte[] copy = new byte[b.length];
                System.arraycopy(b, i, copy, i, n);
                p.onData(st.direction(), copy, i, n);
                i += n;
            }
            offsets[d] += b.length;
        }
        p.onClose(CloseReason.FIN);
        return this;
    }
}
