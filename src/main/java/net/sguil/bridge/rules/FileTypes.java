package net.sguil.bridge.rules;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a file name's extension promises, compared with the type detected from the file's first
 * bytes (the short names of {@code Attachment.getMagic()}, listed in drl/README.md). Static so DRL
 * can call it.
 */
public final class FileTypes {
    /** Extensions Windows (or a shell) will run or open as code. */
    private static final Set<String> EXECUTABLE = Set.of("exe", "scr", "com", "pif", "cpl", "dll", "sys", "msi",
            "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "jar", "lnk", "sh", "elf");
    /** Extension → the short type names a file so named may plausibly have. */
    private static final Map<String, Set<String>> EXPECTED = expectedTable();

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
     * The short type names a file with this extension (with or without the dot, any case) should
     * have, in alphabetical order (an event detail lists them, and must read the same every time);
     * empty when the extension promises nothing known.
     */
    public static SortedSet<String> expectedTypes(String extension) {
        if (extension == null) {
            return Collections.emptySortedSet();
        }
        String e = extension.startsWith(".") ? extension.substring(1) : extension;
        return Collections.unmodifiableSortedSet(new TreeSet<>(EXPECTED.getOrDefault(e.toLowerCase(Locale.ROOT),
                Set.of())));
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

    private static Map<String, Set<String>> expectedTable() {
        Map<String, Set<String>> m = new HashMap<>();
        put(m, Set.of("pe", "mz"), "exe", "dll", "scr", "sys", "cpl", "ocx", "drv", "efi", "pif");
        put(m, Set.of("pdf"), "pdf");
        put(m, Set.of("ole2"), "doc", "xls", "ppt", "msg", "dot", "xlt", "pps", "pot", "msi", "vsd", "pub");
        put(m, Set.of("ooxml", "zip"), "docx", "xlsx", "pptx", "docm", "xlsm", "pptm", "dotx", "dotm", "xltx",
                "xltm", "ppsx", "ppsm", "xlsb", "vsdx", "zip");
        put(m, Set.of("zip"), "jar", "apk", "odt", "ods", "odp", "epub", "xpi");
        put(m, Set.of("rar"), "rar");
        put(m, Set.of("7z"), "7z");
        put(m, Set.of("gzip"), "gz", "tgz");
        put(m, Set.of("bzip2"), "bz2", "tbz2");
        put(m, Set.of("xz"), "xz", "txz");
        put(m, Set.of("cab"), "cab");
        put(m, Set.of("png"), "png");
        put(m, Set.of("jpeg"), "jpg", "jpeg", "jpe", "jfif");
        put(m, Set.of("gif"), "gif");
        put(m, Set.of("rtf"), "rtf");
        put(m, Set.of("elf"), "so", "elf");
        put(m, Set.of("macho"), "dylib");
        put(m, Set.of("html", "text"), "htm", "html", "xhtml");
        put(m, Set.of("text"), "txt", "csv", "log", "eml", "ics", "vcf", "md");
        put(m, Set.of("script-sh", "text"), "sh", "bash");
        put(m, Set.of("script-js", "text"), "js", "jse");
        put(m, Set.of("script-vbs", "text"), "vbs", "vbe");
        put(m, Set.of("script-ps1", "text"), "ps1", "psm1");
        put(m, Set.of("script-bat", "text"), "bat", "cmd");
        return Map.copyOf(m);
    }

    private static void put(Map<String, Set<String>> m, Set<String> types, String... extensions) {
        for (String e : extensions) {
            m.put(e, types);
        }
    }
}
