package net.sguil.bridge.analysis;

import net.sguil.bridge.facts.HttpTransaction;

/**
 * Receives what the extraction found; implement what you need, the rest is ignored. Calls come from one thread, in the order the messages and
 * sessions ended in the capture, whatever order the worker threads finished them in.
 */
public interface ExtractionListener {
    default void message(ExtractedMessage message) {
    }

    default void smtpSession(SmtpSessionRecord session) {
    }

    /** An HTTP request and its response (only when the processor was asked to analyse HTTP). */
    default void httpTransaction(HttpTransaction transaction) {
    }

    /** A capture file is done: after every message and session found in it. */
    default void capture(CaptureReport report) {
    }
}
