package net.sguil.bridge.sguil;

/** IPv4 addresses as Sguil stores them: an unsigned 32-bit number, what {@code INET_ATON} returns. */
public final class Ipv4 {
    private Ipv4() {
    }

    public static String toDotted(long v) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("not an IPv4 number: " + v);
        }
        return (v >>> 24) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }

    /** Parses a strict dotted quad (four decimal parts 0–255, no leading '+' or spaces). */
    public static long parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("no IPv4 address");
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted IPv4 address: " + printable(s));
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("not a dotted IPv4 address: " + printable(s));
            }
            int b = Integer.parseInt(p);
            if (b > 255) {
                throw new IllegalArgumentException("not a dotted IPv4 address: " + printable(s));
            }
            v = (v << 8) | b;
        }
        return v;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
