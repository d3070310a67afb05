package dev.camroll.wire;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary records of the API, with the strings and numbers that make JSON hard. */
final class ApiRecords {
    private ApiRecords() {}

    /** Control characters, quotes, backslashes, non-ASCII, private-use chars (names that are not UTF-8), emoji. */
    static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange('\u0000', '\u00ff')
                .withCharRange('\u0100', '\ud7ff')
                .withCharRange('\ue000', '\ufffd')
                .ofMaxLength(24);
        Arbitrary<String> emoji = Arbitraries.of("\ud83d\udcf7", "Caf\u00e9 \ud83c\udf05.jpg", "\"quoted\"\\back");
        return Arbitraries.oneOf(plain, emoji);
    }

    static Arbitrary<String> nullableText() {
        return text().injectNull(0.1);
    }

    static Arbitrary<Asset> assets() {
        Arbitrary<Integer> sides = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Double> durations = Arbitraries.oneOf(
                Arbitraries.just(0.0), Arbitraries.doubles().between(0, 1e7), Arbitraries.of(1e-9, 3.5e12));
        Arbitrary<Measures> measures = Combinators.combine(
                        sides, sides, Arbitraries.longs(), Arbitraries.longs(), durations, nullableText())
                .as(Measures::new);
        return Combinators.combine(
                        text(),
                        text(),
                        nullableText(),
                        Arbitraries.of(MediaType.class),
                        Arbitraries.of(MediaSubtype.class).list().uniqueElements(),
                        measures)
                .as((id, filename, uri, type, subtypes, m) -> new Asset(
                        id,
                        filename,
                        uri,
                        type,
                        subtypes,
                        m.width,
                        m.height,
                        m.creationTime,
                        m.modificationTime,
                        m.duration,
                        m.albumId));
    }

    private record Measures(
            int width, int height, long creationTime, long modificationTime, double duration, String albumId) {}

    static Arbitrary<Location> locations() {
        return Combinators.combine(
                        Arbitraries.doubles().between(-90, 90),
                        Arbitraries.doubles().between(-180, 180))
                .as(Location::new);
    }

    static Arbitrary<AssetInfo> assetInfos() {
        Arbitrary<Map<String, Map<String, String>>> exif = Arbitraries.maps(
                        text(), Arbitraries.maps(text(), text()).ofMaxSize(4))
                .ofMaxSize(3);
        Arbitrary<FileDetails> file = Combinators.combine(
                        nullableText(),
                        Arbitraries.longs().greaterOrEqual(0),
                        nullableText(),
                        nullableText(),
                        audioTags().injectNull(0.5),
                        nullableText())
                .as(FileDetails::new);
        return Combinators.combine(
                        assets(),
                        exif,
                        locations().injectNull(0.3),
                        nullableText(),
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.of(true, false),
                        file,
                        nullableText())
                .as((asset, tags, location, localUri, orientation, favorite, f, paired) -> new AssetInfo(
                        asset,
                        tags,
                        location,
                        localUri,
                        orientation,
                        favorite,
                        false,
                        f.mimeType,
                        f.fileSize,
                        f.cameraMake,
                        f.cameraModel,
                        f.audioTags,
                        f.burstId,
                        paired));
    }

    static Arbitrary<AssetInfo.AudioTags> audioTags() {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 100_000).injectNull(0.3);
        return Combinators.combine(nullableText(), nullableText(), nullableText(), number, number, nullableText())
                .as(AssetInfo.AudioTags::new);
    }

    private record FileDetails(
            String mimeType,
            long fileSize,
            String cameraMake,
            String cameraModel,
            AssetInfo.AudioTags audioTags,
            String burstId) {}

    static Arbitrary<Album> albums() {
        Arbitrary<Album> plain = Combinators.combine(
                        text(), text(), Arbitraries.integers().between(0, 1_000_000), Arbitraries.of(AlbumType.class))
                .as(Album::new);
        Arbitrary<Long> time = Arbitraries.longs().between(0, 4_102_444_800_000L);
        Arbitrary<Album> moments = Combinators.combine(
                        text(),
                        text(),
                        Arbitraries.integers().between(1, 1_000_000),
                        time,
                        time,
                        locations().injectNull(0.3),
                        text().list().ofMaxSize(4).injectNull(0.3))
                .as((id, title, count, start, end, place, names) ->
                        new Album(id, title, count, AlbumType.MOMENT, start, end, place, names));
        return Arbitraries.oneOf(plain, moments);
    }

    static Arbitrary<AssetPage> assetPages() {
        return Combinators.combine(
                        assets().list().ofMaxSize(4),
                        nullableText(),
                        Arbitraries.of(true, false),
                        Arbitraries.longs().greaterOrEqual(0))
                .as(AssetPage::new);
    }

    static Arbitrary<ChangeSet> changeSets() {
        Arbitrary<List<String>> ids = text().list().ofMaxSize(5);
        return Combinators.combine(Arbitraries.of(true, false), ids, ids, ids, nullableText())
                .as(ChangeSet::new);
    }

    static Arbitrary<ScanReport> scanReports() {
        Arbitrary<ScanWarning> warnings =
                Combinators.combine(text(), text(), Arbitraries.of(true, false)).as(ScanWarning::new);
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(
                        counts,
                        counts,
                        counts,
                        counts,
                        warnings.list().ofMaxSize(3),
                        Arbitraries.longs().greaterOrEqual(0))
                .as(ScanReport::new);
    }
}
