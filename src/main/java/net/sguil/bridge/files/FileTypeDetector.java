package net.sguil.bridge.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Types a file from its first bytes ({@link #HEAD_SIZE} at most) with Apache Tika's magic database,
 * never from its name (names come from attackers), and gives the type a short name from a small,
 * fixed vocabulary rules compare against: {@code pe}, {@code mz}, {@code elf}, {@code macho},
 * {@code pdf}, {@code zip}, {@code ooxml}, {@code ole2}, {@code rar}, {@code 7z}, {@code gzip},
 * {@code bzip2}, {@code xz}, {@code cab}, {@code png}, {@code jpeg}, {@code gif}, {@code rtf},
 * {@code html}, {@code script-sh}, {@code script-js}, {@code script-vbs}, {@code script-ps1},
 * {@code script-bat}, {@code text}, {@code empty}, else {@code data}.
 *
 * <p>Tika's magic reads fixed offsets where droppers do not keep still, so two answers are refined
 * here: a PE header is looked for where the DOS header's {@code e_lfanew} points (Tika tries four
 * usual offsets only), and a zip naming {@code [Content_Types].xml} anywhere in the head is OOXML
 * (Tika wants it as the first entry). It knows no content signature of PowerShell, VBScript or
 * JScript (it would need the file name, which is the attacker's); for those the few content patterns
 * droppers cannot avoid are checked. Runs once per file, on the head bytes only (about a millisecond
 * of CPU: Tika evaluates its whole magic table).
 */
public final class FileTypeDetector {
    public static final int HEAD_SIZE = 4096;

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();
    private static final MediaType MSDOWNLOAD = MediaType.parse("application/x-msdownload");
    private static final MediaType PE = MediaType.parse("application/x-msdownload; format=pe");
    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final MediaType TEXT = MediaType.TEXT_PLAIN;
    /** First match wins: a type is named by its nearest listed ancestor in Tika's type hierarchy. */
    private static final List<Map.Entry<MediaType, String>> SHORT_NAMES = List.of(
            name("application/x-elf", "elf"),
            name("application/pdf", "pdf"),
            name("application/x-tika-ooxml", "ooxml"),
            name("application/x-tika-msoffice", "ole2"),
            name("application/zip", "zip"),
            name("application/x-rar-compressed", "rar"),
            name("application/x-7z-compressed", "7z"),
            name("application/gzip", "gzip"),
            name("application/x-bzip2", "bzip2"),
            name("application/x-xz", "xz"),
            name("application/vnd.ms-cab-compressed", "cab"),
            name("image/png", "png"),
            name("image/jpeg", "jpeg"),
            name("image/gif", "gif"),
            name("application/rtf", "rtf"),
            name("text/html", "html"),
            name("application/xhtml+xml", "html"),
            name("application/x-sh", "script-sh"),
            name("application/x-bat", "script-bat"),
            name("application/javascript", "script-js"),
            name("text/javascript", "script-js"),
            name("text/vbscript", "script-vbs"));

    private static final Pattern PS1 = Pattern.compile("(?i)(\\$env:\\w|\\[system\\.[a-z.]+\\]::|"
            + "\\binvoke-(expression|webrequest|restmethod)\\b|new-object\\s+(-typename\\s+)?(system\\.)?net\\.webclient|"
            + "-executionpolicy\\s+bypass|\\bwrite-host\\s|\\bset-executionpolicy\\b)");
    private static final Pattern VBS = Pattern.compile("(?i)(\\bcreateobject\\s*\\(\\s*\"(wscript|scripting|msxml2|adodb|shell)\\.|"
            + "\\bon\\s+error\\s+resume\\s+next\\b|\\bend\\s+sub\\b)");
    private static final Pattern JS = Pattern.compile("(?i)(\\bnew\\s+activexobject\\s*\\(|\\bfunction\\s*\\w*\\s*\\([\\w\\s,]*\\)\\s*\\{|"
            + "\\beval\\s*\\(|\\bdocument\\.write\\s*\\(|\\bString\\.fromCharCode\\s*\\()");
    private static final Pattern BAT = Pattern.compile("(?im)(^\\s*@?echo\\s+off\\b|%~dp0|^\\s*start\\s+\"\"\\s|"
            + "^\\s*(if\\s+(not\\s+)?exist\\s+\\S+\\s+goto|goto\\s+:?eof\\s*$))");
    private static final byte[] OOXML_PART = "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII);

    private FileTypeDetector() {
    }

    /** Types the first {@code len} bytes of {@code b} (only the first {@link #HEAD_SIZE} are looked at). */
    public static FileType detect(byte[] b, int len) {
        len = Math.min(len, Math.min(b.length, HEAD_SIZE));
        MediaType type = refined(tika(b, len), b, len);
        return new FileType(type.toString(), len == 0 ? "empty" : shortName(type, b, len));
    }

    private static MediaType tika(byte[] b, int len) {
        try {
            return TIKA.detect(new ByteArrayInputStream(b, 0, len), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an array cannot fail", e);
        }
    }

    private static MediaType refined(MediaType type, byte[] b, int len) {
        if (type.equals(MSDOWNLOAD) && hasPeHeader(b, len)) {
            return PE;
        }
        if (type.equals(ZIP) && indexOf(b, len, OOXML_PART) >= 0) {
            return OOXML;
        }
        return type;
    }

    /** {@code PE\0\0} where the DOS header's {@code e_lfanew} (at 0x3C) points, within the head. */
    private static boolean hasPeHeader(byte[] b, int len) {
        if (len < 0x40) {
            return false;
        }
        long lfanew = (b[0x3C] & 0xFFL) | (b[0x3D] & 0xFFL) << 8 | (b[0x3E] & 0xFFL) << 16 | (b[0x3F] & 0xFFL) << 24;
        if (lfanew < 0x40 || lfanew + 4 > len) {
            return false;
        }
        int p = (int) lfanew;
        return b[p] == 'P' && b[p + 1] == 'E' && b[p + 2] == 0 && b[p + 3] == 0;
    }

    private static String shortName(MediaType type, byte[] b, int len) {
        if (type.getBaseType().equals(MSDOWNLOAD)) {
            String format = type.getParameters().get("format");
            return format != null && format.startsWith("pe") ? "pe" : "mz";
        }
        if (type.getBaseType().getSubtype().startsWith("x-mach-o")) {
            return "macho";
        }
        if (len >= 2 && b[0] == '#' && b[1] == '!') {
            return "script-sh";
        }
        for (Map.Entry<MediaType, String> e : SHORT_NAMES) {
            if (REGISTRY.isInstanceOf(type, e.getKey())) {
                return e.getValue();
            }
        }
        return REGISTRY.isInstanceOf(type, TEXT) ? textType(new String(b, 0, len, StandardCharsets.ISO_8859_1)) : "data";
    }

    private static String textType(String s) {
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

    private static int indexOf(byte[] b, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map.Entry<MediaType, String> name(String type, String shortName) {
        return Map.entry(MediaType.parse(type), shortName);
    }
}
