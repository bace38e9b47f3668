package net.sguil.bridge.mime;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the MIME analyzer counts. */
public enum MimeWeird implements Weird {
    @Means("a file larger than limits.mime.max_stored_size; cut and marked truncated")
    MIME_ATTACHMENT_SIZE_LIMIT,
    @Means("attached messages beyond limits.mime.max_attached_message_bytes in one message; walked but not stored, "
            + "the message marked incomplete")
    MIME_ATTACHED_MESSAGE_LIMIT,
    @Means("base64 content with more characters outside the alphabet than tolerated (1 in 1000) or a broken end; "
            + "decoded as lenient readers do, the file marked truncated")
    MIME_BAD_BASE64,
    @Means("quoted-printable content with bad escapes; kept as sent, the file marked truncated")
    MIME_BAD_QUOTED_PRINTABLE,
    @Means("a damaged uuencoded block; the file is marked truncated")
    MIME_BAD_UUENCODE,
    @Means("a Content-Type that is not a type/subtype (or only parameters); the part is kept as one "
            + "application/octet-stream file")
    MIME_BAD_CONTENT_TYPE,
    @Means("containers nested deeper than limits.mime.max_depth; the leaf parts below are still found by their "
            + "boundaries and extracted, the message marked incomplete")
    MIME_DEPTH_EXCEEDED,
    @Means("a multipart or message part declaring a transfer encoding (RFC 2045 section 6.4 forbids it); walked as "
            + "sent, or decoded when it is exact base64")
    MIME_ENCODED_COMPOSITE,
    @Means("a text line longer than limits.mime.max_line_length while scanning for uuencode; cut, the file or "
            + "message marked incomplete")
    MIME_LONG_LINE,
    @Means("a multipart without a boundary parameter; kept as one opaque file")
    MIME_MISSING_BOUNDARY,
    @Means("a multipart whose closing boundary never came")
    MIME_MISSING_FINAL_BOUNDARY,
    @Means("a multipart whose boundary never appears; kept as one opaque file")
    MIME_NO_PARTS,
    @Means("more entities than limits.mime.max_parts; the rest of the message is not analysed and it is "
            + "marked truncated")
    MIME_TOO_MANY_PARTS,
    @Means("a Content-Transfer-Encoding the analyzer does not know; the part is kept as one opaque file")
    MIME_UNKNOWN_ENCODING,
    @Means("a part declared uuencoded without a begin line")
    MIME_UU_MISSING_BEGIN,
    @Means("an RFC 2047 encoded word whose encoded text is damaged; decoded as far as possible")
    MIME_BAD_ENCODED_WORD,
    @Means("an RFC 2047 encoded word in a charset Java does not know; decoded as ISO-8859-1")
    MIME_UNKNOWN_CHARSET,
    @Means("header parameters that cannot be parsed")
    MIME_BAD_PARAMETERS,
    @Means("a header block larger than limits.mime.max_header_block; further lines are skipped up to the blank line "
            + "(the MIME and identifying fields still read), the message marked incomplete")
    MIME_HEADER_BLOCK_TOO_LARGE,
    @Means("a header line without a colon")
    MIME_HEADER_NO_COLON,
    @Means("a header line longer than limits.mime.max_line_length; skipped, the message marked incomplete")
    MIME_LONG_HEADER_LINE
}
