package net.sguil.bridge.rules;

/** A configuration value or file the rules cannot use; the message names the key or file and line. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
