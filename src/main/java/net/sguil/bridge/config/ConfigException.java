package net.sguil.bridge.config;

/** A configuration file or option that cannot be used; the message names the file and line. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
