package net.sguil.bridge.cli;

import java.io.PrintWriter;
import net.sguil.bridge.extract.CaptureReport;
import net.sguil.bridge.extract.ExtractionListener;

/** An output format of {@code extract}. Truncated captures are also reported on stderr, whatever the format. */
abstract class ExtractionReport implements ExtractionListener {
    protected final PrintWriter out;
    private final PrintWriter err;

    ExtractionReport(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void capture(CaptureReport r) {
        if (r.truncation() != null) {
            err.println("sguil-bridge: " + r.pcap() + ": " + r.truncation()
                    + " (everything before it was processed)");
        }
        captureDone(r);
    }

    abstract void captureDone(CaptureReport r);
}
