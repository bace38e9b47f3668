package net.sguil.bridge.extract;

/** Application protocols the bridge recognises by their dialogue, whatever the port. */
public enum Protocol {
    SMTP, HTTP
}
