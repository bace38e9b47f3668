package net.sguil.bridge.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.pcap.TcpSink;
import net.sguil.bridge.tcp.TcpReassembler;

/**
 * Reads capture files through every layer: packets, TCP streams, protocol detection, SMTP (and
 * HTTP when asked), and hands what it finds to the {@link ExtractionPipeline}, whose listener
 * receives it in capture order. Streaming: memory depends on the connections open at once, not on
 * the size of the files.
 */
public final class CaptureProcessor {
    private final ExtractionPipeline pipeline;
    private final boolean http;

    /**
     * @param http also analyse HTTP; each transaction reaches the listener in capture order (else HTTP
     *        connections are recognised and skipped)
     */
    public CaptureProcessor(ExtractionPipeline pipeline, boolean http) {
        this.pipeline = pipeline;
        this.http = http;
    }

    /**
     * One capture file.
     *
     * @param progress told the number of file bytes read so far, now and then
     * @throws IOException when the file cannot be opened or is not a capture; a file that breaks
     *         off later is processed up to the break, which its {@link CaptureReport} states
     */
    public void process(Path file, LongConsumer progress) throws IOException {
        run(List.of(file), file.getFileName().toString(), UnaryOperator.identity(), progress);
    }

    /**
     * The packets of one session in a sensor's consecutive capture files (a session outlives a
     * file rotation): the files are read as one capture, keeping only the session's packets.
     */
    public void processSession(List<Path> files, String label, UnaryOperator<TcpSink> filter) throws IOException {
        run(files, label, filter, b -> { });
    }

    private void run(List<Path> files, String name, UnaryOperator<TcpSink> filter, LongConsumer progress)
            throws IOException {
        AnalysisLimits limits = pipeline.config().limits();
        CaptureContext capture = new CaptureContext(files.get(0).getFileName().toString());
        TcpReassembler reassembler = new TcpReassembler(limits.tcp(), capture.weirds(),
                new ProtocolDispatcher(capture, pipeline, http), pipeline.memory());
        PacketDecoder decoder = new PacketDecoder(limits.pcap(), capture.weirds(), filter.apply(reassembler));
        long packets = 0;
        long bytes = 0;
        long connections = 0;
        String broken = null;
        boolean finished = false;
        try {
            for (Path file : files) {
                capture.reading(file.getFileName().toString());
                long before = bytes;
                try (PacketSource source = CaptureFiles.open(file)) {
                    RawPacket p = new RawPacket();
                    try {
                        while (source.next(p)) {
                            decoder.decode(p);
                            if ((++packets & 0xfff) == 0) {
                                progress.accept(before + source.bytesConsumed());
                            }
                        }
                        broken = source.truncation() == null ? broken : file.getFileName() + ": " + source.truncation();
                    } catch (IOException e) {
                        broken = file.getFileName() + ": " + e.getMessage();
                    } finally {
                        bytes = before + source.bytesConsumed();
                    }
                    progress.accept(bytes);
                }
            }
            reassembler.finish();
            finished = true;
        } catch (OutOfMemoryError e) {
            // Something outgrew the budget after all: let go of every connection, say where reading
            // stopped, and let the command report it (what was concluded before is still delivered).
            connections = reassembler.connectionsSeen();
            reassembler = null;
            decoder = null;
            broken = capture.currentFile() + ": out of memory after packet " + packets
                    + " (the heap was exhausted; the rest was not analysed)";
            throw e;
        } finally {
            if (reassembler != null) {
                if (!finished) {
                    reassembler.finish();
                }
                connections = reassembler.connectionsSeen();
            }
            long n = packets;
            long total = bytes;
            String truncation = files.size() == 1 && broken != null
                    ? broken.substring(broken.indexOf(": ") + 2) : broken;
            long seen = connections;
            pipeline.reportCapture(() -> new CaptureReport(name, n, total, seen, truncation,
                    capture.weirds().snapshot()));
        }
    }
}
