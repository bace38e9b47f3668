package net.sguil.bridge.tcp;

import java.time.Instant;

/**
 * Who talked to whom: the one identity of a TCP connection that every layer above {@code tcp}
 * carries in what it reports. The client is the side that opened the connection (or, picked up
 * mid-stream, the side talking to the service port).
 *
 * @param clientIp dotted quad, or RFC 5952 text for IPv6
 * @param firstSeen capture time of the connection's first packet
 * @param midstream true when the capture did not see the handshake, so the client was guessed
 */
public record ConnectionId(String clientIp, int clientPort, String serverIp, int serverPort, Instant firstSeen,
                           boolean midstream) {

    /** Dotted quad, or RFC 5952 text for IPv6 (lower case, longest zero run as "::"). */
    public static String address(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return clientIp + ":" + clientPort + " -> " + serverIp + ":" + serverPort;
    }
}
