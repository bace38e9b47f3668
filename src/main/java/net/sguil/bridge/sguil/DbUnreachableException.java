package net.sguil.bridge.sguil;

/** The database could not be reached or refused the login. The message is one line and never holds the password. */
public final class DbUnreachableException extends Exception {
    public DbUnreachableException(String message) {
        super(message);
    }
}
