/**
 * The one adapter between the analyzers and everything that consumes them: reads captures through
 * {@code pcap → tcp → smtp/http → mime}, stores the files MIME finds ({@code files}), turns what the
 * analyzers report into rule facts ({@link net.sguil.bridge.analysis.FactFeed}) and per-capture weird
 * counts, for {@code extract}, {@code scan} and the daemon alike. Composes every layer's limits
 * ({@link net.sguil.bridge.analysis.AnalysisLimits}). May import the analyzers, {@code files},
 * {@code facts}, {@code config} and {@code weird}; nothing imports it but {@code daemon} and {@code cli}.
 */
package net.sguil.bridge.analysis;
