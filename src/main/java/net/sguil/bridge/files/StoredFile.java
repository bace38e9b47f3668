package net.sguil.bridge.files;

import java.nio.file.Path;

/**
 * One file written by {@link AttachmentStore}. Size and hashes describe exactly the bytes on disk.
 *
 * @param path   where the file was written (under the store's output directory, as the store was given it)
 * @param type   what its first bytes are, see {@link FileTypeDetector}
 */
public record StoredFile(Path path, long size, String md5, String sha1, String sha256, FileType type) {
    /** The short type name rules compare against ({@code pe}, {@code pdf}, …). */
    public String magic() {
        return type.magic();
    }

    /** The type Tika detected, Zeek's {@code mime_type}. */
    public String mimeType() {
        return type.mimeType();
    }
}
