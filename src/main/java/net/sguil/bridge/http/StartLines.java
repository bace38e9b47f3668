package net.sguil.bridge.http;

/**
 * Parsers of request and status lines as tolerant as Zeek and real servers are: a request line is
 * any method token and a space, then any target, then a version if there is one; a status line is
 * {@code HTTP/}, any version, a space and a three-digit status, with or without a reason. Only
 * {@code HTTP/1.0} and {@code HTTP/1.1} are {@code versionOk}; anything else is still a start line.
 * {@code null} when the line is not a start line at all.
 */
final class StartLines {
    /** @param version as sent: empty when missing */
    record RequestLine(String method, String target, String version, boolean versionOk) {
    }

    record StatusLine(String version, int status, String reason, boolean versionOk) {
    }

    private static final String TCHAR_PUNCT = "!#$%&'*+-.^_`|~";
    private static final int MAX_METHOD = 32;

    private StartLines() {
    }

    /**
     * {@code METHOD SP target [SP version]}: the method a token (case kept); the version the last
     * space-separated word when it starts with {@code HTTP/}, otherwise missing and the target runs to
     * the end of the line. So {@code PUT /HTTP/1.1} is a PUT of {@code /HTTP/1.1} without a version,
     * and {@code PUT } followed by anything is a PUT: what Snort's {@code content:"PUT "; depth:4} sees.
     */
    static RequestLine request(String line) {
        int sp = line.indexOf(' ');
        if (sp < 1 || sp > MAX_METHOD) {
            return null;
        }
        for (int i = 0; i < sp; i++) {
            if (!tchar(line.charAt(i))) {
                return null;
            }
        }
        int from = sp + 1;
        while (from < line.length() && line.charAt(from) == ' ') {
            from++;
        }
        int to = line.length();
        while (to > from && (line.charAt(to - 1) == ' ' || line.charAt(to - 1) == '\t')) {
            to--;
        }
        int last = line.lastIndexOf(' ', to - 1);
        String version = "";
        if (last >= from && line.startsWith("HTTP/", last + 1)) {
            version = line.substring(last + 1, to);
            to = last;
            while (to > from && line.charAt(to - 1) == ' ') {
                to--;
            }
        }
        return new RequestLine(line.substring(0, sp), line.substring(from, to), version, isVersion(version));
    }

    /** {@code HTTP/version SP 3DIGIT [SP reason]}, extra spaces before the status tolerated. */
    static StatusLine status(String line) {
        if (!line.startsWith("HTTP/")) {
            return null;
        }
        int sp = line.indexOf(' ');
        if (sp < 0) {
            return null;
        }
        int at = sp;
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        if (line.length() < at + 3) {
            return null;
        }
        int code = 0;
        for (int i = at; i < at + 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100 || (line.length() > at + 3 && Character.isDigit(line.charAt(at + 3)))) {
            return null;
        }
        String version = line.substring(0, sp);
        String reason = line.length() <= at + 3 ? "" : line.substring(line.charAt(at + 3) == ' ' ? at + 4 : at + 3);
        return new StatusLine(version, code, reason, isVersion(version));
    }

    private static boolean isVersion(String v) {
        return v.equals("HTTP/1.1") || v.equals("HTTP/1.0");
    }

    private static boolean tchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TCHAR_PUNCT.indexOf(c) >= 0;
    }
}
