package net.sguil.bridge.analysis;

import java.nio.file.Path;

/**
 * Everything an extraction run is configured with: where files go, how many workers, every layer's limits.
 *
 * @param outputDir attachments are stored under it, and only under it
 * @param threads worker threads for MIME analysis, hashing and writing
 */
public record ExtractionConfig(Path outputDir, int threads, AnalysisLimits limits) {
    public static ExtractionConfig defaults(Path outputDir) {
        return new ExtractionConfig(outputDir, Math.max(1, Runtime.getRuntime().availableProcessors()),
                AnalysisLimits.defaults());
    }

    public ExtractionConfig withThreads(int n) {
        return new ExtractionConfig(outputDir, n, limits);
    }

    public ExtractionConfig withLimits(AnalysisLimits l) {
        return new ExtractionConfig(outputDir, threads, l);
    }
}
