package net.sguil.bridge.analysis;

import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.smtp.SmtpSessionSummary;

/** An SMTP session seen in a capture, reported after all of its messages. */
public record SmtpSessionRecord(SessionInfo session, SmtpSessionSummary summary) {
}
