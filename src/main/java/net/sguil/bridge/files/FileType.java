package net.sguil.bridge.files;

/**
 * What a file's first bytes say it is.
 *
 * @param mimeType the type Apache Tika detects, as Zeek's {@code mime_type} ({@code application/pdf},
 *        {@code application/x-msdownload; format=pe}); {@code application/octet-stream} when unknown
 * @param magic the short name rules compare against, see {@link FileTypeDetector}
 */
public record FileType(String mimeType, String magic) {
}
