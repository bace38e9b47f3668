package net.sguil.bridge.sguil.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

class TclListProperties {

    @Property(tries = 2000)
    void parseUndoesEncode(@ForAll("tclHostileLists") List<String> list) throws TclListException {
        assertThat(TclList.parse(TclList.encode(list))).isEqualTo(list);
    }

    @Property(tries = 1000)
    void parseUndoesEncodeForAnyStrings(@ForAll List<String> list) throws TclListException {
        assertThat(TclList.parse(TclList.encode(list))).isEqualTo(list);
    }

    @Property(tries = 500)
    void encodedListIsOneLine(@ForAll("tclHostileLists") List<String> list) {
        assertThat(TclList.encode(list)).doesNotContain("\n", "\r");
    }

    @Property(tries = 1000)
    void garbageIsEitherAListOrAClearError(@ForAll("tclHostileLists") List<String> pieces) {
        String line = String.join("", pieces);
        try {
            assertThat(TclList.parse(line)).doesNotContainNull();
        } catch (TclListException e) {
            assertThat(e.getMessage()).matches("(unmatched open (brace|quote)|list element in (brace|quote) followed by).*");
        }
    }

    @Provide
    Arbitrary<List<String>> tclHostileLists() {
        Arbitrary<String> s = Arbitraries.strings()
                .withChars("{}[]$\"\\; \t\n\r\u000b\f#aZ09_-.")
                .withCharRange('\u0000', '\u001f')
                .withChars("é€\uD83D\uDE00")
                .ofMinLength(0).ofMaxLength(12);
        return s.list().ofMaxSize(6);
    }

    @Example
    void encodesTheThreeFormsLikeTcl() {
        assertThat(TclList.encode(List.of("VersionInfo", "SGUIL-1.0.0 OPENSSL ENABLED")))
                .isEqualTo("VersionInfo {SGUIL-1.0.0 OPENSSL ENABLED}");
        assertThat(TclList.encode(List.of("a", "", "2026-11-27 23:47:56", "x{y", "a\\b", "l\nm")))
                .isEqualTo("a {} {2026-11-27 23:47:56} x\\{y a\\\\b l\\nm");
        assertThat(TclList.encode(List.of("10.0.0.1", "user@host:/p+q,r=s%t-u_v")))
                .isEqualTo("10.0.0.1 user@host:/p+q,r=s%t-u_v");
    }

    @Example
    void parsesWhatSguildSends() throws TclListException {
        assertThat(TclList.parse("Failed {mysqlexec/db server: Duplicate entry '1-5' for key 'PRIMARY'}"))
                .containsExactly("Failed", "mysqlexec/db server: Duplicate entry '1-5' for key 'PRIMARY'");
        assertThat(TclList.parse("AgentInfo bridge1 sguil-bridge lab 3 42"))
                .containsExactly("AgentInfo", "bridge1", "sguil-bridge", "lab", "3", "42");
        assertThat(TclList.parse("  a {b {c d}} \"e f\\tg\" h\\ i {}  "))
                .containsExactly("a", "b {c d}", "e f\tg", "h i", "");
        assertThat(TclList.parse("\\x41\\u00e9\\101\\U0001F600 {x\\}y}"))
                .containsExactly("A\u00e9A\uD83D\uDE00", "x\\}y");
    }

    @Example
    void rejectsWhatTclRejects() {
        assertThatThrownBy(() -> TclList.parse("a {b")).isInstanceOf(TclListException.class)
                .hasMessageContaining("unmatched open brace");
        assertThatThrownBy(() -> TclList.parse("a \"b")).isInstanceOf(TclListException.class)
                .hasMessageContaining("unmatched open quote");
        assertThatThrownBy(() -> TclList.parse("{a}b")).isInstanceOf(TclListException.class)
                .hasMessageContaining("followed by 'b'");
    }
}
