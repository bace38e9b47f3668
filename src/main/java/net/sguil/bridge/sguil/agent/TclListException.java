package net.sguil.bridge.sguil.agent;

/** A line that is not a valid Tcl list; sguild's peers drop such lines without a reply, and so do we. */
public final class TclListException extends Exception {
    public TclListException(String message) {
        super(message);
    }
}
