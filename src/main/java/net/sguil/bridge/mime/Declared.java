package net.sguil.bridge.mime;

import net.sguil.bridge.weird.Weirds;

/**
 * What an entity's header block declares about its body, already judged: the type (never a
 * parameter or garbage: {@code application/octet-stream} then), the transfer encoding, and whether
 * the body must be kept as one opaque file.
 *
 * @param type        the declared type, lower case, without parameters
 * @param contentType the parsed Content-Type, null when absent
 * @param cte         the Content-Transfer-Encoding, lower case ({@code 7bit} when absent)
 * @param opaque      the body cannot be taken as declared and is kept as one file
 */
record Declared(String type, HeaderValue contentType, String cte, boolean opaque) {
    static final String OCTET_STREAM = "application/octet-stream";

    static Declared of(HeaderBlock h, String defaultType, Weirds weirds) {
        HeaderValue ct = HeaderValue.contentType(h.get("Content-Type"), weirds);
        String type = ct == null ? defaultType : ct.value();
        boolean opaque = false;
        if (type.isEmpty()) {
            weirds.count(MimeWeird.MIME_BAD_CONTENT_TYPE);
            type = OCTET_STREAM;
            opaque = true;
        }
        String cte = TransferDecoding.normalize(h.get("Content-Transfer-Encoding"));
        // an unknown encoding on a container is ignored with the others (RFC 2045 section 6.4)
        if (!opaque && !isContainer(type) && !TransferDecoding.isKnown(cte)) {
            weirds.count(MimeWeird.MIME_UNKNOWN_ENCODING);
            opaque = true;
        }
        return new Declared(type, ct, cte, opaque);
    }

    boolean isMultipart() {
        return !opaque && type.startsWith("multipart/");
    }

    boolean isMessage() {
        return !opaque && (type.equals("message/rfc822") || type.equals("message/global"));
    }

    /** The multipart's boundary parameter, or null when absent or empty. */
    String boundary() {
        String b = contentType == null ? null : contentType.param("boundary");
        return b == null || b.isEmpty() ? null : b;
    }

    static boolean isContainer(String type) {
        return type.startsWith("multipart/") || type.equals("message/rfc822") || type.equals("message/global");
    }
}
