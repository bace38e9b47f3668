package net.sguil.bridge.state;

import java.io.IOException;

/**
 * Something that holds what it was handed in the page cache until {@link #sync()} forces it to
 * disk: a reader calls it before it records that the rows behind it are consumed.
 */
@FunctionalInterface
public interface Durable {
    /** Nothing to force. */
    Durable NONE = () -> { };

    void sync() throws IOException;

    /** This, then {@code next}. */
    default Durable then(Durable next) {
        return () -> {
            sync();
            next.sync();
        };
    }
}
