package dev.camroll.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of the API's records, one for the command line, the server and the client: the
 * field names of expo-media-library, enums by their wire names ({@code "photo"}, {@code
 * "screenshot"}), an {@link AssetInfo} flat (the asset's fields, then the details) as
 * getAssetInfoAsync returns it, and errors as {@code {"error": {"code", "message", ...details}}}.
 *
 * <p>Written and read with Jackson's streaming generator and parser, field by field: no
 * reflection and few classes, since the command line starts a JVM for every call.
 *
 * <p>Writes {@code null}, strings, booleans, numbers, the API's records and enums ({@link Asset},
 * {@link AssetInfo}, {@link Album}, {@link AssetPage}, {@link ChangeSet}, {@link ScanReport}, ...),
 * {@link WireError}, and maps (by their keys, in their order) and collections of these. Reads each
 * record back; unknown fields are skipped, so that an older reader takes a newer writer's JSON.
 */
public final class ApiJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ApiJson() {}

    /** Indented (two spaces, {@code "key": value}, one array element a line), as the command line prints. */
    public static String write(Object value) {
        return toString(value, true);
    }

    /** On one line, for streams of JSON objects (one a line) and for the HTTP API. */
    public static String writeLine(Object value) {
        return toString(value, false);
    }

    /** On one line, into {@code out} (which stays open), in UTF-8. */
    public static void write(Object value, OutputStream out) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Values.write(generator, value);
        }
    }

    public static Asset readAsset(String json) {
        return read(json, Records::asset);
    }

    /** A list of assets, such as the result of an import. */
    public static List<Asset> readAssets(String json) {
        return read(json, parser -> Fields.list(parser, Records::asset));
    }

    public static AssetInfo readAssetInfo(String json) {
        return read(json, Records::assetInfo);
    }

    /** A list of asset infos, as {@code camroll info} prints for several ids. */
    public static List<AssetInfo> readAssetInfos(String json) {
        return read(json, parser -> Fields.list(parser, Records::assetInfo));
    }

    public static Album readAlbum(String json) {
        return read(json, Records::album);
    }

    public static List<Album> readAlbums(String json) {
        return read(json, parser -> Fields.list(parser, Records::album));
    }

    public static AssetPage readAssetPage(String json) {
        return read(json, Records::assetPage);
    }

    /** Counts per month, as {@code GET /assets/months} answers. */
    public static MonthCounts readMonthCounts(String json) {
        return read(json, Records::monthCounts);
    }

    public static ChangeSet readChangeSet(String json) {
        return read(json, Records::changeSet);
    }

    public static ScanReport readScanReport(String json) {
        return read(json, Records::scanReport);
    }

    /** An app's permission state, as {@code GET /permissions} answers it. */
    public static PermissionResponse readPermissionResponse(String json) {
        return read(json, Permissions::response);
    }

    /** A permission or picker request's answer, as {@code POST /permissions/request} gives it. */
    public static PermissionRequest readPermissionRequest(String json) {
        return read(json, Permissions::request);
    }

    /** The error of an error response: {@code {"error": {...}}}. */
    public static WireError readError(String json) {
        return read(json, WireError::read);
    }

    /**
     * The list of strings under {@code field} of an object, such as the {@code trashedAssets} of a
     * trash list or the {@code deletedAssets} of a delete; empty when the field is missing.
     */
    public static List<String> readIds(String json, String field) {
        return read(json, parser -> Fields.idsOf(parser, field));
    }

    /** Reads what {@code reader} makes of the one JSON value of {@code json}. */
    public static <T> T read(String json, JsonReading<T> reader) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return readOne(parser, reader);
        } catch (IOException e) {
            throw WireError.malformed(e);
        }
    }

    /** Reads what {@code reader} makes of the one JSON value of {@code in} (which stays open). */
    public static <T> T read(InputStream in, JsonReading<T> reader) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return readOne(parser, reader);
        } catch (IOException e) {
            throw WireError.malformed(e);
        }
    }

    private static <T> T readOne(JsonParser parser, JsonReading<T> reader) throws IOException {
        if (parser.nextToken() == null) {
            throw new IOException("no JSON value");
        }
        return reader.read(parser);
    }

    private static String toString(Object value, boolean indented) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (indented) {
                generator.setPrettyPrinter(prettyPrinter());
            }
            Values.write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
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

    /** Reads one value from a parser positioned at its first token. */
    @FunctionalInterface
    public interface JsonReading<T> {
        T read(JsonParser parser) throws IOException;
    }
}
