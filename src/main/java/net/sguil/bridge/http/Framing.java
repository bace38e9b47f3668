package net.sguil.bridge.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sguil.bridge.weird.Weirds;

/** How a message's body is delimited, from its framing headers (RFC 9112 section 6). */
record Framing(BodyReader.Kind kind, long length) {
    static final Framing NONE = new Framing(BodyReader.Kind.NONE, 0);

    /**
     * @param response a response without framing headers runs until the connection closes; a request has no body
     * @return null when the framing is contradictory or malformed (the direction cannot be followed)
     */
    static Framing of(List<Map.Entry<String, String>> fields, boolean response, Weirds weirds) {
        String te = null;
        String length = null;
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                te = te == null ? f.getValue() : te + "," + f.getValue();
            } else if (f.getKey().equalsIgnoreCase("Content-Length")) {
                for (String v : f.getValue().split(",", -1)) {
                    String t = v.trim();
                    if (length != null && !length.equals(t)) {
                        weirds.count(HttpWeird.HTTP_CONTENT_LENGTH_CONFLICT);
                        return null;
                    }
                    length = t;
                }
            }
        }
        if (te != null) {
            if (length != null) {
                weirds.count(HttpWeird.HTTP_TE_AND_CONTENT_LENGTH);
            }
            // Empty list elements ("chunked, ," or just ",") are to be ignored (RFC 9110 5.6.1).
            String last = "";
            for (String coding : te.split(",")) {
                if (!coding.isBlank()) {
                    last = coding.trim();
                }
            }
            if (last.toLowerCase(Locale.ROOT).equals("chunked")) {
                return new Framing(BodyReader.Kind.CHUNKED, 0);
            }
            if (response) {
                return new Framing(BodyReader.Kind.UNTIL_CLOSE, 0);
            }
            weirds.count(HttpWeird.HTTP_BAD_TRANSFER_ENCODING);
            return null;
        }
        if (length != null) {
            long n = parseLength(length);
            if (n < 0) {
                weirds.count(HttpWeird.HTTP_BAD_CONTENT_LENGTH);
                return null;
            }
            return new Framing(BodyReader.Kind.LENGTH, n);
        }
        return response ? new Framing(BodyReader.Kind.UNTIL_CLOSE, 0) : NONE;
    }

    private static long parseLength(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
