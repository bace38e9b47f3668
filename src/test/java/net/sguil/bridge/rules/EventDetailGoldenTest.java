package net.sguil.bridge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the analyst reads of every shipped rule's event on hostile input ({@link HostileFacts}):
 * message text, summary, plain detail and the console's HTML, compared with a golden file a person
 * has read (and seen rendered in the real console). Regenerate with {@code -Dgolden.update=true}
 * and review the diff.
 */
class EventDetailGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/event-details.txt");
    private static List<SguilEventOut> events;

    @BeforeAll
    static void conclude() throws Exception {
        events = HostileFacts.events();
    }

    @Test
    void everyShippedRuleShowsExactlyTheGoldenText() throws Exception {
        StringBuilder actual = new StringBuilder();
        for (SguilEventOut e : events) {
            actual.append("=== ").append(e.getRule()).append('\n')
                    .append("message: ").append(e.getSignature()).append('\n')
                    .append("summary: ").append(e.getSummary()).append('\n')
                    .append("endpoints: ").append(e.getSrcIp()).append(':').append(e.getSrcPort()).append(" -> ")
                    .append(e.getDstIp()).append(':').append(e.getDstPort()).append(" at ").append(e.getTimestamp())
                    .append('\n')
                    .append("--- detail\n").append(e.getDetail()).append('\n')
                    .append("--- html\n").append(e.getHtmlDetail());
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.US_ASCII);
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(GOLDEN, StandardCharsets.US_ASCII));
    }

    @Test
    void everyRuleOfThePacksConcludedSomething() {
        assertThat(events).extracting(SguilEventOut::getRule).containsOnlyOnce(
                "SMTP: attachment with a known-bad hash", "HTTP PUT Defacement SUCCEEDED", "HTTP PUT Defacement Attempt: no answer or not accepted",
                "HTTP PUT Defacement Attempt: first refused from a source",
                "HTTP PUT Defacement Attempt: refused attempts summarised",
                "Trending: signature spike", "Trending: outbound volume")
                .contains("SMTP: executable attachment", "SMTP: attachment with a double extension",
                        "SMTP: attachment name disagrees with its content");
    }

    @Test
    void whatTheConsoleGetsIsPrintableAsciiWithinSguildsLimits() {
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getSignature().length()).isLessThanOrEqualTo(255);
            assertThat(e.getSignature().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(e.getHtmlDetail().replace("\n", "").chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(e.getDetail().replace("\n", "").chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(e.getHtmlDetail().replace("&lt;U+", "").replace("&gt;", "")).doesNotContain("&");
            assertThat(e.getHtmlDetail().replaceAll("</?(table|tr|td|b|tt)[^>]*>|<br>", "")).doesNotContain("<", ">");
            assertThat(e.getHtmlDetail()).startsWith("<table").contains("<td><b>Rule</b></td><td width=\"80\"><tt>" + e.getRule());
        });
    }

    @Test
    void eachAttachmentHasARowOfItsOwnInTheConsole() {
        // sguild folds events with the same sensor, source and message text into one row.
        assertThat(events).filteredOn(e -> e.getRule().equals("SMTP: executable attachment"))
                .extracting(SguilEventOut::getSignature).containsExactlyInAnyOrder(
                        "BRIDGE SMTP executable attachment: con.txt\\x00.exe (pe)",
                        "BRIDGE SMTP executable attachment: invoice_<U+202E>fdp.exe (pe)",
                        "BRIDGE SMTP executable attachment: r<U+00E9>sum<U+00E9> d<U+00E9>taill<U+00E9>.pdf (pe)",
                        "BRIDGE SMTP executable attachment: \\x3cscript\\x3ealert('x')\\x3c/script\\x3e\\x26amp;\\x0d\\x0a.jpg.exe (script-js)");
    }
}
