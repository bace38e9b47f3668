package net.sguil.bridge.analysis;

import net.sguil.bridge.files.FileLimits;
import net.sguil.bridge.http.HttpLimits;
import net.sguil.bridge.mime.MimeLimits;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.smtp.SmtpLimits;
import net.sguil.bridge.tcp.TcpLimits;

/**
 * Every layer's limits, composed: what an analysis run is bounded by. Each is settable from the
 * configuration file as {@code limits.LAYER.NAME} (see {@link LimitsConfig}).
 */
public record AnalysisLimits(PcapLimits pcap, TcpLimits tcp, SmtpLimits smtp, MimeLimits mime, HttpLimits http,
                             SpoolLimits spool, FileLimits files) {
    public static AnalysisLimits defaults() {
        return new AnalysisLimits(PcapLimits.defaults(), TcpLimits.defaults(), SmtpLimits.defaults(),
                MimeLimits.defaults(), HttpLimits.defaults(), SpoolLimits.defaults(), FileLimits.defaults());
    }

    public AnalysisLimits withSpool(SpoolLimits s) {
        return new AnalysisLimits(pcap, tcp, smtp, mime, http, s, files);
    }

    public AnalysisLimits withMime(MimeLimits m) {
        return new AnalysisLimits(pcap, tcp, smtp, m, http, spool, files);
    }
}
