package net.sguil.bridge.smtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sguil.bridge.bytes.ByteScan;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;

/**
 * Follows one SMTP session: the client's commands in step with the server's replies.
 *
 * <p>Commands are matched to replies first-in first-out, which is what PIPELINING guarantees.
 * A command's effect (sender, recipient accepted, message begins) applies when its reply
 * arrives. The client is held back after DATA and STARTTLS until the reply says what its next
 * bytes are: a message (354), encrypted traffic (220), or more commands. If the reply was not
 * captured, the client is believed once it has sent more than a small command's worth, or when
 * the session ends ({@code smtp.reply_missing}). BDAT chunks are counted, not scanned, and a
 * gap inside a chunk counts toward its size, so the session stays in step across lost segments.
 */
public final class SmtpSessionParser implements StreamHandler {
    private enum Mode { COMMAND, HELD, DATA, BDAT, ENCRYPTED }

    private enum Cmd { GREETING, MAIL, RCPT, DATA, DATA_END, BDAT, BDAT_LAST, RSET, STARTTLS, OTHER }

    /** A command whose reply is outstanding; for an end of data, the message it ended. */
    private record Awaited(Cmd cmd, String argument, MessageBody message) {
    }

    private final SmtpLimits limits;
    private final SmtpListener listener;
    private final Weirds weirds;
    private final ArrayDeque<Awaited> awaited = new ArrayDeque<>();
    private final DotUnstuffer unstuffer = new DotUnstuffer();
    private final HeldBytes held;
    private final LineAccumulator serverLine;

    private Mode mode = Mode.COMMAND;
    private boolean skipToLineEnd;
    private String mailFrom;
    private final List<String> rcptTo = new ArrayList<>();
    private boolean repliesSeen = true;
    private MessageBody body;
    private long bdatRemaining;
    private boolean bdatLast;
    private int messages;
    private boolean starttls;
    private boolean closed;
    private long gaps;
    private long gapBytes;

    public SmtpSessionParser(SmtpLimits limits, SmtpListener listener, Weirds weirds) {
        this.limits = limits;
        this.listener = listener;
        this.weirds = weirds;
        this.held = new HeldBytes(limits.maxHeldClientBytes() + limits.maxLineLength());
        this.serverLine = new LineAccumulator(limits.maxLineLength());
        awaited.add(new Awaited(Cmd.GREETING, null, null));
    }

    @Override
    public void onData(Direction direction, byte[] buf, int off, int len) {
        if (mode == Mode.ENCRYPTED || closed) {
            return;
        }
        if (direction == Direction.SERVER_TO_CLIENT) {
            serverData(buf, off, len);
        } else {
            clientData(buf, off, len);
        }
    }

    @Override
    public void onGap(Direction direction, long streamOffset, long length) {
        gaps++;
        gapBytes += length;
        if (mode == Mode.ENCRYPTED || closed) {
            return;
        }
        if (direction == Direction.SERVER_TO_CLIENT) {
            weirds.count(SmtpWeird.SMTP_GAP_IN_REPLIES);
            serverLine.clear();
            return;
        }
        if (!held.isEmpty()) {
            // What the lost bytes were depends on a reply we are still waiting for: stop waiting.
            assumeRepliesLost();
            drainHeld();
        }
        clientGap(length);
    }

    @Override
    public void onClose(CloseReason reason) {
        if (closed) {
            return;
        }
        if (mode != Mode.ENCRYPTED) {
            if (mode == Mode.HELD || !held.isEmpty()) {
                assumeRepliesLost();
                drainHeld();
            }
        }
        assumeRepliesLost();
        if (body != null) {
            weirds.count(SmtpWeird.SMTP_MESSAGE_INCOMPLETE);
            finishBody(MessageOutcome.INCOMPLETE);
        }
        closed = true;
        listener.sessionEnded(new SmtpSessionSummary(messages, starttls, gaps, gapBytes));
    }

    @Override
    public long heldBytes() {
        return 512 + held.heldBytes() + serverLine.heldBytes() + 48L * (awaited.size() + rcptTo.size());
    }

    // ---- client side ----

    private void clientData(byte[] buf, int off, int len) {
        if (!held.isEmpty()) {
            held.append(buf, off, len, weirds);
            if (mode == Mode.HELD && held.size() > limits.maxHeldClientBytes()) {
                assumeRepliesLost();
            }
            drainHeld();
            return;
        }
        int used = consume(buf, off, len);
        if (used < len) {
            held.append(buf, off + used, len - used, weirds);
            if (mode == Mode.HELD && held.size() > limits.maxHeldClientBytes()) {
                assumeRepliesLost();
                drainHeld();
            }
        }
    }

    private void drainHeld() {
        while (!held.isEmpty()) {
            int used = consume(held.array(), held.start(), held.size());
            held.skip(used);
            if (used == 0) {
                if (mode == Mode.COMMAND && held.size() > limits.maxLineLength()) {
                    weirds.count(SmtpWeird.SMTP_LINE_TOO_LONG);
                    held.clear();
                    skipToLineEnd = true;
                }
                return;
            }
        }
    }

    /** @return bytes consumed; the rest must be offered again when more arrives or the client is released */
    private int consume(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            switch (mode) {
                case ENCRYPTED -> {
                    return len;
                }
                case HELD -> {
                    return i - off;
                }
                case DATA -> {
                    int n = unstuffer.feed(b, i, end - i, body);
                    if (n < 0) {
                        return len;
                    }
                    i += n;
                    mode = Mode.COMMAND;
                    await(Cmd.DATA_END, null, body);
                    body = null;
                }
                case BDAT -> {
                    int n = (int) Math.min(bdatRemaining, end - i);
                    body.write(b, i, n);
                    i += n;
                    bdatChunkProgress(n);
                }
                case COMMAND -> {
                    int nl = ByteScan.indexOf(b, i, end, (byte) '\n');
                    if (nl < 0) {
                        if (skipToLineEnd) {
                            return len;
                        }
                        if (end - i > limits.maxLineLength()) {
                            weirds.count(SmtpWeird.SMTP_LINE_TOO_LONG);
                            skipToLineEnd = true;
                            return len;
                        }
                        return i - off;
                    }
                    int lineEnd = nl > i && b[nl - 1] == '\r' ? nl - 1 : nl;
                    if (skipToLineEnd) {
                        skipToLineEnd = false;
                    } else {
                        command(new String(b, i, Math.min(lineEnd - i, limits.maxLineLength()),
                                StandardCharsets.ISO_8859_1));
                    }
                    i = nl + 1;
                }
            }
        }
        return len;
    }

    private void bdatChunkProgress(long n) {
        bdatRemaining -= n;
        if (bdatRemaining == 0) {
            mode = Mode.COMMAND;
            if (bdatLast) {
                await(Cmd.BDAT_LAST, null, body);
                body = null;
            }
        }
    }

    private void clientGap(long length) {
        switch (mode) {
            case DATA -> {
                body.gap(length);
                unstuffer.afterGap();
            }
            case BDAT -> {
                long n = Math.min(bdatRemaining, length);
                body.gap(n);
                bdatChunkProgress(n);
                if (length > n) {
                    clientGap(length - n);
                }
            }
            case COMMAND, HELD -> {
                weirds.count(SmtpWeird.SMTP_GAP_IN_COMMANDS);
                held.clear();
                skipToLineEnd = true;
            }
            case ENCRYPTED -> {
            }
        }
    }

    private void command(String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        String verb = upper.length() >= 4 ? upper.substring(0, 4) : upper;
        switch (verb) {
            case "MAIL" -> await(Cmd.MAIL, address(line), null);
            case "RCPT" -> await(Cmd.RCPT, address(line), null);
            case "DATA" -> {
                await(Cmd.DATA, null, null);
                mode = Mode.HELD;
            }
            case "BDAT" -> bdat(upper);
            case "RSET" -> await(Cmd.RSET, null, null);
            case "STAR" -> {
                if (upper.startsWith("STARTTLS")) {
                    await(Cmd.STARTTLS, null, null);
                    mode = Mode.HELD;
                } else {
                    await(Cmd.OTHER, null, null);
                }
            }
            default -> {
                if (line.isEmpty()) {
                    weirds.count(SmtpWeird.SMTP_EMPTY_COMMAND);
                } else {
                    await(Cmd.OTHER, null, null);
                }
            }
        }
    }

    private void bdat(String upper) {
        String[] parts = upper.trim().split("\\s+");
        long size;
        try {
            size = parts.length >= 2 ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0) {
            weirds.count(SmtpWeird.SMTP_BAD_BDAT);
            await(Cmd.OTHER, null, null);
            return;
        }
        bdatLast = parts.length >= 3 && parts[2].equals("LAST");
        if (!bdatLast) {
            await(Cmd.BDAT, null, null);
        }
        if (body == null) {
            startMessage();
        }
        bdatRemaining = size;
        if (size == 0) {
            bdatChunkProgress(0);
        } else {
            mode = Mode.BDAT;
        }
    }

    /** The argument of MAIL FROM: / RCPT TO:, without angle brackets or parameters. */
    static String address(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String rest = line.substring(colon + 1).trim();
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            return close < 0 ? rest.substring(1) : rest.substring(1, close);
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private void await(Cmd cmd, String argument, MessageBody message) {
        if (awaited.size() >= limits.maxAwaitedReplies()) {
            weirds.count(SmtpWeird.SMTP_TOO_MANY_UNANSWERED);
            Awaited dropped = awaited.poll();
            if (dropped.message() != null) {
                dropped.message().end(MessageOutcome.UNCONFIRMED, envelope());
            }
        }
        awaited.add(new Awaited(cmd, argument, message));
    }

    // ---- server side ----

    private void serverData(byte[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && mode != Mode.ENCRYPTED) {
            int nl = ByteScan.indexOf(buf, i, end, (byte) '\n');
            if (nl < 0) {
                serverLine.append(buf, i, end - i);
                return;
            }
            serverLine.append(buf, i, nl - i);
            i = nl + 1;
            reply(serverLine.takeLine());
        }
    }

    private void reply(String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                || !Character.isDigit(line.charAt(2))) {
            weirds.count(SmtpWeird.SMTP_BAD_REPLY);
            return;
        }
        if (line.length() > 3 && line.charAt(3) == '-') {
            return;
        }
        int code = Integer.parseInt(line.substring(0, 3));
        Awaited a = awaited.poll();
        if (a == null) {
            weirds.count(SmtpWeird.SMTP_UNEXPECTED_REPLY);
            return;
        }
        apply(a, code, false);
        if (mode != Mode.HELD && !held.isEmpty()) {
            drainHeld();
        }
    }

    private void apply(Awaited a, int code, boolean assumed) {
        boolean ok = code >= 200 && code < 300;
        switch (a.cmd()) {
            case GREETING, OTHER, BDAT -> {
            }
            case MAIL -> {
                if (ok) {
                    mailFrom = a.argument();
                    rcptTo.clear();
                }
            }
            case RCPT -> {
                if (ok) {
                    rcptTo.add(a.argument());
                }
            }
            case RSET -> {
                if (body != null) {
                    finishBody(MessageOutcome.INCOMPLETE);
                    mode = Mode.COMMAND;
                }
                resetEnvelope();
            }
            case DATA -> {
                if (code == 354) {
                    startMessage();
                    unstuffer.reset();
                    mode = Mode.DATA;
                } else if (mode == Mode.HELD) {
                    mode = Mode.COMMAND;
                }
            }
            case DATA_END, BDAT_LAST -> {
                MessageOutcome outcome = assumed ? MessageOutcome.UNCONFIRMED
                        : ok ? MessageOutcome.ACCEPTED : MessageOutcome.REFUSED;
                a.message().end(outcome, envelope());
                resetEnvelope();
            }
            case STARTTLS -> {
                if (code == 220) {
                    starttls = true;
                    mode = Mode.ENCRYPTED;
                    held.clear();
                } else if (mode == Mode.HELD) {
                    mode = Mode.COMMAND;
                }
            }
        }
    }

    /**
     * The replies to the outstanding commands were not captured: take them as successes, except
     * that STARTTLS counts as accepted only if the client then spoke TLS.
     */
    private void assumeRepliesLost() {
        if (awaited.isEmpty()) {
            return;
        }
        weirds.count(SmtpWeird.SMTP_REPLY_MISSING);
        repliesSeen = false;
        while (!awaited.isEmpty()) {
            Awaited a = awaited.poll();
            if (a.cmd() == Cmd.STARTTLS) {
                boolean tls = !held.isEmpty() && held.array()[held.start()] == 0x16;
                apply(a, tls ? 220 : 454, true);
            } else {
                apply(a, a.cmd() == Cmd.DATA ? 354 : 250, true);
            }
        }
    }

    private void startMessage() {
        if (body != null) {
            // DATA accepted in the middle of a BDAT transfer (RFC 3030 forbids mixing them): the
            // chunks so far were a message of their own, and it never got its last chunk.
            weirds.count(SmtpWeird.SMTP_BDAT_INTERRUPTED);
            body.end(MessageOutcome.INCOMPLETE, envelope());
        }
        messages++;
        body = listener.beginMessage(messages);
    }

    /** The envelope as the replies so far established it. */
    private SmtpEnvelope envelope() {
        return new SmtpEnvelope(mailFrom == null ? "" : mailFrom, rcptTo, repliesSeen);
    }

    private void finishBody(MessageOutcome outcome) {
        body.end(outcome, envelope());
        body = null;
        resetEnvelope();
    }

    private void resetEnvelope() {
        mailFrom = null;
        rcptTo.clear();
    }
}
