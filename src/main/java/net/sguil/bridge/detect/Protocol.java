package net.sguil.bridge.detect;

/** Application protocols the bridge analyses, recognised by their dialogue whatever the port. */
public enum Protocol {
    SMTP,
    HTTP,
    /** HTTP whose first request is a CONNECT: a proxy asked for a tunnel, whose payload may be anything. */
    HTTP_CONNECT
}
