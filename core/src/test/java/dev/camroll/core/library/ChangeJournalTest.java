package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.Journal;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeJournalTest {
    @TempDir
    Path root;

    @Test
    void changesSinceATokenListInsertedUpdatedAndDeletedAssets() throws IOException {
        TestMedia.jpeg(root.resolve("stays.jpg"), 10, 10);
        TestMedia.jpeg(root.resolve("edited.jpg"), 10, 10);
        // Each of different content: a new file with a deleted one's content would be its move.
        TestMedia.jpeg(root.resolve("deleted.jpg"), 12, 10);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            Map<String, String> ids = idsByName(library);
            String before = library.changeToken();

            TestMedia.jpeg(root.resolve("new.jpg"), 14, 10);
            TestMedia.jpeg(root.resolve("edited.jpg"), 20, 20);
            Files.setLastModifiedTime(root.resolve("edited.jpg"), FileTime.fromMillis(1_000_000));
            Files.delete(root.resolve("deleted.jpg"));
            TestMedia.jpeg(root.resolve("brief.jpg"), 16, 10);
            library.scan(null);
            Files.delete(root.resolve("brief.jpg"));
            library.scan(null);

            ChangeSet changes = library.changesSince(before);
            assertThat(changes.hasIncrementalChanges()).isTrue();
            assertThat(changes.insertedAssets())
                    .containsExactly(idsByName(library).get("new.jpg"));
            assertThat(changes.updatedAssets()).containsExactly(ids.get("edited.jpg"));
            // brief.jpg came and went after the token: the caller never knew it.
            assertThat(changes.deletedAssets()).containsExactly(ids.get("deleted.jpg"));

            ChangeSet none = library.changesSince(changes.nextToken());
            assertThat(none.hasIncrementalChanges()).isTrue();
            assertThat(none.insertedAssets()).isEmpty();
            assertThat(none.updatedAssets()).isEmpty();
            assertThat(none.deletedAssets()).isEmpty();
            assertThat(none.nextToken()).isEqualTo(changes.nextToken());
        }
    }

    @Test
    void aDeleteAndARestoreAreAnUpdateOrAnInsertAsTheTokenSawTheAsset() throws IOException {
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            String beforeCreate = library.changeToken();
            String id = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(10, 10)), null)
                    .id();
            String whileThere = library.changeToken();
            library.deleteAssets(List.of(id));
            String whileTrashed = library.changeToken();
            library.restoreAssets(List.of(id));
            library.deleteAssets(List.of(id));
            String whileTrashedAgain = library.changeToken();
            library.restoreAssets(List.of(id));

            // Existed at the token and exists now: updated, even after two trips to the trash.
            assertThat(library.changesSince(whileThere))
                    .extracting(ChangeSet::insertedAssets, ChangeSet::updatedAssets, ChangeSet::deletedAssets)
                    .containsExactly(List.of(), List.of(id), List.of());
            // Not there at the token: inserted, whichever trip to the trash the token saw.
            for (String token : List.of(beforeCreate, whileTrashed, whileTrashedAgain)) {
                assertThat(library.changesSince(token))
                        .extracting(ChangeSet::insertedAssets, ChangeSet::updatedAssets, ChangeSet::deletedAssets)
                        .containsExactly(List.of(id), List.of(), List.of());
            }
            library.deleteAssets(List.of(id));
            // Trashed since: deleted to a token that saw it, nothing to one that never did.
            assertThat(library.changesSince(whileThere).deletedAssets()).containsExactly(id);
            assertThat(library.changesSince(whileTrashed))
                    .extracting(ChangeSet::insertedAssets, ChangeSet::updatedAssets, ChangeSet::deletedAssets)
                    .containsExactly(List.of(), List.of(), List.of());
        }
    }

    @Test
    void anUnchangedRescanAndReadsTakeNoGeneration() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            String token = library.changeToken();
            library.scan(null);
            library.getAssets(AssetQuery.builder().build());
            assertThat(library.changeToken()).isEqualTo(token);
        }
    }

    @Test
    void favoritesAreUpdatesAndUnknownIdsChangeNothing() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            String id = idsByName(library).get("a.jpg");
            String before = library.changeToken();
            library.setFavorite(id, true);
            assertThat(library.getAssetInfo(id).isFavorite()).isTrue();
            ChangeSet changes = library.changesSince(before);
            assertThat(changes.updatedAssets()).containsExactly(id);

            assertThatThrownBy(() -> library.setFavorite("0000000000000", true))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("0000000000000");
            assertThat(library.changesSince(changes.nextToken()).updatedAssets())
                    .isEmpty();

            library.setFavorite(id, false);
            assertThat(library.getAssetInfo(id).isFavorite()).isFalse();
        }
    }

    @Test
    void favoritesSurviveAnEditOfTheFile() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            String id = idsByName(library).get("a.jpg");
            library.setFavorite(id, true);
            TestMedia.jpeg(root.resolve("a.jpg"), 30, 30);
            Files.setLastModifiedTime(root.resolve("a.jpg"), FileTime.fromMillis(2_000_000));
            library.scan(null);
            assertThat(library.getAssetInfo(id).isFavorite()).isTrue();
            assertThat(library.getAssetInfo(id).asset().width()).isEqualTo(30);
        }
    }

    @Test
    void tokensOfAnotherLibraryOrTooOldAskForAFullReload() throws IOException {
        Path other = Files.createDirectories(root.resolve("other"));
        Path mine = Files.createDirectories(root.resolve("mine"));
        TestMedia.jpeg(mine.resolve("a.jpg"), 10, 10);
        String foreign;
        try (MediaLibrary library = MediaLibrary.open(other)) {
            foreign = library.changeToken();
        }
        try (MediaLibrary library = MediaLibrary.open(mine)) {
            assertThat(library.changesSince(foreign).hasIncrementalChanges()).isFalse();
            assertThat(library.changesSince(foreign).nextToken()).isEqualTo(library.changeToken());

            String before = library.changeToken();
            Files.delete(mine.resolve("a.jpg"));
            library.scan(null);
            assertThat(library.changesSince(before).deletedAssets()).hasSize(1);
            try (Database database = Database.open(mine.resolve(".camroll/index.db"))) {
                // As if the deletion were older than the retention period.
                new Journal(database).purgeTombstones(Long.MAX_VALUE);
            }
            assertThat(library.changesSince(before).hasIncrementalChanges()).isFalse();

            assertThatThrownBy(() -> library.changesSince("not a token"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("not a change token");
        }
    }

    private static Map<String, String> idsByName(MediaLibrary library) {
        return library.getAssets(AssetQuery.builder().first(100).build()).assets().stream()
                .collect(Collectors.toMap(Asset::filename, Asset::id));
    }
}
