package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.core.access.AccessEntry;
import dev.camroll.core.access.AccessLog;
import dev.camroll.core.access.AccessOperation;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.SqlAccessLog;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner reads what each app read and changed; the log moves no change token. */
class AccessLogTest {
    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private final AppId app = new AppId("viewer");
    private String beach;

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Home/cat.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        beach = library.getAssets(EVERYTHING).assets().stream()
                .filter(asset -> asset.filename().equals("beach.jpg"))
                .findFirst()
                .orElseThrow()
                .id();
        library.grants().set(app, Grant.all(Set.of(GranularPermission.values()), false));
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void eachReadOfAnItemAndEachChangeIsLoggedWithItsAppNewestFirst() {
        String token = library.changeToken();
        ScopedLibrary seen = library.forApp(app);
        seen.getAssets(EVERYTHING);
        seen.getAssetInfo(beach);
        seen.original(beach);
        // Reads change nothing of the library: no change token moves.
        assertThat(library.changeToken()).isEqualTo(token);
        Asset created = seen.createAsset(AssetSource.bytes("new.jpg", TestMedia.jpegBytes(20, 10)), null);
        seen.deleteAssets(List.of(created.id()));
        seen.getAssetInfo("missing-id");

        List<AccessEntry> entries = library.accessLog().entries(app, 100);
        assertThat(entries)
                .extracting(AccessEntry::operation)
                .containsExactly(
                        AccessOperation.DELETE,
                        AccessOperation.CREATE,
                        AccessOperation.READ_ORIGINAL,
                        AccessOperation.READ_INFO);
        assertThat(entries).extracting(AccessEntry::assetId).containsExactly(created.id(), created.id(), beach, beach);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.app()).isEqualTo(app));
        // The owner's own reads are not an app's.
        library.getAssetInfo(beach);
        assertThat(library.accessLog().entries(app, 100)).hasSize(4);
        assertThat(library.accessLog().entries(new AppId("other"), 100)).isEmpty();
    }

    @Test
    void entriesPastTheRetentionAreForgotten() {
        library.forApp(app).getAssetInfo(beach);
        Path index = root.resolve(".camroll/index.db");
        Database database = Database.open(index);
        try {
            Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
            AccessLog then = new AccessLog(new SqlAccessLog(database), later, AccessLog.DEFAULT_RETENTION);
            assertThat(then.entries(app, 10)).isEmpty();
            AccessLog now = new AccessLog(new SqlAccessLog(database), Clock.systemUTC(), AccessLog.DEFAULT_RETENTION);
            assertThat(now.entries(app, 10)).hasSize(1);
            then.purge();
            assertThat(now.entries(app, 10)).isEmpty();
        } finally {
            database.close();
        }
    }
}
