package net.sguil.bridge.http;

/** Strict parsers of HTTP/1.0 and 1.1 request and status lines; {@code null} for anything else. */
final class StartLines {
    record RequestLine(String method, String target, String version) {
    }

    record StatusLine(String version, int status, String reason) {
    }

    private static final String TCHAR_PUNCT = "!#$%&'*+-.^_`|~";
    private static final int MAX_METHOD = 32;

    private StartLines() {
    }

    /** {@code METHOD SP target SP HTTP/1.x}, single spaces, method a token (any case), target without controls. */
    static RequestLine request(String line) {
        int sp1 = line.indexOf(' ');
        if (sp1 < 1 || sp1 > MAX_METHOD) {
            return null;
        }
        int sp2 = line.indexOf(' ', sp1 + 1);
        if (sp2 < 0 || sp2 == sp1 + 1 || line.length() - sp2 - 1 != 8) {
            return null;
        }
        for (int i = 0; i < sp1; i++) {
            if (!tchar(line.charAt(i))) {
                return null;
            }
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return null;
            }
        }
        String version = line.substring(sp2 + 1);
        return isVersion(version) ? new RequestLine(line.substring(0, sp1), line.substring(sp1 + 1, sp2), version) : null;
    }

    /** {@code HTTP/1.x SP 3DIGIT [SP reason]}. */
    static StatusLine status(String line) {
        if (line.length() < 12 || !isVersion(line.substring(0, 8)) || line.charAt(8) != ' ') {
            return null;
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100) {
            return null;
        }
        if (line.length() == 12) {
            return new StatusLine(line.substring(0, 8), code, "");
        }
        return line.charAt(12) == ' ' ? new StatusLine(line.substring(0, 8), code, line.substring(13)) : null;
    }

    private static boolean isVersion(String v) {
        return v.equals("HTTP/1.1") || v.equals("HTTP/1.0");
    }

    private static boolean tchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TCHAR_PUNCT.indexOf(c) >= 0;
    }
}
