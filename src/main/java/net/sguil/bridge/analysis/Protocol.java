package net.sguil.bridge.analysis;

/** Application protocols the bridge recognises by their dialogue, whatever the port. */
public enum Protocol {
    SMTP, HTTP
}
