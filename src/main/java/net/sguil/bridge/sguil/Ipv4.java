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
        long v = valueOf(s);
        if (v < 0) {
            throw new IllegalArgumentException(s == null ? "no IPv4 address" : "not a dotted IPv4 address: " + printable(s));
        }
        return v;
    }

    /** The number of a strict dotted quad, or -1 when {@code s} is anything else (IPv6, a name, null). */
    public static long valueOf(String s) {
        if (s == null) {
            return -1;
        }
        long v = 0;
        int parts = 0;
        int digits = 0;
        int part = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3) {
                part = part * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && part <= 255 && parts < 4) {
                v = (v << 8) | part;
                parts++;
                digits = 0;
                part = 0;
            } else {
                return -1;
            }
        }
        return parts == 4 ? v : -1;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "'" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
