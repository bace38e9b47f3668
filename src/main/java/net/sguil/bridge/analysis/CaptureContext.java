package net.sguil.bridge.analysis;

import net.sguil.bridge.weird.Weirds;

/**
 * The capture being read — one file, or a sensor's consecutive files read as one — and the anomaly
 * counts of every layer working on it. Knows which file is being read, so that what is reported
 * about a connection names the file(s) that held its packets, not merely the first file searched.
 */
final class CaptureContext {
    private final Weirds weirds = new Weirds();
    private volatile String currentFile;

    CaptureContext(String firstFile) {
        this.currentFile = firstFile;
    }

    Weirds weirds() {
        return weirds;
    }

    /** Called by the reading thread when it moves on to the next file. */
    void reading(String file) {
        currentFile = file;
    }

    String currentFile() {
        return currentFile;
    }
}
