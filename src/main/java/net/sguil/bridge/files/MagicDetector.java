package net.sguil.bridge.files;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the type of a file from its first bytes ({@link #HEAD_SIZE} at most), the way file(1) would
 * but with a small, fixed vocabulary rules can compare against: {@code pe}, {@code mz}, {@code elf},
 * {@code macho}, {@code pdf}, {@code zip}, {@code ooxml}, {@code ole2}, {@code rar}, {@code 7z},
 * {@code gzip}, {@code bzip2}, {@code xz}, {@code cab}, {@code png}, {@code jpeg}, {@code gif},
 * {@code rtf}, {@code html}, {@code script-sh}, {@code script-js}, {@code script-vbs},
 * {@code script-ps1}, {@code script-bat}, {@code text}, {@code empty}, else {@code data}.
 */
public final class MagicDetector {
    public static final int HEAD_SIZE = 4096;

    private static final Pattern PS1 = Pattern.compile("(?i)(\\$env:\\w|\\[system\\.[a-z.]+\\]::|"
            + "\\binvoke-(expression|webrequest|restmethod)\\b|new-object\\s+(-typename\\s+)?(system\\.)?net\\.webclient|"
            + "-executionpolicy\\s+bypass|\\bwrite-host\\s|\\bset-executionpolicy\\b)");
    private static final Pattern VBS = Pattern.compile("(?i)(\\bcreateobject\\s*\\(\\s*\"(wscript|scripting|msxml2|adodb|shell)\\.|"
            + "\\bon\\s+error\\s+resume\\s+next\\b|\\bend\\s+sub\\b)");
    private static final Pattern JS = Pattern.compile("(?i)(\\bnew\\s+activexobject\\s*\\(|\\bfunction\\s*\\w*\\s*\\([\\w\\s,]*\\)\\s*\\{|"
            + "\\beval\\s*\\(|\\bdocument\\.write\\s*\\(|\\bString\\.fromCharCode\\s*\\()");
    private static final Pattern BAT = Pattern.compile("(?im)(^\\s*@?echo\\s+off\\b|%~dp0|^\\s*start\\s+\"\"\\s|"
            + "^\\s*(if\\s+(not\\s+)?exist\\s+\\S+\\s+goto|goto\\s+:?eof\\s*$))");
    private static final String[] HTML_STARTS = {"<!doctype html", "<html", "<head", "<body", "<iframe", "<script"};
    private static final Map<String, Set<String>> EXPECTED = expectedTable();

    private MagicDetector() {
    }

    /** Detects the type of the first {@code len} bytes of {@code b} (only the first {@link #HEAD_SIZE} matter). */
    public static String detect(byte[] b, int len) {
        len = Math.min(len, Math.min(b.length, HEAD_SIZE));
        if (len == 0) {
            return "empty";
        }
        String binary = binaryType(b, len);
        if (binary != null) {
            return binary;
        }
        if (!looksLikeText(b, len)) {
            return "data";
        }
        return textType(new String(b, 0, len, StandardCharsets.ISO_8859_1));
    }

    /**
     * Types a file with this extension (with or without the dot, any case) may plausibly have;
     * the empty set means "no opinion".
     */
    public static Set<String> expectedTypesForExtension(String ext) {
        if (ext == null) {
            return Set.of();
        }
        String e = ext.startsWith(".") ? ext.substring(1) : ext;
        return EXPECTED.getOrDefault(e.toLowerCase(Locale.ROOT), Set.of());
    }

    private static String binaryType(byte[] b, int len) {
        if (starts(b, len, 'M', 'Z')) {
            return executableType(b, len);
        }
        if (starts(b, len, 0x7F, 'E', 'L', 'F')) {
            return "elf";
        }
        if (isMachO(b, len)) {
            return "macho";
        }
        if (starts(b, len, 'P', 'K') && len >= 4 && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6
                || b[2] == 7 && b[3] == 8)) {
            return indexOf(b, len, "[Content_Types].xml") >= 0 ? "ooxml" : "zip";
        }
        if (starts(b, len, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "ole2";
        }
        if (starts(b, len, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return "rar";
        }
        if (starts(b, len, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "7z";
        }
        if (starts(b, len, 0x1F, 0x8B)) {
            return "gzip";
        }
        if (starts(b, len, 'B', 'Z', 'h') && len > 3 && b[3] >= '1' && b[3] <= '9') {
            return "bzip2";
        }
        if (starts(b, len, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return "xz";
        }
        if (starts(b, len, 'M', 'S', 'C', 'F', 0, 0, 0, 0)) {
            return "cab";
        }
        if (starts(b, len, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "png";
        }
        if (starts(b, len, 0xFF, 0xD8, 0xFF)) {
            return "jpeg";
        }
        if (starts(b, len, 'G', 'I', 'F', '8', '7', 'a') || starts(b, len, 'G', 'I', 'F', '8', '9', 'a')) {
            return "gif";
        }
        if (starts(b, len, '{', '\\', 'r', 't', 'f')) {
            return "rtf";
        }
        // Readers accept a PDF header anywhere in the first KiB; droppers use that to hide it.
        if (indexOf(b, Math.min(len, 1024), "%PDF-") >= 0) {
            return "pdf";
        }
        return null;
    }

    private static String executableType(byte[] b, int len) {
        if (len < 0x40) {
            return "mz";
        }
        long lfanew = (b[0x3C] & 0xFFL) | (b[0x3D] & 0xFFL) << 8 | (b[0x3E] & 0xFFL) << 16 | (b[0x3F] & 0xFFL) << 24;
        if (lfanew >= 0x40 && lfanew + 4 <= len) {
            int p = (int) lfanew;
            if (b[p] == 'P' && b[p + 1] == 'E' && b[p + 2] == 0 && b[p + 3] == 0) {
                return "pe";
            }
        }
        return "mz";
    }

    private static boolean isMachO(byte[] b, int len) {
        if (len < 8) {
            return false;
        }
        int be = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        switch (be) {
            case 0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE, 0xBEBAFECA:
                return true;
            case 0xCAFEBABE, 0xCAFEBABF:
                // Java class files share CAFEBABE; their version word is >= 45, a fat binary's arch count is small.
                int count = (b[4] & 0xFF) << 24 | (b[5] & 0xFF) << 16 | (b[6] & 0xFF) << 8 | (b[7] & 0xFF);
                return count > 0 && count < 32;
            default:
                return false;
        }
    }

    /** Text: no NUL, and nearly no other control characters (bytes >= 0x80 are taken as some 8-bit charset). */
    private static boolean looksLikeText(byte[] b, int len) {
        int odd = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F) {
                odd++;
            }
        }
        return odd * 100 <= len;
    }

    private static String textType(String s) {
        String start = s.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (s.startsWith("#!")) {
            return "script-sh";
        }
        for (String h : HTML_STARTS) {
            if (start.startsWith(h)) {
                return "html";
            }
        }
        if (PS1.matcher(s).find()) {
            return "script-ps1";
        }
        if (VBS.matcher(s).find()) {
            return "script-vbs";
        }
        if (JS.matcher(s).find()) {
            return "script-js";
        }
        if (BAT.matcher(s).find()) {
            return "script-bat";
        }
        return "text";
    }

    private static boolean starts(byte[] b, int len, int... magic) {
        if (len < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int len, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= len; i++) {
            for (int j = 0; j < n.length; j++) {
                if (b[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, Set<String>> expectedTable() {
        Map<String, Set<String>> m = new HashMap<>();
        put(m, Set.of("pe", "mz"), "exe", "dll", "scr", "sys", "cpl", "ocx", "drv", "efi", "pif");
        put(m, Set.of("pdf"), "pdf");
        put(m, Set.of("ole2"), "doc", "xls", "ppt", "msg", "dot", "xlt", "pps", "pot", "msi", "vsd", "pub");
        put(m, Set.of("ooxml", "zip"), "docx", "xlsx", "pptx", "docm", "xlsm", "pptm", "dotx", "dotm", "xltx",
                "xltm", "ppsx", "ppsm", "xlsb", "vsdx");
        put(m, Set.of("zip", "ooxml"), "zip");
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

    private static void put(Map<String, Set<String>> m, Set<String> types, String... exts) {
        for (String e : exts) {
            m.put(e, types);
        }
    }
}
