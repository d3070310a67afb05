package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.FileRights;
import dev.camroll.core.testing.LivePhotoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrating an album out of a folder this process cannot write takes a Live Photo's video along:
 * copied beside the photo's copy in the new folder, still paired, the pair's ids kept; real pairs
 * ({@link LivePhotoFiles}) in a folder made immutable.
 */
class LivePhotoMigrationTest {
    private static final String ID = "5E6F7081-9293-44A5-B6C7-D8E9F0A1B2C3";
    private static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(EnumSet.of(MediaType.PHOTO, MediaType.VIDEO))
            .first(100)
            .build();

    @TempDir
    Path root;

    @Test
    void theVideoGoesWithItsPhotoToTheNewFolder() throws Exception {
        Path old = root.resolve("Old");
        LivePhotoFiles.still(old.resolve("IMG_0007.JPG"), ID);
        LivePhotoFiles.video(old.resolve("IMG_0007.MOV"), ID, 1.5);
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            library.scan(null);
            List<Asset> before = library.getAssets(EVERYTHING).assets();
            assertThat(before).extracting(Asset::filename).containsExactly("IMG_0007.JPG");
            String live = before.getFirst().id();
            String albumId = library.getAlbum("Old").id();
            boolean immutable = FileRights.immutable(old, true);
            try {
                assumeThat(immutable && !Files.isWritable(old))
                        .as("the folder cannot be made immutable here (not root, or no chattr)")
                        .isTrue();
                assertThat(library.albumNeedsMigration(albumId)).isTrue();

                library.migrateAlbumIfNeeded(albumId);

                Asset moved = library.getAssets(EVERYTHING).assets().getFirst();
                assertThat(moved.id()).isEqualTo(live);
                assertThat(moved.mediaSubtypes()).contains(MediaSubtype.LIVE_PHOTO);
                assertThat(library.getAssetInfo(live).pairedVideoUri())
                        .isEqualTo(root.resolve("Old (1)/IMG_0007.MOV").toUri().toString());
                assertThat(library.getAssets(EVERYTHING).assets())
                        .extracting(Asset::filename)
                        .containsExactly("IMG_0007.JPG");
            } finally {
                FileRights.immutable(old, false);
            }
            assertThat(library.scan(null))
                    .as("the index and the folders agree: the originals left in the old folder are new assets")
                    .extracting(report -> report.removed())
                    .isEqualTo(0);
        }
    }
}
