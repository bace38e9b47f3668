package net.sguil.bridge.cli;

import net.sguil.bridge.extract.CaptureReport;
import net.sguil.bridge.extract.ExtractionListener;

/** An output format of {@code extract}. Truncated captures are also reported on stderr, whatever the format. */
abstract class ExtractionReport implements ExtractionListener {
    @Override
    public void capture(CaptureReport r) {
        if (r.truncation() != null) {
            System.err.println("sguil-bridge: " + r.pcap() + ": " + r.truncation()
                    + " (everything before it was processed)");
        }
        captureDone(r);
    }

    abstract void captureDone(CaptureReport r);
}
