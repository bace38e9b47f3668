package net.sguil.bridge.text;

import java.util.Locale;

/**
 * Shows untrusted text in printable ASCII, every other byte or character visibly escaped, so that a
 * file name, URI or header from the wire reads the same in the analyst console, a terminal and a log,
 * and no escape can be forged:
 *
 * <ul>
 *   <li>printable ASCII ({@code 0x20}–{@code 0x7e}) is itself, except {@code \}, written {@code \\};</li>
 *   <li>a byte or an ASCII control character is {@code \xNN}, two lower-case hex digits: NUL
 *       {@code \x00}, CR LF {@code \x0d\x0a}, ESC {@code \x1b}, DEL {@code \x7f}; in {@link Kind#BYTES}
 *       (wire bytes read one char per byte) every byte from {@code 0x80} is too, so UTF-8 {@code é}
 *       is {@code \xc3\xa9};</li>
 *   <li>in {@link Kind#CHARACTERS} (decoded text) a character beyond ASCII is {@code <U+XXXX>}, its
 *       code point in four to six upper-case hex digits: {@code caf<U+00E9>}, RLO {@code <U+202E>};</li>
 *   <li>{@link Style#MARKUP} also writes {@code <}, {@code >} and {@code &} as {@code \x3c},
 *       {@code \x3e}, {@code \x26}: then no text is read as a tag or an entity (the Sguil console
 *       decodes {@code &amp;} and {@code &lt;} but not {@code &#233;}, and decodes {@code &amp;lt;}
 *       twice), and a {@code <U+XXXX>} seen there always is an escape; and a space that ends the
 *       value as {@code \x20}, which HTML would not show. {@link Style#PLAIN} keeps them, for
 *       terminals, logs and JSON.</li>
 * </ul>
 * Imports nothing of the project, so that logging, rules and delivery can all use it.
 */
public final class Printable {
    /** What a string's chars are. */
    public enum Kind {
        /** Decoded text: each code point is a character (a lone surrogate stands for itself). */
        CHARACTERS,
        /** Bytes read one char per byte (ISO-8859-1), as the HTTP and SMTP analyzers hand them over. */
        BYTES
    }

    /** Where the escaped text goes. */
    public enum Style {
        /** A terminal, a log, JSON: {@code < > &} are themselves. */
        PLAIN,
        /** HTML (the Sguil console's detail): {@code < > &} are escaped too. */
        MARKUP
    }

    /** Receives the escape of one byte or character at a time; returns false to stop. */
    @FunctionalInterface
    public interface UnitSink {
        boolean accept(CharSequence unit);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Printable() {
    }

    /** Decoded text, escaped for a terminal or log; null is empty. */
    public static String chars(CharSequence value) {
        return of(value, Kind.CHARACTERS, Style.PLAIN);
    }

    /** Wire bytes (one char per byte), escaped for a terminal or log; null is empty. */
    public static String bytes(CharSequence value) {
        return of(value, Kind.BYTES, Style.PLAIN);
    }

    /** The whole value escaped; null is empty. */
    public static String of(CharSequence value, Kind kind, Style style) {
        StringBuilder out = new StringBuilder(value == null ? 0 : value.length() + 8);
        escape(value, kind, style, unit -> {
            out.append(unit);
            return true;
        });
        return out.toString();
    }

    /**
     * Appends the escape of {@code value} to {@code out} as long as {@code out} stays within
     * {@code maxLength} chars, never cutting an escape; returns how many chars of {@code value} went in.
     */
    public static int appendUpTo(StringBuilder out, CharSequence value, Kind kind, Style style, int maxLength) {
        return escape(value, kind, style, unit -> {
            if (out.length() + unit.length() > maxLength) {
                return false;
            }
            out.append(unit);
            return true;
        });
    }

    /**
     * Hands {@code sink} the escape of each byte or character of {@code value} in order, until it
     * returns false; returns how many chars of {@code value} were handed over (all of them, or
     * where the sink stopped). Null is empty.
     */
    public static int escape(CharSequence value, Kind kind, Style style, UnitSink sink) {
        if (value == null) {
            return 0;
        }
        StringBuilder unit = new StringBuilder(10);
        int n = value.length();
        int i = 0;
        while (i < n) {
            int cp = kind == Kind.BYTES ? value.charAt(i) : Character.codePointAt(value, i);
            int next = i + (kind == Kind.BYTES ? 1 : Character.charCount(cp));
            unit.setLength(0);
            append(unit, cp, kind, style, next == n);
            if (!sink.accept(unit)) {
                return i;
            }
            i = next;
        }
        return n;
    }

    private static void append(StringBuilder out, int cp, Kind kind, Style style, boolean last) {
        if (cp == '\\') {
            out.append("\\\\");
        } else if (style == Style.MARKUP && (cp == '<' || cp == '>' || cp == '&' || cp == ' ' && last)
                || cp < 0x20 || cp == 0x7f
                || kind == Kind.BYTES && cp >= 0x80 && cp <= 0xff) {
            out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
        } else if (cp < 0x80) {
            out.append((char) cp);
        } else {
            String hex = Integer.toHexString(cp).toUpperCase(Locale.ROOT);
            out.append("<U+").append("0000", Math.min(hex.length(), 4), 4).append(hex).append('>');
        }
    }
}
