package net.sguil.bridge.cli;

/**
 * An ordinary failure of a command (a missing file, an output directory that cannot be made): one
 * line for the user, naming the file and what to do, and the exit status that goes with it.
 * {@link Failures} prints it; no stack trace, since nothing went wrong inside the bridge.
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
