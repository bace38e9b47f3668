package net.sguil.bridge.files;

/**
 * Limits of storing files.
 *
 * @param maxNameLength bytes of a stored file name (the declared name is recorded as given)
 */
public record FileLimits(int maxNameLength) {
    public FileLimits {
        if (maxNameLength < 32 || maxNameLength > 250) {
            throw new IllegalArgumentException("maxNameLength must be in 32..250: " + maxNameLength);
        }
    }

    public static FileLimits defaults() {
        return new FileLimits(SafeFileName.DEFAULT_MAX_LENGTH);
    }
}
