package dev.camroll.server.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * JSON with the field names of expo-media-library: records by their component names, enums by
 * their wire names ("photo", "screenshot"), and AssetInfo flat (the asset's fields, then the
 * details), as getAssetInfoAsync returns it. The command line's {@code --json} and the HTTP API
 * write through it.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(wireNames())
            .addMixIn(AssetInfo.class, FlatAssetInfo.class)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());
    private static final ObjectWriter LINE = MAPPER.writer();

    private Json() {}

    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On one line, for streams of JSON objects (one a line). */
    public static String writeLine(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two-space indents, "key": value, one array element a line, [] and {} when empty. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return printer;
    }

    private static SimpleModule wireNames() {
        SimpleModule module = new SimpleModule("camroll-wire-names");
        wireName(module, MediaType.class, MediaType::wireName);
        wireName(module, MediaSubtype.class, MediaSubtype::wireName);
        wireName(module, AlbumType.class, AlbumType::wireName);
        wireName(module, SortField.class, SortField::wireName);
        return module;
    }

    private static <E extends Enum<E>> void wireName(SimpleModule module, Class<E> type, Function<E, String> name) {
        module.addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(E value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(name.apply(value));
            }
        });
    }

    /** Writes the asset's fields at the top level of an AssetInfo. */
    private abstract static class FlatAssetInfo {
        @JsonUnwrapped
        abstract Asset asset();
    }
}
