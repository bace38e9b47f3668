package net.sguil.bridge.extract;

import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.facts.Times;
import net.sguil.bridge.smtp.MessageBody;
import net.sguil.bridge.smtp.SmtpListener;
import net.sguil.bridge.smtp.SmtpSessionSummary;
import net.sguil.bridge.tcp.TcpConnection;

/** Spools each message of one SMTP connection and hands it to the pipeline when it ends. */
final class SmtpSessionRecorder implements SmtpListener {
    private final TcpConnection connection;
    private final String pcap;
    private final ExtractionPipeline pipeline;
    private final CaptureContext context;

    SmtpSessionRecorder(TcpConnection connection, String pcap, ExtractionPipeline pipeline, CaptureContext context) {
        this.connection = connection;
        this.pcap = pcap;
        this.pipeline = pipeline;
        this.context = context;
    }

    @Override
    public MessageBody beginMessage(int index) {
        return pipeline.newSpool((spool, end) -> pipeline.analyse(spool, end, index, sessionInfo(), context));
    }

    @Override
    public void sessionEnded(SmtpSessionSummary summary) {
        pipeline.reportSession(new SmtpSessionRecord(sessionInfo(), summary));
    }

    private SessionInfo sessionInfo() {
        return new SessionInfo(pcap, connection.clientIp(), connection.clientPort(), connection.serverIp(),
                connection.serverPort(), Times.ofEpochNanos(connection.firstSeenNanos()),
                Times.ofEpochNanos(connection.lastSeenNanos()));
    }
}
