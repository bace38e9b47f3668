package net.sguil.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sguil.bridge.text.Printable.Kind;
import net.sguil.bridge.text.Printable.Style;
import org.junit.jupiter.api.Test;

class PrintableTest {
    private static String markup(String s, Kind kind) {
        return Printable.of(s, kind, Style.MARKUP);
    }

    @Test
    void printableAsciiIsItselfButTheBackslash() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            all.append(c);
        }
        String ascii = all.toString();
        assertThat(Printable.chars(ascii)).isEqualTo(ascii.replace("\\", "\\\\"));
        assertThat(Printable.bytes(ascii)).isEqualTo(ascii.replace("\\", "\\\\"));
        assertThat(markup(ascii, Kind.CHARACTERS)).isEqualTo(ascii.replace("\\", "\\\\")
                .replace("&", "\\x26").replace("<", "\\x3c").replace(">", "\\x3e"));
    }

    @Test
    void anEscapeInTheInputCannotPassForOne() {
        assertThat(Printable.chars("con.txt\\x00.exe")).isEqualTo("con.txt\\\\x00.exe");
        assertThat(markup("a<U+202E>b", Kind.CHARACTERS)).isEqualTo("a\\x3cU+202E\\x3eb");
    }

    @Test
    void controlCharactersAreHexInBothKinds() {
        String controls = "\u0000\t\n\r\u001b\u007f";
        assertThat(Printable.chars(controls)).isEqualTo("\\x00\\x09\\x0a\\x0d\\x1b\\x7f");
        assertThat(Printable.bytes(controls)).isEqualTo("\\x00\\x09\\x0a\\x0d\\x1b\\x7f");
        assertThat(Printable.chars("con.txt\u0000.exe")).isEqualTo("con.txt\\x00.exe");
    }

    @Test
    void bytesBeyondAsciiAreHex() {
        assertThat(Printable.bytes("caf\u00c3\u00a9")).isEqualTo("caf\\xc3\\xa9"); // UTF-8 read one char per byte
        assertThat(Printable.bytes("\u0080\u00ff")).isEqualTo("\\x80\\xff");
        assertThat(Printable.bytes("\u0100")).as("not a byte: named, not lost").isEqualTo("<U+0100>");
    }

    @Test
    void charactersBeyondAsciiAreCodePoints() {
        assertThat(Printable.chars("caf\u00e9")).isEqualTo("caf<U+00E9>");
        assertThat(Printable.chars("invoice\u202efdp.exe")).isEqualTo("invoice<U+202E>fdp.exe");
        assertThat(Printable.chars("\u0085\ufeff")).isEqualTo("<U+0085><U+FEFF>");
        assertThat(Printable.chars("\ud83d\ude00")).as("one code point, not two halves").isEqualTo("<U+1F600>");
        assertThat(Printable.chars("\udbff\udfff")).isEqualTo("<U+10FFFF>");
        assertThat(Printable.chars("a\ud800b\udc00")).as("lone surrogates").isEqualTo("a<U+D800>b<U+DC00>");
        assertThat(markup("caf\u00e9", Kind.CHARACTERS)).isEqualTo("caf<U+00E9>");
    }

    @Test
    void aSpaceEndingAValueIsShownInMarkupOnly() {
        assertThat(markup("photo.jpg  .exe ", Kind.CHARACTERS)).isEqualTo("photo.jpg  .exe\\x20");
        assertThat(markup(" ", Kind.BYTES)).isEqualTo("\\x20");
        assertThat(Printable.chars("a ")).isEqualTo("a ");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Printable.chars(null)).isEmpty();
        assertThat(Printable.escape(null, Kind.BYTES, Style.PLAIN, u -> true)).isZero();
    }

    @Test
    void theSinkCanStopAndLearnsHowMuchWasHandedOver() {
        List<String> units = new ArrayList<>();
        int consumed = Printable.escape("a\ud83d\ude00\u0000bc", Kind.CHARACTERS, Style.PLAIN, u -> {
            units.add(u.toString());
            return units.size() < 3;
        });
        assertThat(units).containsExactly("a", "<U+1F600>", "\\x00");
        assertThat(consumed).as("chars before the unit it refused").isEqualTo(3);
    }

    /** Any string, escaped for markup, is printable ASCII without tags or entities, and reads back to itself. */
    @Test
    void markupIsPrintableAsciiAndUnambiguous() {
        Random random = new Random(20261201);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> "\\<>&x0U+ ".charAt(random.nextInt(9));
                    case 2 -> (char) random.nextInt(0x100);
                    default -> (char) random.nextInt(0x10000);
                });
            }
            Kind kind = random.nextBoolean() ? Kind.CHARACTERS : Kind.BYTES;
            String in = kind == Kind.BYTES ? s.toString().replaceAll("[^\\x00-\\xff]", "") : s.toString();
            String out = markup(in, kind);
            assertThat(out.chars()).allMatch(c -> c >= 0x20 && c < 0x7f && c != '&');
            assertThat(decode(out)).as("escape of %s", in).isEqualTo(in);
        }
    }

    private static String decode(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); ) {
            char c = escaped.charAt(i);
            if (c == '\\' && escaped.charAt(i + 1) == '\\') {
                out.append('\\');
                i += 2;
            } else if (c == '\\') {
                assertThat(escaped.charAt(i + 1)).isEqualTo('x');
                out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                i += 4;
            } else if (c == '<') {
                int end = escaped.indexOf('>', i);
                assertThat(escaped.substring(i, i + 3)).isEqualTo("<U+");
                out.appendCodePoint(Integer.parseInt(escaped.substring(i + 3, end), 16));
                i = end + 1;
            } else {
                assertThat(c).isNotEqualTo('>');
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
