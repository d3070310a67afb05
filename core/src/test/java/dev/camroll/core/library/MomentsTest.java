package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moments over a real library: camera JPEGs with EXIF times and GPS, grouped when the library
 * is read and kept up to date as assets arrive, go and come back.
 */
class MomentsTest {
    static final LibraryOptions UTC =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false).withTimeZone(ZoneOffset.UTC);

    static final double[] PARIS = {48.8530, 2.3499};
    static final double[] VERSAILLES = {48.8049, 2.1204};
    static final double[] LYON = {45.7640, 4.8357};

    @TempDir
    Path root;

    static Path photo(Path file, String time, double[] place) {
        TestMedia.ExifSpec.Builder exif = TestMedia.ExifSpec.builder().dateTimeOriginal(LocalDateTime.parse(time));
        if (place != null) {
            exif.gps(place[0], place[1]);
        }
        return TestMedia.jpegWithExif(file, 32, 24, exif.build());
    }

    /** A day in Paris and Versailles, an afternoon in Lyon, and the next morning there. */
    private void aTrip() {
        photo(root.resolve("DCIM/p1.jpg"), "2024-05-01T10:00:00", PARIS);
        photo(root.resolve("DCIM/p2.jpg"), "2024-05-01T10:30:00", PARIS);
        photo(root.resolve("DCIM/v1.jpg"), "2024-05-01T11:30:00", VERSAILLES);
        photo(root.resolve("DCIM/n1.jpg"), "2024-05-01T12:00:00", null);
        photo(root.resolve("DCIM/l1.jpg"), "2024-05-01T13:30:00", LYON);
        photo(root.resolve("DCIM/l2.jpg"), "2024-05-01T14:00:00", LYON);
        photo(root.resolve("DCIM/l3.jpg"), "2024-05-02T09:00:00", LYON);
    }

    static List<String> filenames(MediaLibrary library, String album) {
        return library
                .getAssets(AssetQuery.builder()
                        .album(album)
                        .mediaTypes(EnumSet.of(MediaType.PHOTO, MediaType.VIDEO))
                        .first(1000)
                        .build())
                .assets()
                .stream()
                .map(Asset::filename)
                .sorted()
                .toList();
    }

    @Test
    void groupsByPausesAndJumpsWithTimesPlacesAndNames() {
        aTrip();
        try (MediaLibrary library = MediaLibrary.open(root, UTC)) {
            library.scan(null);
            List<Album> moments = library.getMoments();

            assertThat(moments).extracting(Album::type).containsOnly(AlbumType.MOMENT);
            assertThat(moments)
                    .extracting(album -> filenames(library, album.id()))
                    .containsExactly(
                            List.of("n1.jpg", "p1.jpg", "p2.jpg", "v1.jpg"),
                            List.of("l1.jpg", "l2.jpg"),
                            List.of("l3.jpg"));
            Album paris = moments.getFirst();
            assertThat(paris.assetCount()).isEqualTo(4);
            assertThat(paris.startTime())
                    .isEqualTo(LocalDateTime.parse("2024-05-01T10:00:00")
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli());
            assertThat(paris.endTime())
                    .isEqualTo(LocalDateTime.parse("2024-05-01T12:00:00")
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli());
            assertThat(paris.locationNames()).containsExactly("Paris", "Versailles", "France");
            assertThat(paris.title()).isEqualTo("Paris");
            // The centre of two points in Paris and one in Versailles.
            assertThat(paris.approximateLocation().latitude()).isBetween(48.83, 48.84);
            assertThat(paris.approximateLocation().longitude()).isBetween(2.26, 2.28);
            assertThat(moments.get(2).locationNames()).containsExactly("Lyon", "France");
            assertThat(library.getAssets(AssetQuery.builder().album(paris.id()).build())
                            .totalCount())
                    .isEqualTo(4);
        }
    }

    @Test
    void aMomentWithoutLocationIsTitledByItsDay() {
        photo(root.resolve("a.jpg"), "2023-12-24T18:00:00", null);
        try (MediaLibrary library = MediaLibrary.open(root, UTC)) {
            library.scan(null);
            Album moment = library.getMoments().getFirst();
            assertThat(moment.title()).isEqualTo("24 December 2023");
            assertThat(moment.approximateLocation()).isNull();
            assertThat(moment.locationNames()).isNull();
        }
    }

    @Test
    void arrivalsDeletionsAndRestoresUpdateTheirMomentsKeepingIds() throws Exception {
        aTrip();
        try (MediaLibrary library = MediaLibrary.open(root, UTC)) {
            library.scan(null);
            List<Album> before = library.getMoments();
            String paris = before.get(0).id();
            String lyon = before.get(1).id();
            String nextDay = before.get(2).id();

            // One more photo in Paris at noon, through the API.
            Path outside = Files.createTempDirectory("moments");
            Asset added = library.createAsset(
                    AssetSource.file(photo(outside.resolve("p3.jpg"), "2024-05-01T11:45:00", PARIS)), null);
            assertThat(counts(library)).isEqualTo(Map.of(paris, 5, lyon, 2, nextDay, 1));

            // A photo that night in Lyon bridges the afternoon and the next morning (pauses under 3 h).
            photo(root.resolve("DCIM/l4.jpg"), "2024-05-01T16:30:00", LYON);
            photo(root.resolve("DCIM/l5.jpg"), "2024-05-01T19:00:00", LYON);
            photo(root.resolve("DCIM/l6.jpg"), "2024-05-01T21:30:00", LYON);
            photo(root.resolve("DCIM/l7.jpg"), "2024-05-02T00:00:00", LYON);
            photo(root.resolve("DCIM/l8.jpg"), "2024-05-02T02:30:00", LYON);
            photo(root.resolve("DCIM/l9.jpg"), "2024-05-02T05:00:00", LYON);
            photo(root.resolve("DCIM/la.jpg"), "2024-05-02T07:30:00", LYON);
            library.scan(null);
            assertThat(counts(library))
                    .as("the merged moment keeps the id of the larger one")
                    .isEqualTo(Map.of(paris, 5, lyon, 10));

            // Deleting the bridge splits it again; the afternoon keeps its id, the morning gets a new one.
            String bridge = library.getAssets(AssetQuery.builder().first(100).build()).assets().stream()
                    .filter(asset -> asset.filename().equals("l8.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            library.deleteAssets(List.of(bridge, added.id()));
            Map<String, Integer> split = counts(library);
            assertThat(split).containsEntry(paris, 4).containsEntry(lyon, 6).hasSize(3);
            assertThat(split.values()).containsExactlyInAnyOrder(4, 6, 3);

            library.restoreAssets(List.of(bridge, added.id()));
            assertThat(counts(library)).isEqualTo(Map.of(paris, 5, lyon, 10));
            assertThat(filenames(library, paris)).contains("p3.jpg");
        }
    }

    @Test
    void albumOperationsOnAMomentAreRefusedAndAnUnknownMomentIsNoAlbum() {
        aTrip();
        try (MediaLibrary library = MediaLibrary.open(root, UTC)) {
            library.scan(null);
            String moment = library.getMoments().getFirst().id();
            String asset = library.getAssets(AssetQuery.builder().build())
                    .assets()
                    .getFirst()
                    .id();
            assertThatThrownBy(() -> library.addAssetsToAlbum(List.of(asset), moment, false))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("is a moment");
            assertThatThrownBy(() -> library.getAssets(
                            AssetQuery.builder().album("moment-0000000000000").build()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("no moment");
        }
    }

    static Map<String, Integer> counts(MediaLibrary library) {
        return library.getMoments().stream().collect(Collectors.toMap(Album::id, Album::assetCount));
    }
}
