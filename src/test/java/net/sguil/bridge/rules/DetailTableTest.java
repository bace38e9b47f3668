package net.sguil.bridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How values are escaped, broken into lines and cut in an event's detail. */
class DetailTableTest {
    private static DetailTable table(String label, Object value) {
        DetailTable t = new DetailTable();
        t.add(label, value);
        return t;
    }

    /** The HTML of a one-row table's value cell, between {@code <tt>} and {@code </tt>}. */
    private static String cell(Object value) {
        String html = table("V", value).html();
        return html.substring(html.indexOf("<tt>") + 4, html.indexOf("</tt>"));
    }

    @Test
    void aRowIsABoldLabelAndATypewriterValue() {
        assertThat(table("File <name>", "a&b").html()).isEqualTo("<table border=\"1\" cellpadding=\"2\">\n"
                + "<tr><td><b>File \\x3cname\\x3e</b></td><td width=\"80\"><tt>a\\x26b</tt></td></tr>\n"
                + "</table>\n");
        assertThat(table("File <name>", "a&b").text()).isEqualTo("File <name>: a&b");
    }

    @Test
    void aCellOfSeveralLinesAsksForRoomForThemInTheConsolesFonts() {
        assertThat(table("V", "a".repeat(130)).html()).contains("<td width=\"80\" height=\"4\"><tt>");
        assertThat(table("V", "b".repeat(600)).html()).contains("<td width=\"80\" height=\"12\"><tt>");
    }

    @Test
    void longValuesAreBrokenEvery64Characters() {
        String v = "a".repeat(130);
        assertThat(cell(v)).isEqualTo("a".repeat(64) + "<br>" + "a".repeat(64) + "<br>aa");
        assertThat(table("V", v).text()).isEqualTo("V: " + v);
    }

    @Test
    void aBreakNeverSplitsAnEscape() {
        String html = cell("a" + "\u00e9".repeat(10)); // <U+00E9> is 8 characters: 7 fit after the "a"
        assertThat(html).isEqualTo("a" + "&lt;U+00E9&gt;".repeat(7) + "<br>" + "&lt;U+00E9&gt;".repeat(3));
        assertThat(cell(EventBuilder.wire("x".repeat(62) + "\u0000"))).isEqualTo("x".repeat(62) + "<br>\\x00");
    }

    @Test
    void proseBreaksAfterASpaceNearTheEndOfTheLine() {
        String v = "Please find attached the invoice for November and the one for December as well";
        assertThat(cell(v)).isEqualTo("Please find attached the invoice for November and the one for <br>"
                + "December as well");
        String noSpaceNearTheEnd = "a " + "b".repeat(70);
        assertThat(cell(noSpaceNearTheEnd)).isEqualTo("a " + "b".repeat(62) + "<br>" + "b".repeat(8));
    }

    @Test
    void aValueIsCutVisiblyAfter512CharactersOfItsEscapedForm() {
        String v = "b".repeat(600);
        assertThat(cell(v)).isEqualTo(String.join("<br>", IntStream.range(0, 8).mapToObj(i -> "b".repeat(64)).toList())
                + "<br>[cut at 512 characters: 600 characters in all]");
        assertThat(table("V", v).text()).isEqualTo("V: " + "b".repeat(512) + " [cut at 512 characters: 600 characters in all]");
        assertThat(table("V", EventBuilder.wire("\u0000".repeat(200))).text())
                .isEqualTo("V: " + "\\x00".repeat(128) + " [cut at 512 characters: 200 bytes in all]");
        assertThat(table("V", "\ud83d\ude00".repeat(100)).text()).as("counted in characters, not UTF-16 units")
                .endsWith("<U+1F600> [cut at 512 characters: 100 characters in all]");
    }

    @Test
    void eachItemOfAListStartsALineAndAtMost20AreShown() {
        List<String> items = IntStream.rangeClosed(1, 25).mapToObj(i -> "r" + i + "@example.com").toList();
        String html = cell(items);
        assertThat(html).startsWith("r1@example.com<br>r2@example.com<br>")
                .endsWith("<br>r20@example.com<br>[20 shown: 25 items in all]");
        assertThat(table("V", List.of("a", EventBuilder.wire("b\u00ff"))).text()).isEqualTo("V: a, b\\xff");
        assertThat(table("V", List.of()).text()).isEqualTo("V: ");
    }

    @Test
    void bytesAndCharactersAreNamedDifferently() {
        assertThat(table("V", "caf\u00e9").text()).isEqualTo("V: caf<U+00E9>");
        assertThat(table("V", EventBuilder.wire("caf\u00c3\u00a9")).text()).isEqualTo("V: caf\\xc3\\xa9");
        assertThat(table("V", null).text()).isEqualTo("V: ");
    }

    @Test
    void theHtmlIsPrintableAsciiAndItsOnlyEntitiesAreThoseOfCodePointEscapes() {
        String html = table("x\u202e", "<script>&amp;\u0000\r\n\u00e9").html();
        assertThat(html.replace("\n", "").chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(html.replace("&lt;U+", "").replace("&gt;", "")).doesNotContain("&");
        assertThat(cell("<script>&amp;\u0000\r\n\u00e9"))
                .isEqualTo("\\x3cscript\\x3e\\x26amp;\\x00\\x0d\\x0a&lt;U+00E9&gt;");
    }

    @Test
    void aMessageTextNamingAHostileValueStaysWithinSguildsLimitAndKeepsBothEnds() {
        assertThat(EventBuilder.messageWith("BRIDGE x: ", "con.txt\u0000<b>.exe", " (pe)"))
                .isEqualTo("BRIDGE x: con.txt\\x00\\x3cb\\x3e.exe (pe)");
        String m = EventBuilder.messageWith("BRIDGE x: ", "a".repeat(300) + "\u00e9.pdf.exe", " (pe)");
        assertThat(m).hasSize(EventBuilder.MAX_MESSAGE_CHARS).startsWith("BRIDGE x: aaaa").contains("...")
                .endsWith("a<U+00E9>.pdf.exe (pe)");
        assertThat(m.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
