package net.sguil.bridge.files;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name chosen by an attacker into one that is safe to create inside a directory:
 * a single path component of bounded length, without control characters, hidden-file dots,
 * shell-option dashes or Windows device names. The result is never empty, "." or "..".
 */
public final class SafeFileName {
    /** Default bound, in UTF-8 bytes, well under the 255-byte NAME_MAX of Linux file systems. */
    public static final int DEFAULT_MAX_LENGTH = 200;
    static final String EMPTY_REPLACEMENT = "attachment";
    private static final int MAX_EXTENSION_LENGTH = 16;
    private static final String SAFE_PUNCTUATION = ".-_+()[],@=~";
    /**
     * How the JVM encodes file names: UTF-8 under a UTF-8 locale, but ASCII when the process runs with
     * none (LANG unset, as under a bare root shell or cron), where a letter such as {@code Ü} would
     * make the file impossible to create. Such letters become {@code _} then, like other unsafe ones.
     */
    private static final Charset FILE_NAMES = fileNameCharset();
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$",
            "CONOUT$", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
            "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private final String stem;
    private final String extension;
    private final int maxLength;

    private SafeFileName(String stem, String extension, int maxLength) {
        this.stem = stem;
        this.extension = extension;
        this.maxLength = maxLength;
    }

    /** Sanitizes {@code declared} (may be null) to at most {@code maxLength} UTF-8 bytes. */
    public static SafeFileName of(String declared, int maxLength) {
        if (maxLength < 32) {
            throw new IllegalArgumentException("maxLength too small: " + maxLength);
        }
        String name = cleanCharacters(lastComponent(declared == null ? "" : declared));
        name = stripEdges(name);
        if (name.isEmpty()) {
            name = EMPTY_REPLACEMENT;
        }
        int dot = name.lastIndexOf('.');
        String stem = name;
        String ext = "";
        if (dot > 0 && name.length() - dot - 1 <= MAX_EXTENSION_LENGTH) {
            stem = name.substring(0, dot);
            ext = name.substring(dot + 1);
        }
        stem = stripEdges(stem);
        if (stem.isEmpty()) {
            stem = EMPTY_REPLACEMENT;
        }
        String device = stem.contains(".") ? stem.substring(0, stem.indexOf('.')) : stem;
        if (WINDOWS_DEVICES.contains(device.toUpperCase(Locale.ROOT))) {
            stem = "_" + stem;
        }
        return new SafeFileName(stem, ext, maxLength);
    }

    /** The name itself. */
    public String name() {
        return compose("");
    }

    /** The name with {@code -n} before the extension, for the n-th file that wanted the same name. */
    public String withSuffix(int n) {
        return n == 0 ? name() : compose("-" + n);
    }

    private String compose(String suffix) {
        String tail = suffix + (extension.isEmpty() ? "" : "." + extension);
        int room = maxLength - utf8Length(tail);
        return truncateUtf8(stem, room) + tail;
    }

    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }

    private static String lastComponent(String s) {
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return s.substring(cut + 1);
    }

    private static String cleanCharacters(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 4096));
        CharsetEncoder fileNames = FILE_NAMES.newEncoder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || cp == 0xFFFD) {
                return; // invisible or direction-changing characters only serve to disguise a name
            }
            if ((Character.isLetterOrDigit(cp) || SAFE_PUNCTUATION.indexOf(cp) >= 0)
                    && (cp < 0x80 || fileNames.canEncode(Character.toString(cp)))) {
                b.appendCodePoint(cp);
            } else {
                b.append('_');
            }
        });
        return b.toString();
    }

    /** No leading dots (hidden files, "." and ".."), no leading dashes (options), no trailing dots (Windows). */
    private static String stripEdges(String s) {
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '.' || s.charAt(start) == '-')) {
            start++;
        }
        int end = s.length();
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(start, end);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String truncateUtf8(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return i == 0 ? "_" : s.substring(0, i);
    }
}
