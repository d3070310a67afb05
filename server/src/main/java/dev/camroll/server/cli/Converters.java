package dev.camroll.server.cli;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters of option values to api types; their messages name the bad value and what was expected. */
final class Converters {

    private Converters() {}

    static final class MediaTypeConverter implements ITypeConverter<MediaType> {
        @Override
        public MediaType convert(String value) {
            try {
                return MediaType.fromWireName(value);
            } catch (InvalidArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** One key of {@code --sort}, "creationTime:desc"; the option splits the list on commas. */
    static final class SortKeyConverter implements ITypeConverter<SortKey> {
        @Override
        public SortKey convert(String value) {
            try {
                return SortKey.parseList(value).getFirst();
            } catch (InvalidArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new TypeConversionException("unknown time zone '" + value
                        + "' (expected a region such as Europe/Paris, UTC, or an offset such as +02:00)");
            }
        }
    }
}
