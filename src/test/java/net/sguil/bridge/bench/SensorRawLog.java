package net.sguil.bridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.testpcap.HttpSessions;
import net.sguil.bridge.testpcap.MailSessions;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.PcapWriter;

/**
 * Writes a sensor's RAW_LOG_DIR for the analyst-request bench (bench/requests.sh): {@value #HOURS}
 * hourly capture files {@code DIR/<YYYY-MM-DD>/snort.log.<epoch>} from {@link #START}, of about
 * FILE_MB each, as {@link RawLogLocator} finds them. Each file is the background web traffic of a
 * busy link ({@link WebCorpus} browse sessions, {@value #OPEN} connections interleaved, 0.1 % of
 * segments damaged, as in {@link SensorCapture}) spread evenly over its hour, with the target
 * sessions of {@link #targets} merged in at their times. Prints the counts on one line.
 * Usage: SensorRawLog DIR FILE_MB REQUESTS
 */
public final class SensorRawLog {
    public static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    public static final int HOURS = 24;
    public static final String PREFIX = "snort.log";
    private static final int OPEN = 150;
    private static final long HOUR_NANOS = 3_600_000_000_000L;

    /**
     * One session an analyst will ask about: an SMTP session carrying an executable
     * ({@link MailSessions#invoiceExe}) or an accepted HTTP PUT ({@link HttpSessions#acceptedPut}),
     * each from its own client address and port.
     */
    public record Target(int index, boolean smtp, String client, int clientPort, String server, int serverPort,
                         Instant start) {
        List<Packet> packets() {
            long nanos = start.getEpochSecond() * 1_000_000_000L;
            return smtp ? MailSessions.invoiceExe(client, clientPort, server, serverPort, nanos)
                    : HttpSessions.acceptedPut(client, clientPort, server, serverPort, nanos);
        }
    }

    private SensorRawLog() {
    }

    /** {@code n} sessions spread evenly over the {@value #HOURS} hours, SMTP and PUT in turn. */
    public static List<Target> targets(int n) {
        long spacing = HOURS * 3600L / n;
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean smtp = i % 2 == 0;
            String client = (smtp ? "198.51.100." : "203.0.113.") + (1 + i % 250);
            out.add(new Target(i, smtp, client, 40000 + i, smtp ? "10.1.1.25" : "10.1.1.80", smtp ? 25 : 80,
                    START.plusSeconds(i * spacing + spacing / 3)));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long fileBytes = Long.parseLong(args[1]) << 20;
        List<Packet> targets = new ArrayList<>();
        for (Target t : targets(Integer.parseInt(args[2]))) {
            targets.addAll(t.packets());
        }
        targets.sort(Comparator.comparingLong(Packet::tsNanos));
        SplittableRandom r = new SplittableRandom(20261102);
        TcpFlow.Damage damage = new TcpFlow.Damage();
        TcpFlow[] open = new TcpFlow[OPEN];
        int[] flows = {0};
        for (int i = 0; i < OPEN; i++) {
            open[i] = background(r, damage, flows);
        }
        int next = 0;
        long frames = 0;
        long bytes = 0;
        for (int h = 0; h < HOURS; h++) {
            Instant fileStart = START.plusSeconds(h * 3600L);
            long hourStart = fileStart.getEpochSecond() * 1_000_000_000L;
            double nanosPerByte = (double) HOUR_NANOS / fileBytes;
            Path day = Files.createDirectories(dir.resolve(RawLogLocator.dayDirectory(fileStart)));
            try (PcapWriter w = PcapWriter.open(day.resolve(PREFIX + "." + fileStart.getEpochSecond()))) {
                long written = 24;
                while (written < fileBytes) {
                    long clock = hourStart + (long) (written * nanosPerByte);
                    for (; next < targets.size() && targets.get(next).tsNanos() <= clock; next++) {
                        written += write(w, targets.get(next));
                    }
                    int k = r.nextInt(OPEN);
                    byte[] frame = open[k].nextFrame();
                    if (frame == null) {
                        open[k] = background(r, damage, flows);
                        continue;
                    }
                    written += write(w, new Packet(clock, frame));
                    frames++;
                }
                for (; next < targets.size() && targets.get(next).tsNanos() < hourStart + HOUR_NANOS; next++) {
                    written += write(w, targets.get(next));
                }
                bytes += written;
            }
        }
        System.out.println("files=" + HOURS + " bytes=" + bytes + " background_frames=" + frames + " background_connections="
                + flows[0] + " retransmitted=" + damage.retransmitted + " reordered=" + damage.reordered
                + " target_packets=" + targets.size());
    }

    private static long write(PcapWriter w, Packet p) throws IOException {
        w.writePacket(0, p.tsNanos(), p.frame(), p.originalLength());
        return 16 + p.frame().length;
    }

    private static TcpFlow background(SplittableRandom r, TcpFlow.Damage damage, int[] flows) {
        int n = ++flows[0];
        WebCorpus.Session s = WebCorpus.browse(r);
        return new TcpFlow("172.16." + (n >> 8 & 0xff) + "." + (n & 0xff), 1024 + n % 60000,
                "192.168.1." + (1 + n % 200), 80, s.turns(), r.nextLong(), SensorCapture.DAMAGE_RATE, damage);
    }
}
