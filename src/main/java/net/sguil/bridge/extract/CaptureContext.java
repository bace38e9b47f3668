package net.sguil.bridge.extract;

import net.sguil.bridge.weird.Weirds;

/** The capture file being read, and the anomaly counts of every layer working on it. */
record CaptureContext(String pcap, Weirds weirds) {
}
