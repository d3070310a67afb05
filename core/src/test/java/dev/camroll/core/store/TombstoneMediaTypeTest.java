package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaType;
import dev.camroll.core.access.AssetPredicate;
import dev.camroll.core.access.LimitedScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.metadata.ReaderVersions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tombstones keep the deleted asset's media type (V8), so that a scope limited to some media types
 * is told of the deletions it may see. An index written before V8 is upgraded in place: its
 * tombstones have no media type and are told to the owner only.
 */
class TombstoneMediaTypeTest {
    /** Sees photos only. */
    private static final Scope PHOTOS = new LimitedScope() {
        @Override
        public AssetPredicate predicate() {
            return new AssetPredicate.OfMediaTypes(Set.of(MediaType.PHOTO));
        }
    };

    @TempDir
    Path folder;

    @Test
    void anUpgradedIndexTellsNewDeletionsByMediaTypeAndOldOnesToTheOwnerOnly() throws Exception {
        Path file = folder.resolve("index.db");
        List<String> ids;
        try (Database database = Database.open(file)) {
            ScanStore scans = new ScanStore(database);
            AlbumRow album = scans.addAlbum("", "root");
            scans.apply(List.of(
                    new ScanChange.Insert(asset(album, "old.jpg", MediaType.PHOTO)),
                    new ScanChange.Insert(asset(album, "new.jpg", MediaType.PHOTO)),
                    new ScanChange.Insert(asset(album, "new.mp4", MediaType.VIDEO))));
            ids = List.of("old.jpg", "new.jpg", "new.mp4").stream()
                    .map(name -> scans.knownFiles(album.rowId()).get(name).publicId())
                    .toList();
        }
        // The index as version 7 left it: tombstones without a media type, its trigger, and a
        // deletion made by that version.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP TRIGGER assets_tombstoned_on_delete");
            // What version 17 added goes (the picker's sessions and results).
            statement.executeUpdate("DROP TABLE picker_results");
            statement.executeUpdate("DROP TABLE picker_sessions");
            // What version 16 added goes (the trashed halves of Live Photos).
            statement.executeUpdate("DROP TRIGGER assets_not_over_paired_videos");
            statement.executeUpdate("DROP TABLE trashed_videos");
            statement.executeUpdate("DROP TABLE paired_videos");
            statement.executeUpdate("DROP INDEX assets_by_content_identifier");
            statement.executeUpdate("ALTER TABLE assets DROP COLUMN content_identifier");
            statement.executeUpdate("ALTER TABLE trash DROP COLUMN content_identifier");
            // What version 15 added goes (the Live Photo pairs and identifiers), and what versions
            // 11, 10 and 9 added goes too (the tables of 11 take their triggers along).
            for (String trigger : List.of(
                    "app_views_on_asset_insert",
                    "app_views_on_asset_delete",
                    "app_views_on_asset_update",
                    "app_views_on_asset_move")) {
                statement.executeUpdate("DROP TRIGGER " + trigger);
            }
            for (String table : List.of("app_view_counts", "app_view_assets")) {
                statement.executeUpdate("DROP TABLE " + table);
            }
            for (String table : List.of("device_codes", "authorization_codes", "app_tokens", "apps")) {
                statement.executeUpdate("DROP TABLE " + table);
            }
            for (String trigger :
                    List.of("assets_moment_on_insert", "assets_moment_on_delete", "assets_moment_on_update")) {
                statement.executeUpdate("DROP TRIGGER " + trigger);
            }
            for (String table : List.of("moments", "moment_assets", "moment_queue", "moment_state")) {
                statement.executeUpdate("DROP TABLE " + table);
            }
            statement.executeUpdate("DROP TRIGGER assets_moves_kept");
            for (String table : List.of(
                    "app_grants",
                    "app_selected_assets",
                    "app_selected_albums",
                    "app_created_assets",
                    "consent_requests",
                    "change_requests",
                    "access_log",
                    "asset_moves")) {
                statement.executeUpdate("DROP TABLE " + table);
            }
            // And the burst identifiers of 14.
            statement.executeUpdate("ALTER TABLE assets DROP COLUMN burst_id");
            statement.executeUpdate("ALTER TABLE trash DROP COLUMN burst_id");
            statement.executeUpdate("ALTER TABLE tombstones DROP COLUMN album_id");
            statement.executeUpdate("ALTER TABLE tombstones DROP COLUMN media_type");
            statement.executeUpdate("CREATE TRIGGER assets_tombstoned_on_delete AFTER DELETE ON assets BEGIN"
                    + " INSERT OR REPLACE INTO tombstones (public_id, generation_added, generation, deleted_at)"
                    + " VALUES (OLD.public_id, OLD.generation_added, (SELECT generation FROM library_state),"
                    + " CAST(unixepoch('subsec') * 1000 AS INTEGER)); END");
            statement.executeUpdate("PRAGMA user_version = 7");
        }
        long token;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE library_state SET generation = generation + 1");
            token = generation(statement) - 1;
            statement.executeUpdate("DELETE FROM assets WHERE public_id = '" + ids.get(0) + "'");
        }

        try (Database database = Database.open(file)) {
            new WriteStore(database).discard(Scope.owner(), ids.subList(1, 3));
            Journal journal = new Journal(database);
            String libraryId = journal.state().libraryId();

            assertThat(journal.changesSince(Scope.owner(), libraryId, token).deleted())
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(journal.changesSince(PHOTOS, libraryId, token).deleted()).containsExactly(ids.get(1));
        }
    }

    private static long generation(Statement statement) throws Exception {
        try (var rs = statement.executeQuery("SELECT generation FROM library_state")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static NewAsset asset(AlbumRow album, String name, MediaType type) {
        return new NewAsset(
                album.rowId(),
                name,
                type,
                type == MediaType.PHOTO ? "JPEG" : "MP4",
                Set.of(),
                10,
                10,
                1,
                1_000,
                1_000,
                0,
                100,
                null,
                null,
                null,
                List.of(),
                null,
                ReaderVersions.current(type));
    }
}
