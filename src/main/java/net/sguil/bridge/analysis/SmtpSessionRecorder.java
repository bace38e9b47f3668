package net.sguil.bridge.analysis;

import net.sguil.bridge.smtp.MessageBody;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;
import net.sguil.bridge.smtp.SmtpListener;
import net.sguil.bridge.smtp.SmtpSessionSummary;
import net.sguil.bridge.weird.Weirds;

/** Spools each message of one SMTP connection and hands it to the pipeline when it ends. */
final class SmtpSessionRecorder implements SmtpListener {
    private final ConnectionSource source;
    private final ExtractionPipeline pipeline;
    private final Weirds weirds;

    SmtpSessionRecorder(ConnectionSource source, ExtractionPipeline pipeline, Weirds weirds) {
        this.source = source;
        this.pipeline = pipeline;
        this.weirds = weirds;
    }

    @Override
    public MessageBody beginMessage(int index) {
        MessageSpool spool = pipeline.newSpool();
        return new MessageBody() {
            @Override
            public void write(byte[] buffer, int offset, int length) {
                spool.write(buffer, offset, length);
            }

            @Override
            public void gap(long length) {
                spool.gap(length);
            }

            @Override
            public void end(MessageOutcome outcome, SmtpEnvelope envelope) {
                spool.finish();
                String cutBy = outcome == MessageOutcome.INCOMPLETE ? source.cutBy() : null;
                // An SMTP limit cut the transaction before any MIME limit could, so it names the message.
                if (cutBy == null && !envelope.incomplete().isEmpty()) {
                    cutBy = envelope.incomplete();
                }
                pipeline.analyse(spool, outcome, envelope, index, source.session(), cutBy, weirds);
            }
        };
    }

    @Override
    public void sessionEnded(SmtpSessionSummary summary) {
        pipeline.reportSession(new SmtpSessionRecord(source.session(), summary));
    }
}
