package net.sguil.bridge.sguil;

/** A sensor name that cannot safely become part of a table name. */
public final class InvalidSensorNameException extends IllegalArgumentException {
    public InvalidSensorNameException(String message) {
        super(message);
    }
}
