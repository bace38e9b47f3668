package net.sguil.bridge.smtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.bytes.ByteScan;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;

/**
 * Follows one SMTP session: the client's commands in step with the server's replies, or the
 * client alone when the replies cannot be followed.
 *
 * <p>Commands are matched to replies first-in first-out, which is what PIPELINING guarantees. A
 * command's effect (sender, recipient accepted, message begins) applies when its reply arrives. A
 * reply that arrives before its command (the reassembler holds a client stream back behind a hole
 * while the server's replies flow) waits for the next command. The client is held back after DATA
 * and STARTTLS until the reply says what its next bytes are: a message (354), encrypted traffic
 * (220), or more commands. BDAT chunks are counted, not scanned; a gap inside a chunk counts toward
 * its size, so the session stays in step across lost segments; a BDAT the server refuses before any
 * of its chunk arrived has no chunk.
 *
 * <p>When the replies cannot be followed (never captured, a gap in either direction that was not
 * inside message content, or the hold-back limit reached) the parser follows the client alone, as
 * Zeek does: every command takes effect as sent ({@code smtp.reply_missing}), and whether the bytes
 * after DATA are a message is told from their first line: a command line (the QUIT after a refused
 * DATA) is never message content. After a gap in the commands, lines are skipped until one is
 * unmistakably a command, or until the server's next reply. After a gap inside DATA the message
 * ends at a line that is unmistakably a command when its end of data was lost
 * ({@code smtp.data_end_in_gap}).
 */
public final class SmtpSessionParser implements StreamHandler {
    private enum Mode { COMMAND, HELD, DATA, BDAT, ENCRYPTED }

    private enum Cmd { GREETING, MAIL, RCPT, DATA, DATA_END, BDAT, RSET, STARTTLS, OTHER }

    /** Where the held bytes stop, for telling what follows a DATA or STARTTLS without its reply. */
    private enum Edge { NONE, GAP, END }

    /** A command whose reply is outstanding. */
    private static final class Awaited {
        final Cmd cmd;
        final String argument;
        final MessageBody message;
        final BdatTransfer transfer;
        /** The limit that cut this command's line or the wait for its reply; null when none. */
        SmtpWeird cut;

        Awaited(Cmd cmd, String argument, MessageBody message, BdatTransfer transfer, SmtpWeird cut) {
            this.cmd = cmd;
            this.argument = argument;
            this.message = message;
            this.transfer = transfer;
            this.cut = cut;
        }
    }

    /** One message sent in BDAT chunks: begun on its first byte, over when its last chunk is in and every chunk answered. */
    private static final class BdatTransfer {
        MessageBody body;
        int unanswered;
        boolean lastIn;
        boolean refused;
        boolean assumed;

        MessageOutcome outcome() {
            return refused ? MessageOutcome.REFUSED : assumed ? MessageOutcome.UNCONFIRMED : MessageOutcome.ACCEPTED;
        }
    }

    private final SmtpLimits limits;
    private final SmtpListener listener;
    private final Weirds weirds;
    private final ArrayDeque<Awaited> awaited = new ArrayDeque<>();
    /** Replies that arrived while no command was waiting; never non-empty while {@link #awaited} is. */
    private final ArrayDeque<Integer> early = new ArrayDeque<>();
    private final DotUnstuffer unstuffer = new DotUnstuffer();
    private final HeldBytes held;
    private final LineAccumulator serverLine;

    private Mode mode = Mode.COMMAND;
    /** Replies are matched to commands; false once the client is followed alone. */
    private boolean aligned = true;
    private boolean serverHeard;
    /** Held after DATA/STARTTLS without a reply to wait for: what follows is told from the client's bytes. */
    private boolean guessing;
    private Edge edge = Edge.NONE;

    private boolean skipToLineEnd;
    /** The kept start of a command line longer than the limit, taken as the command at its line end. */
    private String cutLine;
    /** After a gap in the commands: lines are skipped until one is unmistakably a command (or a reply came). */
    private boolean resync;
    /** The line being read began inside a gap: it is a command only if unmistakably one. */
    private boolean partialLine;

    private String mailFrom;
    private final List<String> rcptTo = new ArrayList<>();
    private boolean repliesSeen = true;
    private SmtpWeird cut;

    private MessageBody body;
    /** A gap fell inside this DATA message: its end of data may be lost, so command lines are looked for. */
    private boolean spotCommands;
    private boolean lineStart;

    private BdatTransfer transfer;
    private Awaited chunkCommand;
    private long bdatRemaining;
    private long chunkReceived;
    private boolean chunkLast;

    private int messages;
    private boolean starttls;
    private boolean closed;
    private long gaps;
    private long gapBytes;
    private long commands;
    private long replies;

    public SmtpSessionParser(SmtpLimits limits, SmtpListener listener, Weirds weirds) {
        this.limits = limits;
        this.listener = listener;
        this.weirds = weirds;
        this.held = new HeldBytes(limits.maxHeldClientBytes() + limits.maxLineLength() + 1);
        this.serverLine = new LineAccumulator(limits.maxLineLength());
        awaited.add(new Awaited(Cmd.GREETING, null, null, null, null));
    }

    @Override
    public void onData(Direction direction, byte[] buf, int off, int len) {
        if (mode == Mode.ENCRYPTED || closed) {
            return;
        }
        if (direction == Direction.SERVER_TO_CLIENT) {
            serverHeard = true;
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
            serverHeard = true;
            serverLine.clear();
            stopFollowingReplies(SmtpWeird.SMTP_REPLY_MISSING);
            resolveAwaited();
            drainHeld();
            return;
        }
        clientGap(length);
    }

    @Override
    public void onClose(CloseReason reason) {
        if (closed) {
            return;
        }
        for (int i = early.size(); i > 0; i--) {
            weirds.count(SmtpWeird.SMTP_UNEXPECTED_REPLY);
        }
        edge = Edge.END;
        if (mode != Mode.ENCRYPTED) {
            if (awaited.isEmpty()) {
                aligned = false;
            } else {
                stopFollowingReplies(SmtpWeird.SMTP_REPLY_MISSING);
            }
            resolveAwaited();
            drainHeld();
        }
        resolveAwaited();
        if (body != null) {
            weirds.count(SmtpWeird.SMTP_MESSAGE_INCOMPLETE);
            finishBody(MessageOutcome.INCOMPLETE);
        }
        if (transfer != null && transfer.body != null) {
            weirds.count(SmtpWeird.SMTP_MESSAGE_INCOMPLETE);
            endTransfer(MessageOutcome.INCOMPLETE);
        }
        closed = true;
        listener.sessionEnded(new SmtpSessionSummary(messages, starttls, gaps, gapBytes, commands, replies));
    }

    @Override
    public long heldBytes() {
        return 512 + held.heldBytes() + serverLine.heldBytes() + 48L * (awaited.size() + rcptTo.size());
    }

    // ---- client side ----

    private void clientData(byte[] buf, int off, int len) {
        while (len > 0) {
            if (held.isEmpty() && mode != Mode.HELD) {
                int used = consume(buf, off, len);
                off += used;
                len -= used;
                if (len == 0) {
                    return;
                }
            }
            int n = Math.min(len, held.room());
            held.append(buf, off, n);
            off += n;
            len -= n;
            if (mode == Mode.HELD && !guessing) {
                if (!serverHeard) {
                    // The server was never heard: nothing will answer; follow the client.
                    stopFollowingReplies(SmtpWeird.SMTP_REPLY_MISSING);
                    resolveAwaited();
                } else if (held.size() > limits.maxHeldClientBytes()) {
                    awaited.peekLast().cut = SmtpWeird.SMTP_HELD_OVERFLOW;
                    stopFollowingReplies(SmtpWeird.SMTP_HELD_OVERFLOW);
                    resolveAwaited();
                }
            }
            drainHeld();
        }
    }

    private void drainHeld() {
        while (true) {
            if (mode == Mode.HELD) {
                if (!guessing) {
                    return;
                }
                resolveAwaited();
                if (mode == Mode.HELD) {
                    return;
                }
                continue;
            }
            if (held.isEmpty()) {
                return;
            }
            int used = consume(held.array(), held.start(), held.size());
            held.skip(used);
            if (used == 0) {
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
                    if (spotCommands) {
                        i = dataAfterGap(b, i, end);
                        if (mode == Mode.DATA && i < end) {
                            return i - off;
                        }
                        continue;
                    }
                    int n = unstuffer.feed(b, i, end - i, body);
                    if (n < 0) {
                        return len;
                    }
                    i += n;
                    dataEnd();
                }
                case BDAT -> {
                    int n = (int) Math.min(bdatRemaining, end - i);
                    transferBody().write(b, i, n);
                    i += n;
                    chunkProgress(n);
                }
                case COMMAND -> {
                    int nl = ByteScan.indexOf(b, i, end, (byte) '\n');
                    if (nl < 0) {
                        if (skipToLineEnd) {
                            return len;
                        }
                        if (end - i >= limits.maxLineLength()) {
                            weirds.count(SmtpWeird.SMTP_LINE_TOO_LONG);
                            cutLine = new String(b, i, limits.maxLineLength(), StandardCharsets.ISO_8859_1);
                            skipToLineEnd = true;
                            return len;
                        }
                        return i - off;
                    }
                    int from = i;
                    int lineEnd = nl > from && b[nl - 1] == '\r' ? nl - 1 : nl;
                    i = nl + 1;
                    if (skipToLineEnd) {
                        skipToLineEnd = false;
                        String kept = cutLine;
                        cutLine = null;
                        line(kept, true);
                    } else {
                        boolean tooLong = lineEnd - from > limits.maxLineLength();
                        if (tooLong) {
                            weirds.count(SmtpWeird.SMTP_LINE_TOO_LONG);
                        }
                        line(new String(b, from, Math.min(lineEnd - from, limits.maxLineLength()),
                                StandardCharsets.ISO_8859_1), tooLong);
                    }
                }
            }
        }
        return len;
    }

    /**
     * DATA content after a gap in it: fed line by line, each line start looked at, because the end
     * of data may have been lost and the client's next commands be here.
     *
     * @return where consumption stopped: at the end, after the end of data, at a command line found
     *         (mode then COMMAND), or before a line start that may still become a command (held)
     */
    private int dataAfterGap(byte[] b, int i, int end) {
        while (i < end) {
            int nl = ByteScan.indexOf(b, i, end, (byte) '\n');
            if (lineStart) {
                int lineEnd = nl < 0 ? end : nl > i && b[nl - 1] == '\r' ? nl - 1 : nl;
                String head = new String(b, i, Math.min(lineEnd - i, 10), StandardCharsets.ISO_8859_1);
                if (SmtpCommand.mayBecomeCommand(head)) {
                    if (nl < 0 && end - i < limits.maxLineLength()) {
                        return i;
                    }
                    String line = new String(b, i, Math.min(lineEnd - i, limits.maxLineLength()),
                            StandardCharsets.ISO_8859_1);
                    if (nl >= 0 && SmtpCommand.parse(line).unmistakable()) {
                        weirds.count(SmtpWeird.SMTP_DATA_END_IN_GAP);
                        spotCommands = false;
                        finishBody(MessageOutcome.INCOMPLETE);
                        mode = Mode.COMMAND;
                        stopFollowingReplies(SmtpWeird.SMTP_REPLY_MISSING);
                        return i;
                    }
                }
                lineStart = false;
            }
            int stop = nl < 0 ? end : nl + 1;
            int used = unstuffer.feed(b, i, stop - i, body);
            if (used >= 0) {
                dataEnd();
                return i + used;
            }
            i = stop;
            lineStart = nl >= 0;
        }
        return i;
    }

    private void dataEnd() {
        MessageBody message = body;
        body = null;
        spotCommands = false;
        mode = Mode.COMMAND;
        issue(new Awaited(Cmd.DATA_END, null, message, null, null));
    }

    private MessageBody transferBody() {
        if (transfer.body == null) {
            transfer.body = startMessage();
        }
        return transfer.body;
    }

    private void chunkProgress(long n) {
        chunkReceived += n;
        bdatRemaining -= n;
        if (bdatRemaining > 0) {
            return;
        }
        mode = Mode.COMMAND;
        chunkCommand = null;
        if (chunkLast) {
            transfer.lastIn = true;
            if (transfer.unanswered == 0) {
                endTransfer(transfer.outcome());
            }
        }
    }

    private void clientGap(long length) {
        if (mode == Mode.HELD || !held.isEmpty()) {
            if (mode == Mode.HELD) {
                // What the lost bytes were depends on a reply still awaited: stop waiting for it.
                stopFollowingReplies(SmtpWeird.SMTP_REPLY_MISSING);
            }
            edge = Edge.GAP;
            resolveAwaited();
            drainHeld();
            edge = Edge.NONE;
            if (mode == Mode.DATA && !held.isEmpty()) {
                // The start of a line that might have been a command: content after all.
                unstuffer.feed(held.array(), held.start(), held.size(), body);
            }
            held.clear();
        }
        switch (mode) {
            case DATA -> {
                body.gap(length);
                unstuffer.afterGap();
                spotCommands = true;
                lineStart = true;
            }
            case BDAT -> {
                long n = Math.min(bdatRemaining, length);
                transferBody().gap(n);
                chunkProgress(n);
                if (length > n) {
                    clientGap(length - n);
                }
            }
            case COMMAND, HELD -> {
                weirds.count(SmtpWeird.SMTP_GAP_IN_COMMANDS);
                skipToLineEnd = false;
                cutLine = null;
                resync = true;
                partialLine = true;
                stopFollowingReplies(SmtpWeird.SMTP_REPLY_MISSING);
            }
            case ENCRYPTED -> {
            }
        }
    }

    /** A whole client line in command mode; {@code cut} when it was longer than the limit and this is its start. */
    private void line(String text, boolean cutByLimit) {
        if (resync || partialLine) {
            partialLine = false;
            if (!SmtpCommand.parse(text).unmistakable()) {
                return;
            }
            resync = false;
        }
        command(text, cutByLimit ? SmtpWeird.SMTP_LINE_TOO_LONG : null);
    }

    private void command(String line, SmtpWeird lineCut) {
        commands++;
        if (!serverHeard && !awaited.isEmpty() && awaited.peekFirst().cmd == Cmd.GREETING) {
            // The client speaks and no greeting was captured: there is none to wait for.
            awaited.pollFirst();
        }
        SmtpCommand c = SmtpCommand.parse(line);
        switch (c.verb()) {
            case "MAIL" -> issue(new Awaited(Cmd.MAIL, c.address(), null, null, lineCut));
            case "RCPT" -> issue(new Awaited(Cmd.RCPT, c.address(), null, null, lineCut));
            case "DATA" -> {
                mode = Mode.HELD;
                issue(new Awaited(Cmd.DATA, null, null, null, lineCut));
            }
            case "BDAT" -> bdat(c, lineCut);
            case "RSET" -> {
                if (transfer != null) {
                    // The client gave up a BDAT transfer: over now, whatever its replies say later.
                    if (transfer.body != null) {
                        endTransfer(MessageOutcome.INCOMPLETE);
                    }
                    transfer = null;
                }
                issue(new Awaited(Cmd.RSET, null, null, null, null));
            }
            case "STARTTLS" -> {
                mode = Mode.HELD;
                issue(new Awaited(Cmd.STARTTLS, null, null, null, null));
            }
            default -> {
                if (line.isEmpty()) {
                    weirds.count(SmtpWeird.SMTP_EMPTY_COMMAND);
                }
                // Servers answer unknown and empty commands too: each takes its reply.
                issue(new Awaited(Cmd.OTHER, null, null, null, null));
            }
        }
    }

    private void bdat(SmtpCommand c, SmtpWeird lineCut) {
        SmtpCommand.Chunk chunk = c.chunk();
        if (chunk == null) {
            // Refused by any server; the client sends no chunk it could not size.
            weirds.count(SmtpWeird.SMTP_BAD_BDAT);
            issue(new Awaited(Cmd.OTHER, null, null, null, null));
            return;
        }
        markCut(lineCut);
        if (transfer == null) {
            transfer = new BdatTransfer();
        }
        transfer.unanswered++;
        Awaited a = new Awaited(Cmd.BDAT, null, null, transfer, null);
        chunkCommand = a;
        chunkLast = chunk.last();
        chunkReceived = 0;
        bdatRemaining = chunk.size();
        mode = Mode.BDAT;
        issue(a);
        if (chunk.size() == 0 && mode == Mode.BDAT) {
            chunkProgress(0);
        }
    }

    /** A command the client sent: awaits its reply, or takes effect at once when the client is followed alone. */
    private void issue(Awaited a) {
        if (!aligned) {
            awaited.add(a);
            if (a.cmd == Cmd.DATA || a.cmd == Cmd.STARTTLS) {
                // Told from the bytes that follow, once they are held (never while they are being consumed).
                guessing = true;
            } else {
                resolveAwaited();
            }
            return;
        }
        Integer code = early.poll();
        if (code != null) {
            apply(a, code, false);
            return;
        }
        if (awaited.size() >= limits.maxAwaitedReplies()) {
            weirds.count(SmtpWeird.SMTP_TOO_MANY_UNANSWERED);
            Awaited dropped = awaited.poll();
            markCut(SmtpWeird.SMTP_TOO_MANY_UNANSWERED);
            apply(dropped, 250, true);
        }
        awaited.add(a);
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
        replies++;
        // The server answered something after the gap: the client's next line is a command.
        resync = false;
        if (!aligned) {
            return;
        }
        int code = Integer.parseInt(line.substring(0, 3));
        Awaited a = awaited.poll();
        if (a == null) {
            if (early.size() >= limits.maxAwaitedReplies()) {
                early.poll();
                weirds.count(SmtpWeird.SMTP_UNEXPECTED_REPLY);
            }
            early.add(code);
            return;
        }
        if (a == chunkCommand && mode == Mode.BDAT && chunkReceived == 0 && (code < 200 || code >= 300)) {
            refusedBeforeChunk(a);
        } else {
            apply(a, code, false);
        }
        if (mode != Mode.HELD && !held.isEmpty()) {
            drainHeld();
        }
    }

    /** The server refused a BDAT before any of its chunk arrived: the client is not sending one. */
    private void refusedBeforeChunk(Awaited a) {
        a.transfer.unanswered--;
        a.transfer.refused = true;
        mode = Mode.COMMAND;
        bdatRemaining = 0;
        chunkCommand = null;
        if (a.transfer.body != null) {
            endTransfer(MessageOutcome.REFUSED);
        } else {
            transfer = null;
        }
    }

    private void apply(Awaited a, int code, boolean assumed) {
        boolean ok = code >= 200 && code < 300;
        repliesSeen &= !assumed;
        switch (a.cmd) {
            case GREETING, OTHER -> {
            }
            case MAIL -> {
                if (ok) {
                    mailFrom = a.argument;
                    rcptTo.clear();
                }
                markCut(a.cut);
            }
            case RCPT -> {
                if (ok) {
                    rcptTo.add(a.argument);
                }
                markCut(a.cut);
            }
            case RSET -> resetEnvelope();
            case DATA -> {
                if (code == 354) {
                    markCut(a.cut);
                    if (transfer != null && transfer.body != null) {
                        // DATA accepted in the middle of a BDAT transfer (RFC 3030 forbids mixing them): the
                        // chunks so far were a message of their own, and it never got its last chunk.
                        weirds.count(SmtpWeird.SMTP_BDAT_INTERRUPTED);
                        transfer.body.end(MessageOutcome.INCOMPLETE, envelope());
                    }
                    transfer = null;
                    body = startMessage();
                    unstuffer.reset();
                    mode = Mode.DATA;
                } else if (mode == Mode.HELD) {
                    mode = Mode.COMMAND;
                }
            }
            case DATA_END -> {
                MessageOutcome outcome = assumed ? MessageOutcome.UNCONFIRMED
                        : ok ? MessageOutcome.ACCEPTED : MessageOutcome.REFUSED;
                a.message.end(outcome, envelope());
                resetEnvelope();
            }
            case BDAT -> {
                BdatTransfer t = a.transfer;
                t.unanswered--;
                t.assumed |= assumed;
                t.refused |= !ok && !assumed;
                if (t.lastIn && t.unanswered == 0 && t == transfer) {
                    endTransfer(t.outcome());
                }
            }
            case STARTTLS -> {
                if (code == 220) {
                    // Whatever is held is encrypted: the next drain drops it.
                    starttls = true;
                    mode = Mode.ENCRYPTED;
                } else if (mode == Mode.HELD) {
                    mode = Mode.COMMAND;
                }
            }
        }
    }

    /** From now on the client is followed alone: replies cannot be told apart from the commands they answer. */
    private void stopFollowingReplies(SmtpWeird why) {
        if (!aligned) {
            return;
        }
        aligned = false;
        early.clear();
        weirds.count(why);
    }

    /**
     * Gives the outstanding commands the replies they most likely had: success, except that what
     * follows a DATA or STARTTLS is told from the client's next bytes. Stops, still holding, when
     * those bytes are not there yet.
     */
    private void resolveAwaited() {
        if (aligned) {
            return;
        }
        while (!awaited.isEmpty()) {
            Awaited a = awaited.peek();
            int code = switch (a.cmd) {
                case DATA -> guessData();
                case STARTTLS -> guessTls();
                default -> 250;
            };
            if (code == 0) {
                guessing = true;
                return;
            }
            awaited.poll();
            apply(a, code, true);
        }
        guessing = false;
    }

    /** 354 when the bytes after DATA are a message, 554 when they are commands, 0 when not known yet. */
    private int guessData() {
        byte[] b = held.array();
        int from = held.start();
        int end = from + held.size();
        int nl = ByteScan.indexOf(b, from, end, (byte) '\n');
        if (nl < 0 && held.size() < limits.maxLineLength()) {
            if (edge == Edge.NONE) {
                return 0;
            }
            if (held.isEmpty()) {
                // Nothing after DATA before the end: no message; before a gap: the message began in it.
                return edge == Edge.END ? 554 : 354;
            }
        }
        int lineEnd = nl < 0 ? end : nl > from && b[nl - 1] == '\r' ? nl - 1 : nl;
        String first = new String(b, from, Math.min(lineEnd - from, limits.maxLineLength()),
                StandardCharsets.ISO_8859_1);
        return SmtpCommand.parse(first).unmistakable() ? 554 : 354;
    }

    /** 220 when the client's next bytes are a TLS record, 454 when they are not, 0 when not known yet. */
    private int guessTls() {
        if (held.isEmpty()) {
            return edge == Edge.NONE ? 0 : 454;
        }
        return held.array()[held.start()] == 0x16 ? 220 : 454;
    }

    private MessageBody startMessage() {
        messages++;
        return listener.beginMessage(messages);
    }

    private void endTransfer(MessageOutcome outcome) {
        BdatTransfer t = transfer;
        transfer = null;
        if (t.body == null) {
            // BDAT 0 LAST alone: a message of no bytes.
            t.body = startMessage();
        }
        t.body.end(outcome, envelope());
        resetEnvelope();
    }

    private void markCut(SmtpWeird limit) {
        if (cut == null) {
            cut = limit;
        }
    }

    /** The envelope as the replies so far established it. */
    private SmtpEnvelope envelope() {
        return new SmtpEnvelope(mailFrom == null ? "" : mailFrom, rcptTo, repliesSeen, cut == null ? "" : cut.id());
    }

    private void finishBody(MessageOutcome outcome) {
        body.end(outcome, envelope());
        body = null;
        resetEnvelope();
    }

    private void resetEnvelope() {
        mailFrom = null;
        rcptTo.clear();
        cut = null;
    }
}
