package net.sguil.bridge.sguil.agent;

import java.io.IOException;

/** The peer broke the sguild protocol or refused us; the connection is unusable and is dropped. */
public class SguildException extends IOException {
    public SguildException(String message) {
        super(message);
    }

    public SguildException(String message, Throwable cause) {
        super(message, cause);
    }
}
