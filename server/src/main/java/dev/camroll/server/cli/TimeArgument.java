package dev.camroll.server.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time as written on the command line: epoch milliseconds, or ISO-8601 with or without
 * an offset. Dates and local times are placed in a zone only when the command runs, because
 * {@code --time-zone} may come after them.
 */
record TimeArgument(Instant instant, LocalDateTime local) {

    static final String EXPECTED = "expected epoch milliseconds or ISO-8601 such as 2024-05-01, 2024-05-01T10:00,"
            + " 2024-05-01T10:00:00+02:00 or 2024-05-01T08:00:00Z";

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d+");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d.*)");

    static TimeArgument parse(String text) {
        String value = text.strip();
        if (EPOCH_MILLIS.matcher(value).matches()) {
            try {
                return new TimeArgument(Instant.ofEpochMilli(Long.parseLong(value)), null);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("time '" + text + "' is out of range (" + EXPECTED + ")");
            }
        }
        value = DATE_SPACE_TIME.matcher(value).replaceFirst("$1T$2");
        try {
            if (!value.contains("T")) {
                return new TimeArgument(null, LocalDate.parse(value).atStartOfDay());
            }
            var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return new TimeArgument(zoned.toInstant(), null);
            }
            return new TimeArgument(null, (LocalDateTime) parsed);
        } catch (DateTimeException e) {
            throw new TypeConversionException("bad time '" + text + "' (" + EXPECTED + ")");
        }
    }

    /** Epoch milliseconds, with a date or local time taken in {@code zone}. */
    long toEpochMilli(ZoneId zone) {
        return instant != null
                ? instant.toEpochMilli()
                : local.atZone(zone).toInstant().toEpochMilli();
    }

    static final class Converter implements ITypeConverter<TimeArgument> {
        @Override
        public TimeArgument convert(String value) {
            return parse(value);
        }
    }
}
