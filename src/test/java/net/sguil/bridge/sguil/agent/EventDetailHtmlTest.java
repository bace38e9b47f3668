package net.sguil.bridge.sguil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventDetailHtmlTest {

    @Test
    void escapesEveryValueAndKeepsTheDetailAscii() {
        String html = new EventDetailHtml("PUT <accepted>")
                .row("URI", "/x?a=<script>alert('1')</script>&b=\"c\"")
                .row("File", "r\u00e9sum\u00e9\u0000.exe")
                .row("Skipped", null)
                .toHtml();
        assertThat(html).contains("<b>PUT &lt;accepted&gt;</b>")
                .contains("<td>/x?a=&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;b=&quot;c&quot;</td>")
                .contains("<td>r&#233;sum&#233;&#65533;.exe</td>")
                .doesNotContain("Skipped", "<script");
        assertThat(html.chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void escapesSupplementaryCharactersAsOneReference() {
        assertThat(EventDetailHtml.escape("\uD83D\uDE00 \uD800")).isEqualTo("&#128512; &#65533;");
    }
}
