package net.sguil.bridge.mime;

/**
 * The identifying headers of a message's top-level header block, RFC 2047 words decoded (display
 * names included); empty when absent.
 */
public record MessageHeaders(String subject, String messageId, String date, String from, String to) {
}
