package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SizeCapTest {
    private static final byte[] DATA = "0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void cutsAtTheLimitAndKnowsThereWasMore() throws Exception {
        SizeCap cut = new SizeCap(new ByteArrayInputStream(DATA), 4);
        assertThat(cut.readAllBytes()).isEqualTo("0123".getBytes(StandardCharsets.US_ASCII));
        assertThat(cut.hitLimit()).isTrue();
    }

    @Test
    void aFileOfExactlyTheLimitIsWhole() throws Exception {
        SizeCap exact = new SizeCap(new ByteArrayInputStream(DATA), 10);
        assertThat(exact.readAllBytes()).isEqualTo(DATA);
        assertThat(exact.hitLimit()).isFalse();
    }

    @Test
    void byteAtATimeReadsStopAtTheLimitToo() throws Exception {
        SizeCap cut = new SizeCap(new ByteArrayInputStream(DATA), 2);
        assertThat(cut.read()).isEqualTo('0');
        assertThat(cut.read()).isEqualTo('1');
        assertThat(cut.read()).isEqualTo(-1);
        assertThat(cut.hitLimit()).isTrue();
    }
}
