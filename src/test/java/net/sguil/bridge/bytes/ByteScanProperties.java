package net.sguil.bridge.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ByteScanProperties {
    @Property
    void findsTheSameIndexAsASimpleLoop(@ForAll byte[] b, @ForAll byte value, @ForAll @IntRange(max = 40) int from,
                                        @ForAll @IntRange(max = 40) int cut) {
        int start = Math.min(from, b.length);
        int end = Math.max(start, b.length - cut);
        int expected = -1;
        for (int i = start; i < end; i++) {
            if (b[i] == value) {
                expected = i;
                break;
            }
        }
        assertThat(ByteScan.indexOf(b, start, end, value)).isEqualTo(expected);
    }
}
