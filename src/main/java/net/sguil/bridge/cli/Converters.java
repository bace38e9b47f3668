package net.sguil.bridge.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.sguil.bridge.report.HomeNet;
import net.sguil.bridge.report.TimeArg;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose errors read as one plain sentence (and exit 2 as usage errors). */
final class Converters {
    private Converters() {
    }

    static final class HomeNets implements ITypeConverter<HomeNet> {
        @Override
        public HomeNet convert(String value) {
            try {
                return HomeNet.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Times implements ITypeConverter<TimeArg> {
        @Override
        public TimeArg convert(String value) {
            try {
                return TimeArg.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Days implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not a day (YYYY-MM-DD)");
            }
        }
    }
}
