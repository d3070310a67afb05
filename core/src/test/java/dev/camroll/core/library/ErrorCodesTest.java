package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure the engine gives through the public API carries its code and the details a
 * program acts on (the parameter, the ids, the file, the limit), in the situations that cause
 * them.
 */
class ErrorCodesTest {
    private static final String UNKNOWN = "zzzzzzzzzzzzz";

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private Path photo;

    @BeforeEach
    void library() throws IOException {
        photo = TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 20, 10);
    }

    @Test
    void unknownIdsAreNotFoundAndNamed() {
        try (MediaLibrary library = open()) {
            String trips = library.getAlbum("Trips").id();
            Asset beach = only(library);

            assertNotFound(() -> library.setFavorite(UNKNOWN, true), "asset", UNKNOWN);
            assertNotFound(() -> library.deleteAssets(List.of(beach.id(), UNKNOWN)), "asset", UNKNOWN);
            assertNotFound(() -> library.restoreAssets(List.of(UNKNOWN)), "trashed asset", UNKNOWN);
            assertNotFound(() -> library.addAssetsToAlbum(List.of(UNKNOWN), trips, true), "asset", UNKNOWN);
            assertNotFound(() -> library.addAssetsToAlbum(List.of(beach.id()), UNKNOWN, true), "album", UNKNOWN);
            assertNotFound(() -> library.deleteAlbums(List.of(UNKNOWN), false), "album", UNKNOWN);
            assertNotFound(() -> library.createAsset(AssetSource.file(photo), UNKNOWN), "album", UNKNOWN);
            assertNotFound(() -> library.removeAssetsFromAlbum(List.of(beach.id()), UNKNOWN), "album", UNKNOWN);
            assertThat(library.getAssetInfo(UNKNOWN)).isNull();
        }
    }

    @Test
    void badQueryOptionsNameTheirParameter() {
        try (MediaLibrary library = open()) {
            assertInvalid(() -> AssetQuery.builder().first(0).build(), "first");
            assertInvalid(
                    () -> AssetQuery.builder().mediaTypes(java.util.Set.of()).build(), "mediaType");
            assertInvalid(
                    () -> AssetQuery.builder()
                            .sortBy(SortKey.asc(SortField.WIDTH), SortKey.desc(SortField.WIDTH))
                            .build(),
                    "sortBy");
            assertInvalid(() -> SortKey.parseList("width:sideways"), "sortBy");
            assertInvalid(() -> SortKey.parseList("colour"), "sortBy");
            assertInvalid(
                    () -> library.getAssets(
                            AssetQuery.builder().after("not-a-cursor").build()),
                    "after");
            assertInvalid(
                    () -> library.getAssets(AssetQuery.builder().album(UNKNOWN).build()), "album");
            assertInvalid(() -> library.changesSince("garbage"), "token");
            assertInvalid(() -> library.changesSince(null), "token");
            assertInvalid(() -> library.deleteAssets(null), "ids");
        }
    }

    @Test
    void refusedWritesSayWhatWasRefused() throws IOException {
        try (MediaLibrary library = open()) {
            String trips = library.getAlbum("Trips").id();
            Asset beach = only(library);

            // A taken album name is a conflict over the name.
            InvalidArgumentException taken = refused(() -> library.createAlbum("Trips", beach.id(), true, null));
            assertThat(taken.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(taken.parameter()).isEqualTo("name");

            assertInvalid(() -> library.createAlbum("a/b", beach.id(), true, null), "name");
            assertInvalid(() -> library.createAlbum("Empty", null, true, null), "assetId");
            assertInvalid(
                    () -> library.createAlbum("Odd", null, true, "http://example.com/a.jpg"), "initialAssetLocalUri");
            assertInvalid(() -> library.createAsset(AssetSource.file(photo), "smart-favorites"), "album");
            assertInvalid(() -> library.createAsset(null, null), "source");
            assertInvalid(() -> library.createAsset(AssetSource.file(outside.resolve("gone.jpg")), null), "source");
            assertInvalid(
                    () -> library.createAsset(AssetSource.bytes(".hidden.jpg", new byte[] {1}), null), "fileName");
            Asset inPictures = library.createAsset(AssetSource.bytes("p.jpg", TestMedia.jpegBytes(4, 4)), null);
            String pictures = inPictures.albumId();
            assertInvalid(() -> library.removeAssetsFromAlbum(List.of(inPictures.id()), pictures), "albumId");
            assertInvalid(() -> library.removeAssetsFromAlbum(List.of(beach.id()), pictures), "assetIds");

            // Content: not media, not the media of its name, no media extension.
            byte[] png = Files.readAllBytes(TestMedia.png(outside.resolve("p.png"), 4, 4));
            for (AssetSource notMedia : List.of(
                    AssetSource.bytes("notes.jpg", "plain text".getBytes()),
                    AssetSource.bytes("clip.mp4", png),
                    AssetSource.bytes("notes.txt", png),
                    AssetSource.bytes("notes", png),
                    AssetSource.stream("upload.jpg", new ByteArrayInputStream(new byte[0])))) {
                InvalidArgumentException e = refused(() -> library.createAsset(notMedia, trips));
                assertThat(e.code()).as(notMedia.fileName()).isEqualTo(ErrorCode.NOT_MEDIA);
                assertThat(e.details()).containsEntry(InvalidArgumentException.FILE_NAME, notMedia.fileName());
            }

            InvalidArgumentException tooLarge = refused(() -> library.createAsset(
                    AssetSource.stream("big.jpg", new ByteArrayInputStream(TestMedia.jpegBytes(200, 200)))
                            .withMaxBytes(100),
                    trips));
            assertThat(tooLarge.code()).isEqualTo(ErrorCode.TOO_LARGE);
            assertThat(tooLarge.details()).isEqualTo(Map.of(InvalidArgumentException.MAX_BYTES, 100L));
            assertThat(library.getAssets(AssetQuery.builder().build()).totalCount())
                    .isEqualTo(2);
        }
    }

    @Test
    void aClosedLibraryIsUnavailable() {
        MediaLibrary library = open();
        library.close();

        CamrollException e = catchThrowableOfType(
                CamrollException.class,
                () -> library.getAssets(AssetQuery.builder().build()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void dataFolderProblemsHaveTheirCodes() throws IOException {
        Path file = Files.writeString(outside.resolve("data"), "a file, not a folder");

        CamrollException notAFolder = catchThrowableOfType(CamrollException.class, () -> MediaLibrary.open(
                        root, LibraryOptions.defaults().withDataDir(file))
                .close());
        assertThat(notAFolder.code()).isEqualTo(ErrorCode.BAD_DATA_FOLDER);

        Path missingRoot = outside.resolve("no-such-library");
        CamrollException noRoot = catchThrowableOfType(
                CamrollException.class, () -> MediaLibrary.open(missingRoot).close());
        assertThat(noRoot.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(noRoot.details()).containsEntry(InvalidArgumentException.PARAMETER, "root");
    }

    private MediaLibrary open() {
        return MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
    }

    private static Asset only(MediaLibrary library) {
        return library.getAssets(AssetQuery.builder().build()).assets().getFirst();
    }

    private static void assertNotFound(ThrowingCallable call, String kind, String id) {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, call);
        assertThat(e).as("not found").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.ids()).containsExactly(id);
        assertThat(e.details())
                .containsEntry(NotFoundException.IDS, List.of(id))
                .containsEntry(NotFoundException.KIND, kind);
    }

    private static void assertInvalid(ThrowingCallable call, String parameter) {
        InvalidArgumentException e = refused(call);
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.parameter()).as(e.getMessage()).isEqualTo(parameter);
    }

    private static InvalidArgumentException refused(ThrowingCallable call) {
        InvalidArgumentException e = catchThrowableOfType(InvalidArgumentException.class, call);
        assertThat(e).as("refused").isNotNull();
        return e;
    }
}
