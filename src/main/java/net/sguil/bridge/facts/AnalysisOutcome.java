package net.sguil.bridge.facts;

import java.time.Instant;
import java.util.List;

/**
 * What became of one {@link ExtractSession}: the session's facts found in the sensor's captures
 * ({@code findings}: {@link SmtpMessage}, {@link Attachment}, {@link HttpTransaction}, also inserted
 * on their own), or why it could not be served ({@code why}: no capture file for the time, the
 * session not in them, the sensor without a {@code raw_log_dir}, a failed read). Stamped with the
 * time the analysis ended, so a rule answering a request sees it however old the session is.
 */
public final class AnalysisOutcome {
    private final ExtractSession request;
    private final String why;
    private final List<Object> findings;
    private final List<String> captureFiles;
    private final Instant time;

    private AnalysisOutcome(ExtractSession request, String why, List<Object> findings, List<String> captureFiles,
                            Instant time) {
        this.request = request;
        this.why = why;
        this.findings = List.copyOf(findings);
        this.captureFiles = List.copyOf(captureFiles);
        this.time = time;
    }

    public static AnalysisOutcome served(ExtractSession request, List<Object> findings, List<String> captureFiles,
                                         Instant time) {
        return new AnalysisOutcome(request, "", findings, captureFiles, time);
    }

    public static AnalysisOutcome notServed(ExtractSession request, String why, List<String> captureFiles, Instant time) {
        return new AnalysisOutcome(request, why, List.of(), captureFiles, time);
    }

    public ExtractSession getRequest() { return request; }
    /** The session was found in the captures and analysed. */
    public boolean isServed() { return why.isEmpty(); }
    /** Why it was not; "" when it was. */
    public String getWhy() { return why; }
    public List<Object> getFindings() { return findings; }
    /** The capture files searched (file names). */
    public List<String> getCaptureFiles() { return captureFiles; }
    /** An analyst asked for this session ({@link ExtractSession#getAsked()} is set). */
    public boolean isAsked() { return request.getAsked() != null; }
    public Instant getTime() { return time; }
    public long getTimeMillis() { return time.toEpochMilli(); }
}
