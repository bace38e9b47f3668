package net.sguil.bridge.sguil.agent;

/** An event that cannot be expressed on the wire at all (sguild would drop it silently); it is dropped and logged. */
public final class InvalidEventException extends Exception {
    public InvalidEventException(String message) {
        super(message);
    }
}
