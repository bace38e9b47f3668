package net.sguil.bridge.files;

import java.nio.file.Path;

/**
 * One file written by {@link AttachmentStore}. Size and hashes describe exactly the bytes on disk.
 *
 * @param path   where the file was written (under the store's output directory, as the store was given it)
 * @param magic  type detected from the first bytes, see {@link MagicDetector#detect(byte[], int)}
 */
public record StoredFile(Path path, long size, String md5, String sha1, String sha256, String magic) {
}
