package net.sguil.bridge.mime;

/**
 * A file of the message after its bytes went to the {@link FileHandler}.
 *
 * @param location what the handler said became of it
 * @param truncated the bytes handed over are not the sender's whole file: the message had a capture
 *        gap, the file was cut at {@link MimeLimits#maxStoredSize()}, or its encoding was damaged
 */
public record FoundFile(MimeFile file, String location, boolean truncated) {
}
