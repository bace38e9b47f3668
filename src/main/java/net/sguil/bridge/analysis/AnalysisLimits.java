package net.sguil.bridge.analysis;

import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import net.sguil.bridge.config.RecordSettings;
import net.sguil.bridge.files.FileLimits;
import net.sguil.bridge.http.HttpLimits;
import net.sguil.bridge.mime.MimeLimits;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.smtp.SmtpLimits;
import net.sguil.bridge.tcp.TcpLimits;

/**
 * Every layer's limits, composed: what an analysis run is bounded by. Each is settable from the
 * configuration file as {@code limits.LAYER.NAME}: component {@code maxConnections} of {@code tcp}
 * is {@code limits.tcp.max_connections} (see {@link RecordSettings}).
 */
public record AnalysisLimits(PcapLimits pcap, TcpLimits tcp, SmtpLimits smtp, MimeLimits mime, HttpLimits http,
                             SpoolLimits spool, FileLimits files, MemoryLimits memory) {
    public static AnalysisLimits defaults() {
        return new AnalysisLimits(PcapLimits.defaults(), TcpLimits.defaults(), SmtpLimits.defaults(),
                MimeLimits.defaults(), HttpLimits.defaults(), SpoolLimits.defaults(), FileLimits.defaults(),
                MemoryLimits.defaults());
    }

    /** The defaults with whatever {@code limits.*} keys the file sets; an unknown one is refused. */
    public static AnalysisLimits from(ConfigFile file) throws ConfigException {
        return RecordSettings.read(file, "limits", defaults());
    }
}
