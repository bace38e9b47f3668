package net.sguil.bridge.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Supplier;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.files.AttachmentStore;
import net.sguil.bridge.mime.AnalyzedMessage;
import net.sguil.bridge.mime.MessageAnalyzer;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;
import net.sguil.bridge.tcp.MemoryBudget;
import net.sguil.bridge.weird.Weirds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of extraction that runs off the packet thread: each spooled message is parsed, its
 * attachments decoded, hashed and stored on a worker thread, and the results reach the listener
 * in capture order. Spool files live in a private directory under the output directory (same
 * file system, never world-readable) and are removed once analysed.
 */
public final class ExtractionPipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExtractionPipeline.class);

    private final ExtractionConfig config;
    private final AttachmentStore store;
    private final ExtractionListener listener;
    private final OrderedExecutor executor;
    private final Path spoolDir;
    private final SpoolBudget spoolBudget;
    private final MemoryBudget memory;

    public ExtractionPipeline(ExtractionConfig config, ExtractionListener listener) throws IOException {
        this.config = config;
        this.listener = listener;
        this.store = new AttachmentStore(config.outputDir(), config.limits().files().maxNameLength());
        this.spoolDir = Files.createTempDirectory(config.outputDir(), ".spool-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        this.executor = new OrderedExecutor(config.threads());
        this.memory = new MemoryBudget(config.limits().memory().bytes());
        // The spools' share is kept below half the budget, so messages waiting for analysis never
        // crowd out the connections they came from.
        this.spoolBudget = new SpoolBudget(Math.min(config.limits().spool().memory(), memory.limit() / 2), memory);
    }

    public ExtractionConfig config() {
        return config;
    }

    /** The memory budget of every capture analysed through this pipeline. */
    MemoryBudget memory() {
        return memory;
    }

    /** A spool for the next message: in memory while small, in the private spool directory beyond. */
    MessageSpool newSpool() {
        return new MessageSpool(spoolDir, spoolBudget, config.limits().spool().memoryPerMessage());
    }

    /** Analyses a finished message on a worker; its result reaches the listener in capture order. */
    /** @param cutBy the weird naming what cut the message short (an eviction, an SMTP limit), or null */
    void analyse(MessageSpool spool, MessageOutcome outcome, SmtpEnvelope envelope, int index, SessionInfo session,
                 String cutBy, Weirds weirds) {
        executor.submit(() -> {
            ExtractedMessage m = analyseNow(spool, outcome, envelope, index, session, cutBy, weirds);
            return () -> listener.message(m);
        });
    }

    private ExtractedMessage analyseNow(MessageSpool spool, MessageOutcome outcome, SmtpEnvelope envelope, int index,
                                        SessionInfo session, String cutBy, Weirds weirds) {
        boolean lost = spool.gapBytes() > 0 || outcome == MessageOutcome.INCOMPLETE;
        StoredFiles files = new StoredFiles(store, storeSubdir(session, index));
        try {
            MessageAnalyzer analyzer = new MessageAnalyzer(config.limits().mime(), weirds);
            AnalyzedMessage a = spool.file() != null
                    ? analyzer.analyze(spool.file(), lost, files)
                    : analyzer.analyze(spool.memory(), spool.memoryLength(), lost, files);
            return ExtractedMessage.of(session, index, outcome, spool.size(), spool.gapBytes(), envelope, a, files,
                    lost, cutBy);
        } catch (IOException | RuntimeException e) {
            log.error("cannot analyse message {} of {}: {}", index, session, e.toString());
            return new ExtractedMessage(session, index, outcome, spool.size(), spool.gapBytes(), null, List.of(),
                    true, cutBy == null ? "" : cutBy, "", e.toString());
        } finally {
            try {
                spool.discard();
            } catch (IOException e) {
                log.warn("cannot remove spool file {}: {}", spool.file(), e.toString());
            }
        }
    }

    /** One directory per message, named after the session so an analyst can find it by hand. */
    static String storeSubdir(SessionInfo s, int index) {
        return s.getSrcIp() + "." + s.getSrcPort() + "-" + s.getDstIp() + "." + s.getDstPort() + "-"
                + s.getFirstSeen().getEpochSecond() + "-m" + index;
    }

    void reportSession(SmtpSessionRecord record) {
        executor.submitDelivery(() -> listener.smtpSession(record));
    }

    void reportHttp(HttpTransaction t) {
        executor.submitDelivery(() -> listener.httpTransaction(t));
    }

    void reportCapture(Supplier<CaptureReport> report) {
        executor.submitDelivery(() -> listener.capture(report.get()));
    }

    /** Waits until every message is analysed and delivered, then removes the spool directory. */
    @Override
    public void close() {
        try {
            executor.close();
        } finally {
            try {
                Files.deleteIfExists(spoolDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + spoolDir, e);
            }
        }
    }
}
