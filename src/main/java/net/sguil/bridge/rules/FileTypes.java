package net.sguil.bridge.rules;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.sguil.bridge.files.MagicDetector;

/**
 * What a file name's extension promises, compared with the type detected from the file's first
 * bytes (the magic names of {@code Attachment.getMagic()}), as {@link MagicDetector} knows them.
 * Static so DRL can call it.
 */
public final class FileTypes {
    /** Extensions Windows (or a shell) will run or open as code. */
    private static final Set<String> EXECUTABLE = Set.of("exe", "scr", "com", "pif", "cpl", "dll", "sys", "msi",
            "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "jar", "lnk", "sh", "elf");

    private FileTypes() {
    }

    /**
     * The last extension of {@code filename}, lower case, without the dot; empty when there is none.
     * Trailing dots and spaces are ignored, as Windows ignores them.
     */
    public static String extension(String filename) {
        String n = stripTrail(filename);
        int dot = n.lastIndexOf('.');
        return dot < 0 || dot == n.length() - 1 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The magic names a file with this extension should have, in alphabetical order (an event detail
     * lists them, and must read the same every time); empty when the extension promises nothing known.
     */
    public static SortedSet<String> expectedTypes(String extension) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(MagicDetector.expectedTypesForExtension(extension)));
    }

    /**
     * True when the name's extension promises a known type and the detected type is a different one,
     * e.g. {@code invoice.pdf} holding a PE executable. Empty files say nothing.
     */
    public static boolean extensionDisagrees(String filename, String magic, long size) {
        if (magic == null || magic.isEmpty() || size == 0) {
            return false;
        }
        Set<String> expected = expectedTypes(extension(filename));
        return !expected.isEmpty() && !expected.contains(magic);
    }

    /**
     * True for a name that ends in an executable extension right after a harmless-looking one,
     * e.g. {@code invoice.pdf.exe}, {@code photo.jpg .scr}.
     */
    public static boolean hasDoubleExtension(String filename) {
        String n = stripTrail(filename);
        String last = extension(n);
        if (!EXECUTABLE.contains(last)) {
            return false;
        }
        String before = stripTrail(n.substring(0, n.length() - last.length() - 1));
        String previous = extension(before);
        return !previous.isEmpty() && !expectedTypes(previous).isEmpty() && !EXECUTABLE.contains(previous);
    }

    private static String stripTrail(String filename) {
        if (filename == null) {
            return "";
        }
        int end = filename.length();
        while (end > 0 && (filename.charAt(end - 1) == '.' || Character.isWhitespace(filename.charAt(end - 1)))) {
            end--;
        }
        return filename.substring(0, end);
    }
}
