package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.Test;

/** The cases were checked against Python 3's {@code email.header.decode_header} on the same strings. */
class EncodedWordsTest {
    private final Weirds weirds = new Weirds();

    private String decode(String s) {
        return EncodedWords.decode(s, weirds);
    }

    @Test
    void wordsGluedToTextOrToEachOther() {
        assertThat(decode("C=?ISO-8859-1?B?YW4=?==?ISO-8859-1?Q?_you_read_this=3F?=")).isEqualTo("Can you read this?");
        assertThat(decode("=?UTF-8?B?w6k=?=x")).isEqualTo("éx");
        assertThat(decode("=?utf-8?b?4oKs?==?utf-8?b?IFJl?=")).as("a character split over two words")
                .isEqualTo("€ Re");
        assertThat(weirds.snapshot()).isEmpty();
    }

    @Test
    void whitespaceBetweenWordsGoesWhitespaceAroundThemStays() {
        assertThat(decode("=?utf-8?q?caf=C3=A9?= =?utf-8?b?IGF1IGxhaXQ=?=")).isEqualTo("café au lait");
        assertThat(decode("=?utf-8?q?a?=  =?iso-8859-1?q?b?=")).isEqualTo("ab");
        assertThat(decode("Hello =?iso-8859-1?q?w=F6rld?= end")).isEqualTo("Hello wörld end");
        assertThat(decode("=?utf-8?Q?a_b?= c")).isEqualTo("a b c");
        assertThat(decode("plain text")).isEqualTo("plain text");
        assertThat(decode(null)).isNull();
    }

    @Test
    void unknownCharsetsAndDamageAreReadAsFarAsTheyGo() {
        assertThat(decode("a =?x-unknown?q?=E9t=E9?= b")).isEqualTo("a été b");
        assertThat(weirds.get("mime.unknown_charset")).isEqualTo(1);
        assertThat(decode("=?utf-8*en?q?lang?=")).as("RFC 2231 language suffix").isEqualTo("lang");
        assertThat(decode("=?utf-8?B?w6?=")).isEqualTo("\uFFFD");
        assertThat(decode("=?utf-8?B?QUJD!RA?=")).isEqualTo("ABCD");
        assertThat(weirds.get("mime.bad_encoded_word")).isEqualTo(1);
        assertThat(decode("=?utf-8?q?100=ZZ?=")).isEqualTo("100=ZZ");
        assertThat(weirds.get("mime.bad_encoded_word")).isEqualTo(2);
    }
}
