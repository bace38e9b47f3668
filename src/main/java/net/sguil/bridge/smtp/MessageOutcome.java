package net.sguil.bridge.smtp;

/** How the transfer of one message ended. */
public enum MessageOutcome {
    /** End of data seen and the server answered 2xx. */
    ACCEPTED,
    /** End of data seen and the server refused it (4xx/5xx): the bytes still crossed the wire. */
    REFUSED,
    /** End of data seen, no reply captured. */
    UNCONFIRMED,
    /** The stream ended (or the session was reset) before the end of the data. */
    INCOMPLETE
}
