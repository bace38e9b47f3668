package net.sguil.bridge.weird;

import java.util.Locale;

/**
 * One kind of anomaly a layer counts. Each layer declares its kinds once, as the constants of an
 * enum of its own package, each annotated with what it {@link Means}; README.md lists them all (a
 * test keeps that list complete). A constant's name is its id with the layer's dot made an
 * underscore: {@code TCP_OVERLAP_CONFLICT} counts as {@code tcp.overlap_conflict}.
 */
public interface Weird {
    /** The enum constant's name. */
    String name();

    /** The counted name: the layer, a dot, snake_case words, e.g. {@code tcp.overlap_conflict}. */
    default String id() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    /** What it means, for an analyst reading a capture report. */
    default String meaning() {
        try {
            Means m = getClass().getField(name()).getAnnotation(Means.class);
            return m == null ? "" : m.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a Weird must be an enum constant: " + name(), e);
        }
    }
}
