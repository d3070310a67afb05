package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app's library ({@code forApp}) serves bytes and info without location while its grant leaves
 * the location out, and as they are from the moment the grant includes it (and back again).
 */
class AppLocationTest {
    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private Path camera;
    private String id;
    private final AppId app = new AppId("frame");

    @BeforeEach
    void open() throws IOException {
        camera = root.resolve("Trips/DSCN0010.jpg");
        Files.createDirectories(camera.getParent());
        Files.copy(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"), camera);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        id = library.getAssets(EVERYTHING).assets().stream()
                .map(Asset::id)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static byte[] read(OriginalFile file) throws IOException {
        try (SeekableByteChannel channel = file.open();
                InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theGrantsLocationPermissionDecidesWhatTheAppIsServed() throws IOException {
        byte[] onDisk = Files.readAllBytes(camera);
        List<byte[]> coordinates = NoLocation.rawCoordinates(onDisk);
        String ownersTag =
                library.scoped(Scope.owner()).original(id).orElseThrow().etag();
        ScopedLibrary frame = library.forApp(app);

        library.grants().set(app, Grant.all(Set.of(GranularPermission.PHOTO), false));
        OriginalFile withoutLocation = frame.original(id).orElseThrow();
        assertThat(withoutLocation.locationRemoved()).isTrue();
        assertThat(withoutLocation.etag()).isNotEqualTo(ownersTag);
        NoLocation.assertNone(read(withoutLocation), coordinates);
        assertThat(frame.getAssetInfo(id).location()).isNull();
        assertThat(frame.getAssetInfo(id).exif()).doesNotContainKey("GPS");

        library.grants().set(app, Grant.all(Set.of(GranularPermission.PHOTO), true));
        OriginalFile withLocation = frame.original(id).orElseThrow();
        assertThat(withLocation.locationRemoved()).isFalse();
        assertThat(withLocation.etag()).isEqualTo(ownersTag);
        assertThat(read(withLocation)).isEqualTo(onDisk);
        assertThat(frame.getAssetInfo(id).location()).isNotNull();

        library.grants().set(app, Grant.limited(Set.of(GranularPermission.PHOTO), false));
        assertThat(frame.original(id)).isEmpty(); // nothing selected: the asset is not there for it
    }
}
