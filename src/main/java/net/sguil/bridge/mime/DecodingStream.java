package net.sguil.bridge.mime;

import java.io.InputStream;

/** A stream of decoded bytes that remembers whether the encoded input was damaged along the way. */
abstract class DecodingStream extends InputStream {
    /** True once input was met that could not be decoded faithfully (the output is then a best effort). */
    abstract boolean damaged();

    /** True when every input byte so far was exactly in the encoding: nothing skipped, nothing guessed. */
    boolean exact() {
        return !damaged();
    }
}
