package net.sguil.bridge.http;

/**
 * The few text helpers {@code drl/put-defacement.drl} needs: HTML escaping, a printable excerpt of
 * raw bytes, and a two-column HTML table for event details.
 */
public final class HttpRuleSupport {
    private HttpRuleSupport() {
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values; null becomes empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Raw bytes (one char per byte) made safe to show as text: printable ASCII kept, everything
     * else as {@code \xNN} (CR, LF and TAB as {@code \r \n \t}); cut after {@code max} bytes with "…".
     */
    public static String printable(String bytes, int max) {
        if (bytes == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int n = Math.min(bytes.length(), max);
        for (int i = 0; i < n; i++) {
            char c = bytes.charAt(i);
            switch (c) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\x%02x", (int) c & 0xff));
                    }
                }
            }
        }
        if (bytes.length() > n) {
            b.append('…');
        }
        return b.toString();
    }

    /** Label/value pairs as plain text, one "label: value" per line. */
    public static String text(String... labelsAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            b.append(labelsAndValues[i]).append(": ").append(labelsAndValues[i + 1]).append('\n');
        }
        return b.toString();
    }

    /** Label/value pairs as an HTML table, every label and value escaped. */
    public static String table(String... labelsAndValues) {
        StringBuilder b = new StringBuilder("<table>");
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            b.append("<tr><th>").append(escape(labelsAndValues[i])).append("</th><td>")
                    .append(escape(labelsAndValues[i + 1])).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }
}
