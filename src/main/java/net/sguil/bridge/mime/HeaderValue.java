package net.sguil.bridge.mime;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sguil.bridge.weird.Weirds;

/**
 * A structured header (Content-Type, Content-Disposition) split into its value and parameters by
 * Jakarta Mail, which joins RFC 2231 continuations and decodes their charsets (RFC 2047 words in
 * values are {@link EncodedWords}' job). Jakarta's parser is
 * strict unless a JVM-wide system property says otherwise; rather than flip that for the whole
 * process, a value it rejects is re-tokenized leniently here (split at unquoted semicolons, values
 * re-quoted) and handed back to it, so the RFC 2231 handling stays Jakarta's.
 */
final class HeaderValue {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    private final String value;
    private final ParameterList params;

    private HeaderValue(String value, ParameterList params) {
        this.value = value;
        this.params = params;
    }

    /** The value before the parameters, lower case ({@code multipart/mixed}, {@code attachment}); may be empty. */
    String value() {
        return value;
    }

    /** A parameter, RFC 2231-decoded, or null. */
    String param(String name) {
        return params.get(name);
    }

    /** Parses a Content-Type; null when {@code raw} is null, type "" when it is not a type/subtype. */
    static HeaderValue contentType(String raw, Weirds weirds) {
        if (raw == null) {
            return null;
        }
        try {
            ContentType ct = new ContentType(raw);
            ParameterList p = ct.getParameterList();
            return new HeaderValue(ct.getBaseType().toLowerCase(Locale.ROOT), p == null ? new ParameterList() : p);
        } catch (ParseException | RuntimeException e) {
            HeaderValue lenient = lenient(raw, weirds);
            String type = lenient.value.replaceAll("\\s+", "");
            return new HeaderValue(MIME_TYPE.matcher(type).matches() ? type : "", lenient.params);
        }
    }

    /** Parses a Content-Disposition; null when {@code raw} is null. */
    static HeaderValue contentDisposition(String raw, Weirds weirds) {
        if (raw == null) {
            return null;
        }
        try {
            ContentDisposition cd = new ContentDisposition(raw);
            String d = cd.getDisposition();
            ParameterList p = cd.getParameterList();
            return new HeaderValue(d == null ? "" : d.toLowerCase(Locale.ROOT), p == null ? new ParameterList() : p);
        } catch (ParseException | RuntimeException e) {
            return lenient(raw, weirds);
        }
    }

    private static HeaderValue lenient(String raw, Weirds weirds) {
        weirds.count(MimeWeird.MIME_BAD_PARAMETERS);
        int semi = raw.indexOf(';');
        String value = (semi < 0 ? raw : raw.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        StringBuilder rebuilt = new StringBuilder();
        if (semi >= 0) {
            for (String segment : splitUnquoted(raw.substring(semi + 1))) {
                int eq = segment.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = segment.substring(0, eq).trim();
                if (!TOKEN.matcher(name).matches()) {
                    continue;
                }
                rebuilt.append("; ").append(name).append("=\"")
                        .append(unquote(segment.substring(eq + 1).trim()).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
        }
        try {
            return new HeaderValue(value, new ParameterList(rebuilt.toString()));
        } catch (ParseException | RuntimeException e) {
            return new HeaderValue(value, new ParameterList());
        }
    }

    private static List<String> splitUnquoted(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return v;
    }
}
