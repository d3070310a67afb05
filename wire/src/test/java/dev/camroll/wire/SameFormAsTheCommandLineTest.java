package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanReport;
import dev.camroll.api.SortField;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The command line's {@code --json} keeps its form: what {@link ApiJson} writes is, character for
 * character, what the object mapper the command line used before wrote (configured here as it
 * was: records by component, enums by wire name, AssetInfo flat, two-space indents).
 */
class SameFormAsTheCommandLineTest {

    private static final JsonMapper BEFORE = JsonMapper.builder()
            .addModule(wireNames())
            .addMixIn(AssetInfo.class, FlatAssetInfo.class)
            .addMixIn(Album.class, MomentFieldsWhenSet.class)
            .build();
    private static final ObjectWriter INDENTED = BEFORE.writer(prettyPrinter());
    private static final ObjectWriter LINE = BEFORE.writer();

    @Property(tries = 200)
    void assetPages(@ForAll("assetPages") AssetPage page) throws IOException {
        assertSameForm(page);
    }

    @Property(tries = 200)
    void assetInfosAloneAndInAList(@ForAll("assetInfos") AssetInfo info) throws IOException {
        assertSameForm(info);
        assertSameForm(List.of(info, info));
    }

    @Property(tries = 100)
    void albums(@ForAll("albums") List<Album> albums) throws IOException {
        assertSameForm(albums);
    }

    @Property(tries = 100)
    void changeSetsAndScanReports(@ForAll("changeSets") ChangeSet changes, @ForAll("scanReports") ScanReport report)
            throws IOException {
        assertSameForm(changes);
        assertSameForm(report);
    }

    /** The results of album, trash, rm, favorite and import: maps of ids, counts, albums and assets. */
    @Property(tries = 100)
    void commandResults(
            @ForAll("albums") List<Album> albums, @ForAll("assets") Asset asset, @ForAll("ids") List<String> ids)
            throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("album", albums.isEmpty() ? null : albums.getFirst());
        result.put("restoredAssets", ids);
        result.put("purged", ids.size());
        result.put("isFavorite", ids.isEmpty());
        result.put("trashedAssets", List.of());
        assertSameForm(result);
        assertSameForm(List.of(asset));
        assertSameForm(Map.of("deletedAssets", ids));
    }

    private static void assertSameForm(Object value) throws IOException {
        assertThat(ApiJson.write(value)).isEqualTo(INDENTED.writeValueAsString(value));
        assertThat(ApiJson.writeLine(value)).isEqualTo(LINE.writeValueAsString(value));
    }

    @Provide
    Arbitrary<AssetPage> assetPages() {
        return ApiRecords.assetPages();
    }

    @Provide
    Arbitrary<AssetInfo> assetInfos() {
        return ApiRecords.assetInfos();
    }

    @Provide
    Arbitrary<Asset> assets() {
        return ApiRecords.assets();
    }

    @Provide
    Arbitrary<List<Album>> albums() {
        return ApiRecords.albums().list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<ChangeSet> changeSets() {
        return ApiRecords.changeSets();
    }

    @Provide
    Arbitrary<ScanReport> scanReports() {
        return ApiRecords.scanReports();
    }

    @Provide
    Arbitrary<List<String>> ids() {
        return ApiRecords.text().list().ofMaxSize(4);
    }

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

    /** A moment's fields are written only where set (a folder or smart album has none). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    private abstract static class MomentFieldsWhenSet {}

    private abstract static class FlatAssetInfo {
        @JsonUnwrapped
        abstract Asset asset();
    }
}
