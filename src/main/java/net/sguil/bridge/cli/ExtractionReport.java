package net.sguil.bridge.cli;

import java.io.PrintWriter;
import net.sguil.bridge.analysis.CaptureReport;
import net.sguil.bridge.analysis.ExtractionListener;

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
        CaptureInputs.reportTruncation(err, r);
        captureDone(r);
    }

    abstract void captureDone(CaptureReport r);
}
