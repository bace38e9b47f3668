package net.sguil.bridge.report;

import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.sguil.Ipv4;

/** The home network: IPv4 ranges given as CIDRs, kept as inclusive integer ranges the way Sguil stores addresses. */
public final class HomeNet {
    /** Inclusive range of addresses as unsigned ints. */
    public record Range(long lo, long hi) {
        public boolean contains(long ip) {
            return ip >= lo && ip <= hi;
        }
    }

    /** Bounds the size of the generated SQL; nobody's home network needs more. */
    public static final int MAX_RANGES = 256;

    private final List<Range> ranges;

    private HomeNet(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses {@code CIDR[,CIDR...]}; a bare address is a /32. Host bits below the prefix are ignored
     * ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
     */
    public static HomeNet parse(String spec) {
        List<Range> out = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty network in home net list");
            }
            int slash = p.indexOf('/');
            long addr = Ipv4.parse(slash < 0 ? p : p.substring(0, slash));
            int bits = 32;
            if (slash >= 0) {
                String b = p.substring(slash + 1);
                if (!b.matches("[0-9]{1,2}") || Integer.parseInt(b) > 32) {
                    throw new IllegalArgumentException("bad prefix length in " + p + " (0..32)");
                }
                bits = Integer.parseInt(b);
            }
            long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
            long lo = addr & mask;
            out.add(new Range(lo, lo | (~mask & 0xffffffffL)));
        }
        if (out.size() > MAX_RANGES) {
            throw new IllegalArgumentException("at most " + MAX_RANGES + " home networks");
        }
        return new HomeNet(out);
    }

    public List<Range> ranges() {
        return ranges;
    }

    public boolean contains(long ip) {
        return ranges.stream().anyMatch(r -> r.contains(ip));
    }

    /**
     * A SQL condition "column is inside" with two {@code ?} per range, e.g.
     * {@code (src_ip BETWEEN ? AND ? OR src_ip BETWEEN ? AND ?)}; {@code column} must be a fixed name.
     */
    String sqlInside(String column) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ranges.size(); i++) {
            sb.append(i == 0 ? "" : " OR ").append(column).append(" BETWEEN ? AND ?");
        }
        return sb.append(')').toString();
    }
}
