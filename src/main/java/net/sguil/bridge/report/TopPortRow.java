package net.sguil.bridge.report;

/** One line of the top-ports report. */
public record TopPortRow(int dstPort, long bytesToMynet, long bytesFromMynet, long totalBytes, long sessions) {
}
