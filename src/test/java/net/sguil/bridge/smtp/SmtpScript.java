package net.sguil.bridge.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.testpcap.EverySplit;
import net.sguil.bridge.weird.Weirds;

/**
 * A conversation to feed an {@link SmtpSessionParser} directly, cut into pieces in whatever way a
 * test asks (whole, byte by byte, random splits), and a recorder of what the parser reported.
 */
final class SmtpScript {
    record Step(Direction direction, byte[] bytes, long gap) {
    }

    static final class Message {
        int index;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Long> gaps = new ArrayList<>();
        MessageOutcome outcome;
        SmtpEnvelope envelope;

        String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    final List<Step> steps = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    Weirds weirds = new Weirds();
    SmtpLimits limits = SmtpLimits.defaults();
    SmtpSessionSummary summary;
    private int split;

    SmtpScript c(String s) {
        steps.add(new Step(Direction.CLIENT_TO_SERVER, s.getBytes(StandardCharsets.ISO_8859_1), 0));
        return this;
    }

    SmtpScript s(String s) {
        steps.add(new Step(Direction.SERVER_TO_CLIENT, s.getBytes(StandardCharsets.ISO_8859_1), 0));
        return this;
    }

    SmtpScript gap(Direction d, long length) {
        steps.add(new Step(d, null, length));
        return this;
    }

    /** Runs the script with each step cut into pieces of at most {@code piece} bytes (0 = whole). */
    SmtpScript run(int piece) {
        return run(piece, null);
    }

    /**
     * Runs the script once for every cut position: run {@code k} cuts each step after its
     * {@code k}-th byte (steps no longer than that whole), and {@code check} asserts on each run.
     */
    SmtpScript forEverySplit(java.util.function.Consumer<SmtpScript> check) {
        EverySplit.run(steps.stream().map(Step::bytes).filter(b -> b != null).toList(), k -> {
            split = k;
            run(0, null);
            check.accept(this);
        });
        split = 0;
        return this;
    }

    /** Runs the script with each step cut at random places. */
    SmtpScript runRandomSplits(long seed) {
        return run(0, new Random(seed));
    }

    private SmtpScript run(int piece, Random random) {
        messages.clear();
        weirds = new Weirds();
        SmtpSessionParser p = new SmtpSessionParser(limits, new SmtpListener() {
            @Override
            public MessageBody beginMessage(int index) {
                Message m = new Message();
                m.index = index;
                messages.add(m);
                return new MessageBody() {
                    @Override
                    public void write(byte[] b, int off, int len) {
                        if (m.outcome != null) {
                            throw new AssertionError("write after end");
                        }
                        m.bytes.write(b, off, len);
                    }

                    @Override
                    public void gap(long length) {
                        m.gaps.add(length);
                    }

                    @Override
                    public void end(MessageOutcome outcome, SmtpEnvelope envelope) {
                        if (m.outcome != null) {
                            throw new AssertionError("ended twice");
                        }
                        m.outcome = outcome;
                        m.envelope = envelope;
                    }
                };
            }

            @Override
            public void sessionEnded(SmtpSessionSummary s) {
                summary = s;
            }
        }, weirds);
        long[] offsets = new long[2];
        for (Step st : steps) {
            int d = st.direction().ordinal();
            if (st.bytes() == null) {
                p.onGap(st.direction(), offsets[d], st.gap());
                offsets[d] += st.gap();
                continue;
            }
            byte[] b = st.bytes();
            int i = 0;
            while (i < b.length) {
                int n = random != null ? 1 + random.nextInt(Math.min(b.length - i, 17))
                        : split > 0 ? EverySplit.piece(split, i, b.length)
                        : piece == 0 ? b.length - i : Math.min(piece, b.length - i);
                p.onData(st.direction(), b, i, n);
                i += n;
            }
            offsets[d] += b.length;
        }
        p.onClose(CloseReason.FIN);
        return this;
    }
}
