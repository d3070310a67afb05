package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.PhotosOnlyScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.NoRenditionException;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renditions as the library hands them out: through a scope, and gone with their asset. */
class LibraryRenditionsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private LocalMediaLibrary open() {
        return (LocalMediaLibrary) MediaLibrary.open(root, LibraryOptions.defaults());
    }

    private static String idOf(MediaLibrary library, String filename) {
        return library
                .getAssets(AssetQuery.builder()
                        .first(100)
                        .mediaTypes(EnumSet.allOf(MediaType.class))
                        .build())
                .assets()
                .stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void aScopeThatDoesNotSeeTheAssetGetsNothingAsForAMissingOne() throws Exception {
        TestMedia.video(root.resolve("camcorder.mts"), 1, 320, 240, "mpegts", "mpeg2video", null);
        TestMedia.jpeg(root.resolve("photo.jpg"), 64, 48);
        try (LocalMediaLibrary library = open()) {
            String video = idOf(library, "camcorder.mts");
            String photo = idOf(library, "photo.jpg");
            ScopedLibrary photosOnly = library.scoped(new PhotosOnlyScope());

            assertThat(photosOnly.rendition(video, WAIT)).isEmpty();
            assertThat(photosOnly.rendition("no-such-asset", WAIT)).isEmpty();
            assertThat(library.renditions.madeCount()).isZero();
            assertThat(photosOnly.rendition(photo, WAIT))
                    .get()
                    .isInstanceOfSatisfying(
                            AssetRendition.AsIs.class,
                            asIs -> assertThat(asIs.original().filename()).isEqualTo("photo.jpg"));

            AssetRendition owners =
                    library.scoped(Scope.owner()).rendition(video, WAIT).orElseThrow();
            assertThat(owners).isInstanceOfSatisfying(AssetRendition.Converted.class, converted -> {
                assertThat(converted.filename()).isEqualTo("camcorder.mp4");
                assertThat(converted.rendition().mimeType()).isEqualTo("video/mp4");
                assertThat(converted.rendition().file()).startsWith(root.resolve(".camroll/renditions"));
            });
        }
    }

    @Test
    void aTrashedAssetKeepsItsRenditionAndAPurgedOneLosesIt() throws Exception {
        TestMedia.tiff(root.resolve("scan.tif"), 64, 48);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            String id = idOf(library, "scan.tif");
            AssetRendition.Converted made =
                    (AssetRendition.Converted) owner.rendition(id, WAIT).orElseThrow();
            Path entry = made.rendition().file();
            assertThat(entry).exists();

            library.deleteAssets(List.of(id));
            assertThat(owner.rendition(id, WAIT)).isEmpty();
            assertThat(entry).exists();

            library.purgeTrash();
            assertThat(entry.getParent()).doesNotExist();
        }
    }

    @Test
    void aHeicIsShownAsAnUprightJpegAndADamagedOneSaysWhyNot() throws Exception {
        Files.copy(TestMedia.corpus("exif-samples/heic/mobile/iphone_13_pro_max.HEIC"), root.resolve("phone.heic"));
        byte[] whole = Files.readAllBytes(TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC"));
        Files.write(root.resolve("cut.heic"), java.util.Arrays.copyOf(whole, whole.length / 2));
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            AssetRendition.Converted made = (AssetRendition.Converted)
                    owner.rendition(idOf(library, "phone.heic"), WAIT).orElseThrow();
            assertThat(made.rendition().mimeType()).isEqualTo("image/jpeg");
            java.awt.image.BufferedImage jpeg =
                    javax.imageio.ImageIO.read(made.rendition().file().toFile());
            // 4032 x 3024 as stored, turned upright by its irot.
            assertThat(List.of(jpeg.getWidth(), jpeg.getHeight())).containsExactly(3024, 4032);

            String cut = idOf(library, "cut.heic");
            assertThatThrownBy(() -> owner.rendition(cut, WAIT))
                    .isInstanceOfSatisfying(NoRenditionException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NO_RENDITION);
                        assertThat(e.reason()).isEqualTo(NoRenditionException.Reason.UNREADABLE);
                    });
        }
    }
}
