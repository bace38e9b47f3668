package net.sguil.bridge.pcap;

/** Converts pcapng timestamp units to nanoseconds for one {@code if_tsresol} value (10^-n or 2^-n seconds). */
final class TimestampScale {
    static final TimestampScale MICROS = new TimestampScale(false, 6);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final boolean powerOfTwo;
    private final int exponent;
    private final long factor;

    private TimestampScale(boolean powerOfTwo, int exponent) {
        this.powerOfTwo = powerOfTwo;
        this.exponent = exponent;
        long f = 1;
        for (int i = 0; !powerOfTwo && i < Math.abs(9 - exponent); i++) {
            f *= 10;
        }
        this.factor = f;
    }

    /** The scale for an {@code if_tsresol} byte, or null if it cannot be represented. */
    static TimestampScale of(int tsresol) {
        boolean pow2 = (tsresol & 0x80) != 0;
        int exp = tsresol & 0x7f;
        if (pow2 ? exp > 63 : exp > 18) {
            return null;
        }
        return new TimestampScale(pow2, exp);
    }

    long toNanos(long units) {
        if (!powerOfTwo) {
            return exponent <= 9 ? units * factor : Long.divideUnsigned(units, factor);
        }
        if (exponent == 0) {
            return units * NANOS_PER_SECOND;
        }
        long seconds = units >>> exponent;
        long fraction = units & ((1L << exponent) - 1);
        // fraction * 10^9 must fit in 64 bits: drop low fraction bits below nanosecond precision first.
        long fractionNanos = exponent <= 33
                ? (fraction * NANOS_PER_SECOND) >>> exponent
                : ((fraction >>> (exponent - 33)) * NANOS_PER_SECOND) >>> 33;
        return seconds * NANOS_PER_SECOND + fractionNanos;
    }
}
