package net.sguil.bridge.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import net.sguil.bridge.http.HttpFlow;
import net.sguil.bridge.http.HttpLimits;
import net.sguil.bridge.http.HttpListener;
import net.sguil.bridge.http.HttpSessionParser;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.smtp.SmtpSessionParser;
import net.sguil.bridge.tcp.TcpReassembler;
import net.sguil.bridge.weird.Weirds;

/**
 * Reads one capture file through every layer: packets, TCP streams, protocol detection, SMTP,
 * and hands the messages to the {@link ExtractionPipeline}. Streaming: memory depends on the
 * connections open at once, not on the size of the file.
 */
public final class CaptureProcessor {
    private final ExtractionPipeline pipeline;
    private final HttpLimits httpLimits;
    private final HttpListener http;

    /** SMTP extraction only: HTTP connections are recognised and skipped. */
    public CaptureProcessor(ExtractionPipeline pipeline) {
        this(pipeline, HttpLimits.defaults(), null);
    }

    /**
     * @param http also analyse HTTP connections and hand each transaction to it, on the thread calling
     *        {@link #process} (in capture order, not through the pipeline's workers); null for none
     */
    public CaptureProcessor(ExtractionPipeline pipeline, HttpLimits httpLimits, HttpListener http) {
        this.pipeline = pipeline;
        this.httpLimits = httpLimits;
        this.http = http;
    }

    /**
     * @param progress told the number of file bytes read so far, now and then
     * @throws IOException when the file cannot be opened or is not a capture; a file that breaks
     *         off later is processed up to the break, which its {@link CaptureReport} states
     */
    public void process(Path file, LongConsumer progress) throws IOException {
        ExtractionConfig cfg = pipeline.config();
        String name = file.getFileName().toString();
        Weirds weirds = new Weirds();
        CaptureContext ctx = new CaptureContext(name, weirds);
        ProtocolDispatcher dispatcher = new ProtocolDispatcher(weirds)
                .with(Protocol.SMTP, c -> new SmtpSessionParser(cfg.smtp(),
                        new SmtpSessionRecorder(c, name, pipeline, ctx), weirds));
        if (http != null) {
            dispatcher.with(Protocol.HTTP, c -> new HttpSessionParser(httpLimits, HttpFlow.of(c, name), http, weirds));
        }
        TcpReassembler reassembler = new TcpReassembler(cfg.tcp(), weirds, dispatcher);
        PacketDecoder decoder = new PacketDecoder(cfg.decoder(), weirds, reassembler);
        long packets = 0;
        String broken = null;
        long bytes;
        try (PacketSource source = CaptureFiles.open(file)) {
            RawPacket p = new RawPacket();
            try {
                while (source.next(p)) {
                    decoder.decode(p);
                    if ((++packets & 0xfff) == 0) {
                        progress.accept(source.bytesConsumed());
                    }
                }
                broken = source.truncation();
            } catch (IOException e) {
                broken = e.getMessage();
            }
            bytes = source.bytesConsumed();
            progress.accept(bytes);
        }
        reassembler.finish();
        long n = packets;
        String truncation = broken;
        long connections = reassembler.connectionsSeen();
        pipeline.reportCapture(() -> new CaptureReport(name, n, bytes, connections, truncation, weirds.snapshot()));
    }
}
