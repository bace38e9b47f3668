package net.sguil.bridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import net.sguil.bridge.testpcap.PcapWriter;

/**
 * Writes a deterministic capture of mail (and, with {@code --http}, web) traffic as a sensor on a
 * busy link sees it: MTU-sized Ethernet frames; connections arriving at random as if the link carried
 * {@value #LINK_MB_PER_S} MB/s, each sending a frame every 1–3 ms (so 150 or more are open at once,
 * their packets interleaved in time); 0.1 % of data segments retransmitted and 0.1 % out of
 * order; the SMTP sessions of {@link MailCorpus} (base64, quoted-printable and 7bit attachments of
 * 10 KB to 5 MB) and, mixed in, the HTTP sessions of {@link WebCorpus} (about two thirds of the
 * bytes). Writes {@code OUT.manifest} ({@link Manifest}) and prints the counts on one line.
 * Usage: SensorCapture OUT.pcap SIZE_MB [--http | --http-only]
 */
public final class SensorCapture {
    static final int LINK_MB_PER_S = 200;
    static final double DAMAGE_RATE = 0.001;
    /** Headers of a full segment and half a pure ACK, per payload byte. */
    private static final double FRAMING = 1 + (16 + 54 + (16 + 54) / 2.0) / TcpFlow.MSS;

    /** A connection and the capture time of its next frame. */
    private static final class Scheduled {
        final TcpFlow flow;
        final long meanGapNanos;
        final long order;
        long time;

        Scheduled(TcpFlow flow, long time, long meanGapNanos, long order) {
            this.flow = flow;
            this.time = time;
            this.meanGapNanos = meanGapNanos;
            this.order = order;
        }
    }

    private SensorCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) << 20;
        String mode = args.length > 2 ? args[2] : "";
        int mailShare = switch (mode) {
            case "--http" -> 5;
            case "--http-only" -> 0;
            default -> 100;
        };
        SplittableRandom r = new SplittableRandom(20061122);
        Manifest manifest = new Manifest();
        TcpFlow.Damage damage = new TcpFlow.Damage();
        PriorityQueue<Scheduled> open = new PriorityQueue<>(
                Comparator.<Scheduled>comparingLong(x -> x.time).thenComparingLong(x -> x.order));
        long planned = 0;
        long written = 24;
        long frames = 0;
        int maxOpen = 0;
        int smtp = 0;
        int messages = 0;
        int attachments = 0;
        int http = 0;
        int transactions = 0;
        int puts = 0;
        int accepted = 0;
        long arrival = 1_150_990_039_000_000_000L;
        try (PcapWriter w = PcapWriter.open(out)) {
            while (true) {
                if (planned < target && (open.isEmpty() || arrival <= open.peek().time)) {
                    TcpFlow flow;
                    long bytes;
                    if (r.nextInt(100) < mailShare) {
                        smtp++;
                        MailCorpus.Session s = MailCorpus.session(r, smtp, manifest);
                        messages += s.messages();
                        attachments += s.attachments();
                        bytes = (long) (s.estimatedBytes() * FRAMING);
                        flow = new TcpFlow("10.1." + (smtp >> 8 & 0xff) + "." + (smtp & 0xff), 1024 + smtp % 60000,
                                "192.168.1.25", 25, s.turns(), r.nextLong(), DAMAGE_RATE, damage);
                    } else {
                        http++;
                        WebCorpus.Session s;
                        String client;
                        if (r.nextInt(100) < 5) {
                            // every PUT from its own address: one event of drl/put-defacement.drl each
                            puts++;
                            boolean ok = r.nextBoolean();
                            accepted += ok ? 1 : 0;
                            s = WebCorpus.put(ok, r.nextBoolean());
                            client = "10.66." + (puts >> 8 & 0xff) + "." + (puts & 0xff);
                        } else {
                            s = WebCorpus.browse(r);
                            client = "172.16." + (http >> 8 & 0xff) + "." + (http & 0xff);
                        }
                        transactions += s.transactions();
                        bytes = (long) (s.estimatedBytes() * FRAMING);
                        flow = new TcpFlow(client, 1024 + http % 60000, "192.168.1." + (1 + http % 200),
                                r.nextInt(10) == 0 ? 8080 : 80, s.turns(), r.nextLong(), DAMAGE_RATE, damage);
                    }
                    planned += bytes;
                    open.add(new Scheduled(flow, arrival, 1_000_000 + r.nextLong(2_000_000), smtp + http));
                    maxOpen = Math.max(maxOpen, open.size());
                    // Poisson arrivals carrying LINK_MB_PER_S on average
                    arrival += (long) (-Math.log(1 - r.nextDouble()) * bytes * 1e9 / (LINK_MB_PER_S << 20));
                    continue;
                }
                Scheduled next = open.poll();
                if (next == null) {
                    break;
                }
                byte[] frame = next.flow.nextFrame();
                if (frame == null) {
                    continue;
                }
                w.writePacket(0, next.time, frame, frame.length);
                written += 16 + frame.length;
                frames++;
                next.time += next.meanGapNanos / 2 + r.nextLong(next.meanGapNanos);
                open.add(next);
            }
        }
        manifest.write(Path.of(out + ".manifest"));
        System.out.println("frames=" + frames + " bytes=" + written + " max_open_connections=" + maxOpen
                + " retransmitted=" + damage.retransmitted + " reordered=" + damage.reordered
                + " smtp_sessions=" + smtp + " messages=" + messages + " attachments=" + attachments
                + " http_sessions=" + http + " http_transactions=" + transactions + " put_attempts=" + puts
                + " put_succeeded=" + accepted + " put_refused=" + (puts - accepted) + " expected_put_events=" + puts);
    }
}
