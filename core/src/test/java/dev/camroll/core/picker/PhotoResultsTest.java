package dev.camroll.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.drew.metadata.exif.ExifIFD0Directory;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.picker.Aspect;
import dev.camroll.api.picker.AssetRepresentationMode;
import dev.camroll.api.picker.PickedAsset;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result files of picked photos: re-encoded JPEGs where an edit, a quality below 1 or a HEIF
 * family format asks for one, the original's bytes otherwise; EXIF and location only as the
 * options and the app's grant allow; the MIME type, name and bytes always agreeing.
 */
class PhotoResultsTest {
    @TempDir
    Path root;

    private PickerLibrary library;
    private final AppId frameId = new AppId("frame");
    private final Requester frame = Requester.app(frameId);
    private Path camera;

    @BeforeEach
    void open() throws IOException {
        camera = root.resolve("Trips/DSCN0010.jpg");
        Files.createDirectories(camera.getParent());
        Files.copy(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"), camera);
        TestMedia.jpeg(root.resolve("big.jpg"), 1600, 1000);
        TestMedia.jpegWithExif(
                root.resolve("sideways.jpg"),
                800,
                600,
                TestMedia.ExifSpec.builder().orientation(6).build());
        TestMedia.animatedGif(root.resolve("spin.gif"), 64, 48, 4);
        library = new PickerLibrary(root);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private PickedAsset pick(Requester maker, PickerOptions options, PickerChoice choice) {
        PickerSession session = library.sessions().create(maker, options);
        library.sessions().complete(session.id(), choice);
        return library.sessions()
                .get(maker, session.id())
                .orElseThrow()
                .result()
                .assets()
                .getFirst();
    }

    private static byte[] bytes(PickedAsset asset) throws IOException {
        return Files.readAllBytes(Path.of(URI.create(asset.uri())));
    }

    private static BufferedImage picture(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static void assertJpeg(PickedAsset asset, byte[] bytes) {
        assertThat(asset.mimeType()).isEqualTo("image/jpeg");
        assertThat(asset.fileName()).endsWith(".jpg");
        assertThat(bytes).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(asset.fileSize()).isEqualTo(bytes.length);
    }

    @Test
    void aFourByThreeCropAtQualityHalfIsASmallerJpegOfTheCrop() throws IOException {
        PickerOptions options = PickerOptions.builder()
                .allowsEditing(true)
                .aspect(new Aspect(4, 3))
                .quality(0.5)
                .build();
        String id = library.id("big.jpg");

        PickedAsset asset =
                pick(frame, options, PickerChoice.edited(id, PhotoEdit.crop(new CropRect(100, 50, 1200, 900))));

        byte[] bytes = bytes(asset);
        assertJpeg(asset, bytes);
        assertThat(asset.fileName()).isEqualTo("big.jpg");
        assertThat(asset.width()).isEqualTo(1200);
        assertThat(asset.height()).isEqualTo(900);
        BufferedImage result = picture(bytes);
        assertThat(result.getWidth()).isEqualTo(1200);
        assertThat(result.getHeight()).isEqualTo(900);
        assertThat(bytes.length).isLessThan((int) Files.size(root.resolve("big.jpg")));

        // The same crop at quality 1 weighs more: the quality asked is the encoder's.
        PickedAsset full = pick(
                frame,
                PickerOptions.builder()
                        .allowsEditing(true)
                        .aspect(new Aspect(4, 3))
                        .quality(1.0)
                        .build(),
                PickerChoice.edited(id, PhotoEdit.crop(new CropRect(100, 50, 1200, 900))));
        assertThat(full.fileSize()).isGreaterThan(asset.fileSize());
    }

    @Test
    void aTurnedPhotoIsUprightAndATurnByTheEditTurnsItAgain() throws IOException {
        String id = library.id("sideways.jpg");

        PickedAsset asItIs = pick(frame, PickerOptions.defaults(), PickerChoice.of(id));
        assertThat(bytes(asItIs)).isEqualTo(Files.readAllBytes(root.resolve("sideways.jpg")));
        assertThat(asItIs.width()).isEqualTo(600);
        assertThat(asItIs.height()).isEqualTo(800);

        PickedAsset reencoded = pick(frame, PickerOptions.builder().quality(0.8).build(), PickerChoice.of(id));
        BufferedImage upright = picture(bytes(reencoded));
        assertThat(upright.getWidth()).isEqualTo(600);
        assertThat(upright.getHeight()).isEqualTo(800);

        PickedAsset turned = pick(
                frame,
                PickerOptions.builder().allowsEditing(true).build(),
                PickerChoice.edited(id, PhotoEdit.rotate(90)));
        BufferedImage quarter = picture(bytes(turned));
        assertThat(quarter.getWidth()).isEqualTo(800);
        assertThat(quarter.getHeight()).isEqualTo(600);
        assertThat(turned.width()).isEqualTo(800);
    }

    @Test
    void theExifComesAlongOnlyWhenAskedAndUprightAndItsLocationOnlyForAnAppThatSeesLocations() throws IOException {
        byte[] original = Files.readAllBytes(camera);
        List<byte[]> coordinates = NoLocation.rawCoordinates(original);
        String id = library.id("DSCN0010.jpg");
        PickerOptions withExif = PickerOptions.builder().quality(0.7).exif(true).build();

        library.library.grants().set(frameId, Grant.all(Set.of(GranularPermission.PHOTO), true));
        PickedAsset located = pick(frame, withExif, PickerChoice.of(id));
        byte[] locatedBytes = bytes(located);
        assertJpeg(located, locatedBytes);
        assertThat(coordinates).anyMatch(form -> NoLocation.indexOf(locatedBytes, form) >= 0);
        assertThat(NoLocation.tag(locatedBytes, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("NIKON");
        assertThat(located.exif()).containsKey("GPS");
        assertThat(located.assetId()).isEqualTo(id);

        library.library.grants().set(frameId, Grant.all(Set.of(GranularPermission.PHOTO), false));
        PickedAsset unlocated = pick(frame, withExif, PickerChoice.of(id));
        byte[] unlocatedBytes = bytes(unlocated);
        NoLocation.assertNone(unlocatedBytes, coordinates);
        assertThat(NoLocation.tag(unlocatedBytes, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("NIKON");
        assertThat(unlocated.exif()).doesNotContainKey("GPS").containsKey("Exif IFD0");

        // As it is, the original's bytes: its location taken out for this app all the same.
        PickedAsset untouched = pick(frame, PickerOptions.defaults(), PickerChoice.of(id));
        byte[] untouchedBytes = bytes(untouched);
        assertThat(untouchedBytes).hasSameSizeAs(original).isNotEqualTo(original);
        NoLocation.assertNone(untouchedBytes, coordinates);
        assertThat(untouched.exif()).isNull();

        PickedAsset withoutExif =
                pick(frame, PickerOptions.builder().quality(0.7).build(), PickerChoice.of(id));
        assertThat(NoLocation.tag(bytes(withoutExif), ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isNull();
    }

    @Test
    void anAppThatSeesNothingGetsTheFileButNoAssetIdAndNoLocation() throws IOException {
        String id = library.id("DSCN0010.jpg");

        PickedAsset asset =
                pick(frame, PickerOptions.builder().exif(true).quality(0.9).build(), PickerChoice.of(id));

        assertThat(asset.assetId()).isNull();
        NoLocation.assertNone(bytes(asset), NoLocation.rawCoordinates(Files.readAllBytes(camera)));
        PickedAsset owners = pick(
                Requester.owner(),
                PickerOptions.builder().exif(true).quality(0.9).build(),
                PickerChoice.of(id));
        assertThat(owners.assetId()).isEqualTo(id);
        byte[] ownersBytes = bytes(owners);
        assertThat(NoLocation.rawCoordinates(Files.readAllBytes(camera)))
                .anyMatch(form -> NoLocation.indexOf(ownersBytes, form) >= 0);
    }

    @Test
    void anAnimatedGifComesBackUntouchedUnlessAQualityIsAsked() throws IOException {
        String id = library.id("spin.gif");

        PickedAsset untouched = pick(frame, PickerOptions.defaults(), PickerChoice.of(id));
        assertThat(bytes(untouched)).isEqualTo(Files.readAllBytes(root.resolve("spin.gif")));
        assertThat(untouched.mimeType()).isEqualTo("image/gif");
        assertThat(untouched.fileName()).isEqualTo("spin.gif");
        assertThat(untouched.width()).isEqualTo(64);
        assertThat(untouched.height()).isEqualTo(48);

        PickedAsset jpeg = pick(frame, PickerOptions.builder().quality(0.6).build(), PickerChoice.of(id));
        assertJpeg(jpeg, bytes(jpeg));
        assertThat(jpeg.fileName()).isEqualTo("spin.jpg");
    }

    @Test
    void anAvifComesBackAsJpegUnlessTheModeIsCurrent() throws IOException {
        assumeThat(TestMedia.hasEncoder("libaom-av1"))
                .as("the bundled FFmpeg has no AV1 encoder")
                .isTrue();
        TestMedia.avif(root.resolve("still.avif"), 320, 240);
        library.library.scan(null);
        String id = library.id("still.avif");

        PickedAsset compatible = pick(frame, PickerOptions.defaults(), PickerChoice.of(id));
        assertJpeg(compatible, bytes(compatible));
        assertThat(compatible.fileName()).isEqualTo("still.jpg");
        assertThat(picture(bytes(compatible)).getWidth()).isEqualTo(320);

        PickedAsset current = pick(
                frame,
                PickerOptions.builder()
                        .representationMode(AssetRepresentationMode.CURRENT)
                        .build(),
                PickerChoice.of(id));
        assertThat(current.mimeType()).isEqualTo("image/avif");
        assertThat(current.fileName()).isEqualTo("still.avif");
        assertThat(bytes(current)).isEqualTo(Files.readAllBytes(root.resolve("still.avif")));
    }

    @Test
    void anIphoneHeicBecomesAJpegWithItsExifWhenAskedWithoutItsLocationForAnAppThatMayNotSeeIt() throws IOException {
        Path heic = root.resolve("Trips/IMG_5195.HEIC");
        Files.copy(TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC"), heic);
        library.library.scan(null);
        String id = library.id("IMG_5195.HEIC");
        PickerOptions withExif = PickerOptions.builder().exif(true).build();

        library.library.grants().set(frameId, Grant.all(Set.of(GranularPermission.PHOTO), true));
        PickedAsset located = pick(frame, withExif, PickerChoice.of(id));
        byte[] locatedBytes = bytes(located);
        assertJpeg(located, locatedBytes);
        assertThat(NoLocation.tag(locatedBytes, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("Apple");
        assertThat(NoLocation.tag(locatedBytes, ExifIFD0Directory.class, ExifIFD0Directory.TAG_ORIENTATION))
                .isIn(null, "1");
        assertThat(NoLocation.tag(
                        locatedBytes,
                        com.drew.metadata.exif.GpsDirectory.class,
                        com.drew.metadata.exif.GpsDirectory.TAG_LATITUDE))
                .isNotNull();

        library.library.grants().set(frameId, Grant.all(Set.of(GranularPermission.PHOTO), false));
        byte[] unlocatedBytes = bytes(pick(frame, withExif, PickerChoice.of(id)));
        assertThat(NoLocation.tag(unlocatedBytes, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("Apple");
        assertThat(NoLocation.tag(
                        unlocatedBytes,
                        com.drew.metadata.exif.GpsDirectory.class,
                        com.drew.metadata.exif.GpsDirectory.TAG_LATITUDE))
                .isNull();

        assertThat(NoLocation.tag(
                        bytes(pick(frame, PickerOptions.defaults(), PickerChoice.of(id))),
                        ExifIFD0Directory.class,
                        ExifIFD0Directory.TAG_MAKE))
                .isNull();
    }

    @Test
    void base64HoldsTheResultsBytesWithoutLineBreaks() throws IOException {
        PickedAsset asset = pick(
                frame,
                PickerOptions.builder().base64(true).quality(0.5).build(),
                PickerChoice.of(library.id("big.jpg")));

        assertThat(asset.base64()).doesNotContain("\n").doesNotContain("\r");
        assertThat(Base64.getDecoder().decode(asset.base64())).isEqualTo(bytes(asset));
        assertThat(pick(frame, PickerOptions.defaults(), PickerChoice.of(library.id("big.jpg")))
                        .base64())
                .isNull();
    }
}
