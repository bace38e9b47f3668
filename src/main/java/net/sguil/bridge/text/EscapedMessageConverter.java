package net.sguil.bridge.text;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %escapedMsg} in a Logback pattern: the formatted message with every control byte and
 * non-ASCII character escaped as {@link Printable} does it, so that a NUL, CR, LF or ESC that an
 * attacker put into a logged value (a file name, a URI, a header) can neither split a log line, nor
 * hide in it, nor drive the terminal reading it.
 */
public final class EscapedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Printable.chars(event.getFormattedMessage());
    }
}
