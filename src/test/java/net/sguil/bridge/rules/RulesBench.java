package net.sguil.bridge.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.facts.SguilAlert;

/**
 * The rules benchmark (run by {@code bench/rules.sh}): SguilAlert and SancpSession facts, interleaved
 * in time order over simulated days, through the shipped packs on the pseudo clock. Prints facts/s
 * and the live heap after a GC at the end of every fifth day (is it flat in the number of days?) and
 * the peak heap the JVM saw. Arguments: [alerts] [sessions] [days] [fire every ms of data time] [rule dir].
 */
public final class RulesBench {
    private static final Instant START = Instant.parse("2006-06-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        long alerts = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long sessions = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long fireEvery = args.length > 3 ? Long.parseLong(args[3]) : EngineLimits.defaults().replayFireEveryMillis();
        Path dir = Path.of(args.length > 4 ? args[4] : "drl");

        long t0 = System.nanoTime();
        RuleSet rules = KnowledgeBaseLoader.load(List.of(dir));
        System.out.printf("compiled %s in %d ms%n", dir, (System.nanoTime() - t0) / 1_000_000);

        long[] events = new long[1];
        RuleEngine engine = RuleEngine.replay(rules, RuleParameters.defaults(), e -> events[0]++, r -> { },
                EngineLimits.defaults().withReplayFireEveryMillis(fireEvery));
        SplittableRandom rnd = new SplittableRandom(42);
        long total = alerts + sessions;
        long spanMillis = days * 86_400_000L;
        long perDay = total / days;
        long nextReport = perDay * 5;
        long busyNanos = 0;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            Instant t = START.plusMillis(i * spanMillis / total);
            Object fact = rnd.nextLong(total) < alerts ? alert(rnd, i, t) : session(rnd, i, t);
            engine.insert(fact, t);
            if (i + 1 == nextReport || i + 1 == total) {
                engine.fireUntilQuiet();
                busyNanos += System.nanoTime() - start;
                System.gc();
                long live = heapUsed();
                System.out.printf("day %2d: %,10d facts in, %,7d in working memory, live heap after GC %,6.1f MB, %d events%n",
                        (i + 1) / perDay, i + 1, engine.factCount(), live / 1e6, events[0]);
                nextReport += perDay * 5;
                start = System.nanoTime();
            }
        }
        engine.close();
        double seconds = busyNanos / 1e9;
        System.out.printf("%,d facts (%,d alerts + %,d sessions) over %d days in %.1f s: %,.0f facts/s"
                + " (rules fired at least every %d ms of data time)%n", total, alerts, sessions, days, seconds,
                total / seconds, fireEvery);
        System.out.printf("peak heap (sum of heap pools' peaks): %,.1f MB of max %,.1f MB%n",
                peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf("events concluded: %d; weirds: %s%n", events[0], engine.weirds().snapshot());
    }

    private static final String[] SIGNATURES = new String[200];

    static {
        for (int i = 0; i < SIGNATURES.length; i++) {
            SIGNATURES[i] = "BENCH signature " + i;
        }
    }

    private static SguilAlert alert(SplittableRandom rnd, long i, Instant t) {
        // Skewed: a few signatures are very common; signature 7 bursts on day 20.
        int s = (int) Math.min(SIGNATURES.length - 1, Math.abs(rnd.nextGaussian()) * 30);
        if (t.isAfter(START.plusSeconds(20 * 86_400L)) && t.isBefore(START.plusSeconds(21 * 86_400L))
                && rnd.nextInt(4) == 0) {
            s = 7;
        }
        return new SguilAlert(1, i, "s1", SIGNATURES[s], 1, 2_000_000 + s, 1, t, 2, "misc-activity", 0,
                "198.51.100." + rnd.nextInt(256), "10.0." + rnd.nextInt(4) + "." + rnd.nextInt(256),
                1024 + rnd.nextInt(60000), 80, 6);
    }

    private static final int[] PORTS = {80, 443, 25, 53, 22, 110, 143, 993, 8080, 3389};

    static SancpSession session(SplittableRandom rnd, long i, Instant t) {
        boolean outbound = rnd.nextInt(4) != 0;
        String home = "10.0." + rnd.nextInt(4) + "." + rnd.nextInt(256);
        String away = "203.0.113." + rnd.nextInt(256);
        int port = PORTS[Math.min(PORTS.length - 1, (int) (Math.abs(rnd.nextGaussian()) * 3))];
        return new SancpSession(1, i, "s1", t, t.plusSeconds(5), 5, 6, outbound ? home : away,
                outbound ? away : home, 1024 + rnd.nextInt(60000), port, 10, 500 + rnd.nextInt(20_000), 10,
                500 + rnd.nextInt(200_000), 27, 27);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
