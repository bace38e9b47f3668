package net.sguil.bridge.analysis;

import java.util.Map;

/**
 * What reading one capture file amounted to.
 *
 * @param truncation null, or how the file ended in the middle of a record
 * @param weirds counted anomalies of every layer, by name
 */
public record CaptureReport(String pcap, long packets, long bytes, long connections, String truncation,
                            Map<String, Long> weirds) {
}
