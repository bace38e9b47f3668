package net.sguil.bridge.detect;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the protocol detection counts. */
public enum DetectWeird implements Weird {
    @Means("a connection speaking neither SMTP nor HTTP; not analysed")
    DETECT_UNKNOWN_PROTOCOL,
    @Means("a SOCKS handshake refused, broken or cut by a capture gap; what follows is not analysed")
    DETECT_TUNNEL_NOT_FOLLOWED
}
