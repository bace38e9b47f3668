package net.sguil.bridge.text;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml writes an attacker's control bytes escaped, in messages and in exceptions. */
class EscapedLogTest {
    private static String layout(LoggingEvent event) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        var appender = (OutputStreamAppender<?>) context.getLogger("ROOT").getAppender("STDERR");
        var encoder = (PatternLayoutEncoder) appender.getEncoder();
        event.setLoggerContext(context);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();
        return line;
    }

    @Test
    void controlBytesInALoggedValueAreEscaped() throws Exception {
        LoggingEvent e = new LoggingEvent("x", new LoggerContext().getLogger("net.sguil.bridge.x"), Level.WARN,
                "stored {}", null, new Object[] {"con.txt\u0000.exe\r\nFAKE ERROR line\u001b[2J caf\u00e9 \u202e"});
        String line = layout(e);
        assertThat(line).endsWith(" WARN  net.sguil.bridge.x - stored con.txt\\x00.exe\\x0d\\x0aFAKE ERROR line\\x1b[2J caf<U+00E9> <U+202E>"
                + System.lineSeparator());
        assertThat(line.lines()).hasSize(1);
    }

    @Test
    void anExceptionKeepsItsLinesButNotTheAttackersOnes() throws Exception {
        Exception cause = new IllegalStateException("cause\nINFO forged");
        LoggingEvent e = new LoggingEvent("x", new LoggerContext().getLogger("net.sguil.bridge.x"), Level.ERROR,
                "failed", new IllegalArgumentException("bad name a\r\nb\u0000", cause), null);
        String text = layout(e);
        assertThat(text).contains("java.lang.IllegalArgumentException: bad name a\\x0d\\x0ab\\x00")
                .contains("Caused by: java.lang.IllegalStateException: cause\\x0aINFO forged")
                .contains("\tat net.sguil.bridge.text.EscapedLogTest.");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("INFO") || l.startsWith("b"));
    }
}
