package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw files are shown by the largest JPEG preview they carry, turned as their EXIF says. */
class RawPreviewTest {
    @TempDir
    Path dir;

    private final RenditionCache cache;

    RawPreviewTest(@TempDir Path data) {
        this.cache = new RenditionCache(data, RenditionSettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    /**
     * A little-endian TIFF as cameras write raw files: IFD0 names a small thumbnail JPEG and a
     * SubIFD, whose entries name the large preview JPEG; sensor data is left out.
     */
    static byte[] rawFile(byte[] thumbnail, byte[] preview, int orientation) {
        int ifd0 = 8;
        int ifd0Entries = 6;
        int subIfd = ifd0 + 2 + ifd0Entries * 12 + 4;
        int subEntries = 3;
        int thumbnailAt = subIfd + 2 + subEntries * 12 + 4;
        int previewAt = thumbnailAt + thumbnail.length;
        ByteBuffer file = ByteBuffer.allocate(previewAt + preview.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
        file.putShort((short) ifd0Entries);
        entry(file, 0x0100, 4, 6000); // the sensor's width and height
        entry(file, 0x0101, 4, 4000);
        entry(file, 0x0112, 3, orientation);
        entry(file, 0x014A, 4, subIfd);
        entry(file, 0x0201, 4, thumbnailAt);
        entry(file, 0x0202, 4, thumbnail.length);
        file.putInt(0);
        file.putShort((short) subEntries);
        entry(file, 0x00FE, 4, 1);
        entry(file, 0x0201, 4, previewAt);
        entry(file, 0x0202, 4, preview.length);
        file.putInt(0);
        file.put(thumbnail).put(preview);
        return file.array();
    }

    private static void entry(ByteBuffer file, int tag, int type, int value) {
        file.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            file.putShort((short) value).putShort((short) 0);
        } else {
            file.putInt(value);
        }
    }

    private RenditionSource source(String id, Path file, MediaFormat format) throws Exception {
        return new RenditionSource(
                id,
                file,
                format,
                Files.size(file),
                Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void theLargestPreviewIsServedAsItIsWhenNoTurnIsNeeded() throws Exception {
        byte[] preview = TestMedia.jpegBytes(640, 480);
        Path nef = Files.write(dir.resolve("camera.nef"), rawFile(TestMedia.jpegBytes(160, 120), preview, 1));
        assertThat(BrowserFormats.judge(nef, MediaFormat.NEF)).contains(RenditionKind.PHOTO_JPEG);

        CachedRendition rendition =
                cache.get(source("rawphoto00001", nef, MediaFormat.NEF), RenditionKind.PHOTO_JPEG, Duration.ZERO);

        assertThat(rendition.mimeType()).isEqualTo("image/jpeg");
        assertThat(Files.readAllBytes(rendition.file())).isEqualTo(preview);
    }

    @Test
    void aPreviewServedAsItIsLosesTheLocationOfItsExif() throws Exception {
        byte[] preview = Files.readAllBytes(LocatedFiles.jpeg(dir.resolve("preview.jpg")));
        List<byte[]> coordinates = NoLocation.rawCoordinates(preview);
        Path arw = Files.write(dir.resolve("camera.arw"), rawFile(TestMedia.jpegBytes(16, 12), preview, 1));

        CachedRendition rendition =
                cache.get(source("rawphoto00005", arw, MediaFormat.ARW), RenditionKind.PHOTO_JPEG, Duration.ZERO);

        byte[] served = Files.readAllBytes(rendition.file());
        assertThat(served).hasSameSizeAs(preview);
        NoLocation.assertNone(served, coordinates);
        assertThat(NoLocation.tag(served, com.drew.metadata.exif.ExifIFD0Directory.class, 0x010F))
                .isEqualTo(LocatedFiles.MAKE);
    }

    @Test
    void aPreviewIsTurnedAsTheRawFilesOrientationSays() throws Exception {
        Path dng = Files.write(
                dir.resolve("camera.dng"), rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480), 6));

        CachedRendition rendition =
                cache.get(source("rawphoto00002", dng, MediaFormat.DNG), RenditionKind.PHOTO_JPEG, Duration.ZERO);

        BufferedImage picture = ImageIO.read(rendition.file().toFile());
        assertThat(picture.getWidth()).isEqualTo(480);
        assertThat(picture.getHeight()).isEqualTo(640);
    }

    @Test
    void aCutPreviewFallsBackToTheThumbnailAndNoPreviewAtAllIsNoRendition() throws Exception {
        byte[] whole = rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480), 1);
        // The preview's offset points past the end of the file.
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1000);
        Path broken = Files.write(dir.resolve("cut.arw"), cut);
        // Only the thumbnail is whole: it is the one shown.
        CachedRendition small =
                cache.get(source("rawphoto00003", broken, MediaFormat.ARW), RenditionKind.PHOTO_JPEG, Duration.ZERO);
        assertThat(ImageIO.read(small.file().toFile()).getWidth()).isEqualTo(160);

        ByteArrayOutputStream noJpeg = new ByteArrayOutputStream();
        noJpeg.write(rawFile(new byte[] {1, 2, 3, 4}, new byte[] {5, 6, 7, 8}, 1));
        Path none = Files.write(dir.resolve("none.dng"), noJpeg.toByteArray());
        assertThatThrownBy(() -> cache.get(
                        source("rawphoto00004", none, MediaFormat.DNG), RenditionKind.PHOTO_JPEG, Duration.ZERO))
                .isInstanceOfSatisfying(NoRenditionException.class, e -> assertThat(e.reason())
                        .isEqualTo(NoRenditionException.Reason.UNSUPPORTED_FORMAT));
    }
}
