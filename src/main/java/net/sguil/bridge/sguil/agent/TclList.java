package net.sguil.bridge.sguil.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Tcl lists, the framing of every sguild message (SGUIL.md section 3, "Framing").
 * {@link #encode} picks per element the same three forms Tcl's {@code list} does: a bare word, a
 * braced word, or a backslash-escaped word. {@link #parse} accepts what Tcl's list parser accepts:
 * bare words with backslash substitution, braced words (literal, nested braces), quoted words.
 */
public final class TclList {
    private TclList() {
    }

    public static String encode(List<String> elements) {
        StringBuilder out = new StringBuilder();
        for (String e : elements) {
            if (out.length() > 0) {
                out.append(' ');
            }
            appendElement(out, e);
        }
        return out.toString();
    }

    private static void appendElement(StringBuilder out, String e) {
        if (e.isEmpty()) {
            out.append("{}");
        } else if (isBare(e)) {
            out.append(e);
        } else if (canBrace(e)) {
            out.append('{').append(e).append('}');
        } else {
            appendEscaped(out, e);
        }
    }

    private static boolean isBare(String e) {
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_.:/@+,=%-".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean canBrace(String e) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\\' || c == '\r' || c == '\n') {
                return false;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static void appendEscaped(StringBuilder out, String e) {
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u000b' -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '{', '}', '[', ']', '$', '"', '\\', ';', ' ' -> out.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        // exactly four digits: Tcl's \\u takes at most four, so the next character cannot be swallowed
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Parses one line; throws for unbalanced braces, an unclosed quote or junk after a closing brace/quote. */
    public static List<String> parse(String line) throws TclListException {
        List<String> out = new ArrayList<>();
        int i = skipSpace(line, 0);
        while (i < line.length()) {
            char c = line.charAt(i);
            StringBuilder element = new StringBuilder();
            if (c == '{') {
                i = parseBraced(line, i, element);
            } else if (c == '"') {
                i = parseQuoted(line, i, element);
            } else {
                i = parseBare(line, i, element);
            }
            out.add(element.toString());
            i = skipSpace(line, i);
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int parseBraced(String s, int start, StringBuilder out) throws TclListException {
        int depth = 1;
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i += 2; // an escaped brace does not count, and stays literal
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                out.append(s, start + 1, i);
                return expectEnd(s, i + 1, "brace");
            }
            i++;
        }
        throw new TclListException("unmatched open brace at offset " + start);
    }

    private static int parseQuoted(String s, int start, StringBuilder out) throws TclListException {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                return expectEnd(s, i + 1, "quote");
            }
            i = c == '\\' ? substitute(s, i, out) : appendChar(out, c, i);
        }
        throw new TclListException("unmatched open quote at offset " + start);
    }

    private static int parseBare(String s, int i, StringBuilder out) {
        while (i < s.length() && !isSpace(s.charAt(i))) {
            char c = s.charAt(i);
            i = c == '\\' ? substitute(s, i, out) : appendChar(out, c, i);
        }
        return i;
    }

    private static int appendChar(StringBuilder out, char c, int i) {
        out.append(c);
        return i + 1;
    }

    private static int expectEnd(String s, int i, String what) throws TclListException {
        if (i < s.length() && !isSpace(s.charAt(i))) {
            throw new TclListException("list element in " + what + " followed by '" + s.charAt(i)
                    + "' instead of space at offset " + i);
        }
        return i;
    }

    /** Tcl's backslash substitution; {@code i} points at the backslash; returns the index after the sequence. */
    private static int substitute(String s, int i, StringBuilder out) {
        if (i + 1 >= s.length()) {
            out.append('\\');
            return i + 1;
        }
        char c = s.charAt(i + 1);
        switch (c) {
            case 'a': out.append('\u0007'); return i + 2;
            case 'b': out.append('\b'); return i + 2;
            case 'f': out.append('\f'); return i + 2;
            case 'n': out.append('\n'); return i + 2;
            case 'r': out.append('\r'); return i + 2;
            case 't': out.append('\t'); return i + 2;
            case 'v': out.append('\u000b'); return i + 2;
            case 'x': return hex(s, i + 2, 2, out, c);
            case 'u': return hex(s, i + 2, 4, out, c);
            case 'U': return hex(s, i + 2, 8, out, c);
            case '\n': {
                int j = i + 2;
                while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                    j++;
                }
                out.append(' ');
                return j;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int j = i + 1;
                    int v = 0;
                    while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        v = v * 8 + (s.charAt(j) - '0');
                        j++;
                    }
                    out.append((char) (v & 0xff));
                    return j;
                }
                out.append(c);
                return i + 2;
        }
    }

    private static int hex(String s, int from, int maxDigits, StringBuilder out, char letter) {
        int j = from;
        int v = 0;
        while (j < s.length() && j < from + maxDigits && Character.digit(s.charAt(j), 16) >= 0) {
            v = v * 16 + Character.digit(s.charAt(j), 16);
            j++;
        }
        if (j == from) {
            out.append(letter); // "\x" without digits is just "x", as in Tcl
        } else if (Character.isValidCodePoint(v)) {
            out.appendCodePoint(v);
        } else {
            out.append('\uFFFD');
        }
        return j;
    }
}
