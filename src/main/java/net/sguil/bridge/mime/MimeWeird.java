package net.sguil.bridge.mime;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the MIME analyzer counts. */
public enum MimeWeird implements Weird {
    @Means("a file larger than limits.mime.max_stored_size; cut and marked truncated")
    MIME_ATTACHMENT_SIZE_LIMIT,
    @Means("base64 content with characters outside the alphabet or a broken end; the file is marked truncated")
    MIME_BAD_BASE64,
    @Means("quoted-printable content with bad escapes; the file is marked truncated")
    MIME_BAD_QUOTED_PRINTABLE,
    @Means("a damaged uuencoded block; the file is marked truncated")
    MIME_BAD_UUENCODE,
    @Means("a transfer decoder failed; the file is marked truncated")
    MIME_DECODE_ERROR,
    @Means("a Content-Type that cannot be parsed; the part is kept as one opaque file")
    MIME_BAD_CONTENT_TYPE,
    @Means("containers nested deeper than limits.mime.max_depth; the rest is kept as one opaque file")
    MIME_DEPTH_EXCEEDED,
    @Means("a multipart or message part declaring a transfer encoding (RFC 2045 forbids it); kept as one opaque file")
    MIME_ENCODED_CONTAINER,
    @Means("a text line longer than limits.mime.max_line_length while scanning for uuencode; cut")
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
    @Means("an RFC 2047 encoded word that cannot be decoded; kept as sent")
    MIME_BAD_ENCODED_WORD,
    @Means("header parameters that cannot be parsed")
    MIME_BAD_PARAMETERS,
    @Means("a header field that cannot be parsed")
    MIME_BAD_HEADER,
    @Means("a header block larger than limits.mime.max_header_block; the rest is taken as body")
    MIME_HEADER_BLOCK_TOO_LARGE,
    @Means("a header line without a colon")
    MIME_HEADER_NO_COLON,
    @Means("a header line longer than the line limit; cut")
    MIME_LONG_HEADER_LINE
}
