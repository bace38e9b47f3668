package net.sguil.bridge.analysis;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the protocol detection counts. */
public enum DetectWeird implements Weird {
    @Means("a connection speaking neither SMTP nor HTTP; not analysed")
    DETECT_UNKNOWN_PROTOCOL
}
