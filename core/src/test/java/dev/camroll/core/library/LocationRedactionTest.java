package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.exif.GpsDirectory;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.LibraryOptions;
import dev.camroll.core.access.NoLocationScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scope that does not see locations gets, through the library, the original of a located photo
 * or video without its location (the same length, its own ETag, ranges of the redacted bytes),
 * asset info without location or GPS tag, and thumbnails and renditions without one; the owner
 * gets the file as it is.
 */
class LocationRedactionTest {
    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private ScopedLibrary owner;
    private ScopedLibrary app;
    private Path camera;
    private Path video;

    @BeforeEach
    void open() throws IOException {
        camera = root.resolve("Trips/DSCN0010.jpg");
        Files.createDirectories(camera.getParent());
        Files.copy(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"), camera);
        video = TestMedia.video(
                root.resolve("Trips/clip.mov"),
                1.0,
                64,
                48,
                TestMedia.VideoSpec.PLAIN.withTag("location", LocatedFiles.ISO6709));
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        owner = library.scoped(Scope.owner());
        app = library.scoped(new NoLocationScope());
    }

    @AfterEach
    void close() {
        app.close();
        owner.close();
        library.close();
    }

    private String idOf(String filename) {
        return library.getAssets(EVERYTHING).assets().stream()
                .filter(asset -> asset.filename().equals(filename))
                .map(Asset::id)
                .findFirst()
                .orElseThrow();
    }

    private static byte[] read(OriginalFile file) throws IOException {
        try (SeekableByteChannel channel = file.open();
                InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theOriginalIsServedWithoutItsLocationUnderItsOwnEtag() throws IOException {
        String id = idOf("DSCN0010.jpg");
        byte[] onDisk = Files.readAllBytes(camera);
        List<byte[]> coordinates = NoLocation.rawCoordinates(onDisk);

        OriginalFile ownersFile = owner.original(id).orElseThrow();
        OriginalFile appsFile = app.original(id).orElseThrow();

        assertThat(read(ownersFile)).isEqualTo(onDisk);
        assertThat(ownersFile.locationRemoved()).isFalse();
        byte[] served = read(appsFile);
        assertThat(appsFile.locationRemoved()).isTrue();
        assertThat(appsFile.size()).isEqualTo(onDisk.length);
        assertThat(served).hasSize(onDisk.length);
        NoLocation.assertNone(served, coordinates);
        assertThat(appsFile.etag())
                .isNotEqualTo(ownersFile.etag())
                .startsWith("\"")
                .endsWith("\"");
        assertThat(app.original(id).orElseThrow().etag()).isEqualTo(appsFile.etag());

        try (SeekableByteChannel channel = appsFile.open()) {
            channel.position(100);
            ByteBuffer part = ByteBuffer.allocate(4_000);
            while (part.hasRemaining() && channel.read(part) > 0) {
                // read on
            }
            assertThat(part.array()).isEqualTo(java.util.Arrays.copyOfRange(served, 100, 4_100));
        }
    }

    @Test
    void assetInfoHasNoLocationNorAnyGpsTag() {
        String photo = idOf("DSCN0010.jpg");
        String clip = idOf("clip.mov");

        AssetInfo ownersPhoto = owner.getAssetInfo(photo);
        assertThat(ownersPhoto.location()).isNotNull();
        assertThat(ownersPhoto.exif()).containsKey("GPS");
        AssetInfo ownersClip = owner.getAssetInfo(clip);
        assertThat(ownersClip.location()).isNotNull();
        assertThat(ownersClip.exif().get("Container")).containsValue(LocatedFiles.ISO6709);

        for (String id : List.of(photo, clip)) {
            AssetInfo info = app.getAssetInfo(id);
            assertThat(info.location()).isNull();
            assertThat(info.exif().keySet()).noneMatch(directory -> directory.startsWith("GPS"));
            for (Map<String, String> tags : info.exif().values()) {
                assertThat(tags.keySet())
                        .noneMatch(name -> name.toLowerCase().contains("gps")
                                || name.toLowerCase().contains("location"));
                assertThat(tags.values()).noneMatch(value -> value.contains("48.8584"));
            }
        }
        assertThat(app.getAssetInfo(photo).exif().get("Exif IFD0"))
                .containsEntry("Model", ownersPhoto.exif().get("Exif IFD0").get("Model"));
    }

    @Test
    void theVideoIsServedWithoutItsPlace() throws IOException {
        String id = idOf("clip.mov");
        byte[] served = read(app.original(id).orElseThrow());
        assertThat(NoLocation.indexOf(Files.readAllBytes(video), LocatedFiles.ISO6709.getBytes()))
                .isPositive();
        assertThat(served).hasSize((int) Files.size(video));
        NoLocation.assertNoText(served, LocatedFiles.ISO6709);
    }

    @Test
    void thumbnailsAndRenditionsCarryNoLocation() throws IOException {
        String id = idOf("DSCN0010.jpg");
        byte[] thumbnail = Files.readAllBytes(
                app.thumbnail(id, ThumbnailSize.PREVIEW).orElseThrow().file());
        assertThat(NoLocation.read(thumbnail).getDirectoriesOfType(GpsDirectory.class))
                .isEmpty();

        AssetRendition rendition = app.rendition(id, Duration.ofSeconds(20)).orElseThrow();
        assertThat(rendition).isInstanceOf(AssetRendition.AsIs.class);
        OriginalFile shown = ((AssetRendition.AsIs) rendition).original();
        assertThat(shown.locationRemoved()).isTrue();
        NoLocation.assertNone(read(shown), NoLocation.rawCoordinates(Files.readAllBytes(camera)));
        AssetRendition ownersRendition =
                owner.rendition(id, Duration.ofSeconds(20)).orElseThrow();
        assertThat(((AssetRendition.AsIs) ownersRendition).original().locationRemoved())
                .isFalse();
    }
}
