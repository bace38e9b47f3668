package net.sguil.bridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What reaches the user when a command fails: one line on stderr and a documented exit status; the
 * stack trace only with {@code --debug}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Main main;

    Failures(Main main) {
        this.main = main;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int status;
        if (ex instanceof CommandFailure f) {
            err.println("sguil-bridge: " + f.getMessage());
            status = f.exitCode();
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            // Inputs are checked before any work starts, so what fails with I/O midway is the output.
            IOException io = ex instanceof UncheckedIOException u ? u.getCause() : (IOException) ex;
            err.println("sguil-bridge: cannot write: " + describe(io));
            status = Main.EXIT_OUTPUT;
        } else {
            err.println("sguil-bridge: internal error: " + ex + (main.debugging() ? ""
                    : " (run again with --debug for the stack trace, and please report it)"));
            status = Main.EXIT_INTERNAL;
        }
        if (main.debugging()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** A usage error: the message and where to read more, on one line (not the whole usage text). */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("sguil-bridge: " + ex.getMessage() + " (see: " + cl.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }

    /** "FILE: reason", in words rather than Java's exception names. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(f);
        }
        return String.valueOf(e.getMessage());
    }

    /** Why a file operation failed, in the words of strerror where Java keeps them. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }
}
