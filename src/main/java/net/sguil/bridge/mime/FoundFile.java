package net.sguil.bridge.mime;

/**
 * A file of the message after its bytes went to the {@link FileHandler}.
 *
 * @param location what the handler said became of it
 * @param truncated the bytes handed over are not the sender's whole file: the message had a capture
 *        gap, the file was cut at {@link MimeLimits#maxStoredSize()}, or its encoding was damaged
 * @param incomplete the id of the weird that says why the bytes are not the whole file (a limit such as
 *        {@code mime.attachment_size_limit}, or damage such as {@code mime.bad_base64}); null when nothing
 *        was cut or guessed (a capture gap alone sets only {@code truncated})
 */
public record FoundFile(MimeFile file, String location, boolean truncated, String incomplete) {
}
