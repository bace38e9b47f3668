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
 */
public record ExtractionConfig(Path outputDir, int threads, DecoderConfig decoder, TcpConfig tcp, SmtpLimits smtp,
                               MimeLimits mime) {
    public static ExtractionConfig defaults(Path outputDir) {
        return new ExtractionConfig(outputDir, Math.max(1, Runtime.getRuntime().availableProcessors()),
                DecoderConfig.defaults(), TcpConfig.defaults(), SmtpLimits.defaults(), MimeLimits.defaults());
    }

    public ExtractionConfig withThreads(int n) {
        return new ExtractionConfig(outputDir, n, decoder, tcp, smtp, mime);
    }
}
