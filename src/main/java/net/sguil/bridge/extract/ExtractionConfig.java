package net.sguil.bridge.extract;

import java.nio.file.Path;
import net.sguil.bridge.mime.MimeLimits;
import net.sguil.bridge.pcap.DecoderConfig;
import net.sguil.bridge.smtp.SmtpLimits;
import net.sguil.bridge.tcp.TcpConfig;

/**
 * Everything an extraction run is configured with: where files go and every layer's limits.
 *
 * @param outputDir attachments are stored under it, and only under it
 * @param threads worker threads for MIME analysis, hashing and writing
 * @param spoolMemory heap all messages waiting for analysis may take; beyond it they go to disk
 * @param spoolMemoryPerMessage a message larger than this always goes to disk (by default 1 MB: a few
 *        large messages growing towards a bigger limit took the whole budget, by doubling arrays they
 *        then copied to disk anyway, and sent every small message to disk meanwhile)
 */
public record ExtractionConfig(Path outputDir, int threads, DecoderConfig decoder, TcpConfig tcp, SmtpLimits smtp,
                               MimeLimits mime, long spoolMemory, int spoolMemoryPerMessage) {
    public static ExtractionConfig defaults(Path outputDir) {
        return new ExtractionConfig(outputDir, Math.max(1, Runtime.getRuntime().availableProcessors()),
                DecoderConfig.defaults(), TcpConfig.defaults(), SmtpLimits.defaults(), MimeLimits.defaults(),
                32L << 20, 1 << 20);
    }

    public ExtractionConfig withThreads(int n) {
        return new ExtractionConfig(outputDir, n, decoder, tcp, smtp, mime, spoolMemory, spoolMemoryPerMessage);
    }

    public ExtractionConfig withSpoolMemory(long total, int perMessage) {
        return new ExtractionConfig(outputDir, threads, decoder, tcp, smtp, mime, total, perMessage);
    }
}
