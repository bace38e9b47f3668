package net.sguil.bridge.pcap;

import java.io.IOException;

/** The file is not a capture this reader understands; the message is one line naming the reason. */
public final class CaptureFormatException extends IOException {
    public CaptureFormatException(String message) {
        super(message);
    }
}
