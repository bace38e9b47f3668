package net.sguil.bridge.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of IPv4/IPv6 networks in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare
 * address is a /32 or /128). Membership of a textual address, never a DNS lookup. Immutable.
 */
public final class NetworkSet {
    private record Network(byte[] prefix, int bits) {
        boolean contains(byte[] addr) {
            if (addr.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (addr[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (addr[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final NetworkSet EMPTY = new NetworkSet(List.of(), "");
    private final List<Network> networks;
    private final String text;

    private NetworkSet(List<Network> networks, String text) {
        this.networks = List.copyOf(networks);
        this.text = text;
    }

    public static NetworkSet empty() {
        return EMPTY;
    }

    /** Parses a comma- or space-separated list of networks. */
    public static NetworkSet parse(String list) {
        List<Network> out = new ArrayList<>();
        for (String item : list.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            int slash = item.indexOf('/');
            byte[] addr = parseAddress(slash < 0 ? item : item.substring(0, slash));
            if (addr == null) {
                throw new IllegalArgumentException("not an IP address or network: " + item);
            }
            int bits = addr.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(item.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > addr.length * 8) {
                    throw new IllegalArgumentException("bad prefix length: " + item);
                }
            }
            out.add(new Network(addr, bits));
        }
        return new NetworkSet(out, String.join(",", list.strip().split("[,\\s]+")));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** True when {@code ip} is a valid address inside one of the networks; false for anything else. */
    public boolean contains(String ip) {
        if (ip == null || networks.isEmpty()) {
            return false;
        }
        byte[] addr = parseAddress(ip);
        if (addr == null) {
            return false;
        }
        for (Network n : networks) {
            if (n.contains(addr)) {
                return true;
            }
        }
        return false;
    }

    /** IPv4 dotted quad or IPv6 literal; null for anything else (host names are never resolved). */
    static byte[] parseAddress(String s) {
        if (s.indexOf(':') >= 0) {
            if (!s.matches("[0-9A-Fa-f:.]+")) {
                return null;
            }
            try {
                return InetAddress.getByName(s).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        // Dotted quad by hand: this runs for every session the trending rules see.
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
