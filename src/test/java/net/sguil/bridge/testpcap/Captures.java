package net.sguil.bridge.testpcap;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Helpers for whole packet lists: merging several sessions, writing them in either format. */
public final class Captures {
    private Captures() {
    }

    /** Interleaves packet lists by timestamp (stable: equal timestamps keep list order). */
    @SafeVarargs
    public static List<Packet> merge(List<Packet>... lists) {
        List<Packet> all = new ArrayList<>();
        for (List<Packet> l : lists) {
            all.addAll(l);
        }
        all.sort(Comparator.comparingLong(Packet::tsNanos));
        return all;
    }

    /** Classic pcap, little-endian, microseconds. */
    public static Path writePcap(Path file, LinkLayer link, List<Packet> packets) throws IOException {
        try (PcapWriter w = PcapWriter.builder().link(link).open(file)) {
            w.writeAll(packets);
        }
        return file;
    }

    /** pcapng, one interface with nanosecond resolution. */
    public static Path writePcapng(Path file, LinkLayer link, List<Packet> packets) throws IOException {
        try (PcapngWriter w = PcapngWriter.open(file, ByteOrder.LITTLE_ENDIAN)) {
            w.addInterface(link.linkType, 262144, PcapngWriter.TSRESOL_NANOS);
            w.writeAll(packets);
        }
        return file;
    }
}
