package net.sguil.bridge.sguil.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The detail pane of an event in the analyst console: a title and a two-column table of label/value
 * pairs. Everything is HTML-escaped, because values come from the wire (URIs, subjects, file names
 * chosen by an attacker). The result is pure ASCII: non-ASCII characters become numeric references,
 * so the console shows them whatever charset it decodes the detail with.
 *
 * <pre>{@code
 * String html = new EventDetailHtml("HTTP PUT accepted").row("URI", uri).row("Status", "201").toHtml();
 * }</pre>
 */
public final class EventDetailHtml {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    public EventDetailHtml(String title) {
        this.title = title;
    }

    /** Adds a row; a null value is left out (the rule had nothing to say there). */
    public EventDetailHtml row(String label, Object value) {
        if (value != null) {
            rows.add(new String[] {label, String.valueOf(value)});
        }
        return this;
    }

    public String toHtml() {
        StringBuilder out = new StringBuilder();
        if (title != null) {
            out.append("<b>").append(escape(title)).append("</b>\n");
        }
        out.append("<table border=\"1\" cellpadding=\"2\">\n");
        for (String[] r : rows) {
            out.append("<tr><th align=\"left\">").append(escape(r[0])).append("</th><td>")
                    .append(escape(r[1])).append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /**
     * Escapes text for HTML element content and attribute values. Control characters other than tab
     * and newline, and unpaired surrogates, become U+FFFD so they are visibly replaced, not hidden.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n' -> out.append((char) cp);
                default -> {
                    if (cp < 0x20 || cp == 0x7f || Character.isSurrogate((char) cp) && cp <= 0xffff) {
                        out.append("&#65533;");
                    } else if (cp > 0x7e) {
                        out.append("&#").append(cp).append(';');
                    } else {
                        out.append((char) cp);
                    }
                }
            }
        }
        return out.toString();
    }
}
