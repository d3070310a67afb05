package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fujifilm RAF files ({@link RafFiles}): indexed from their JPEG's EXIF, shown by that JPEG. */
class RafTest {
    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();
    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @Test
    void aRafIsARawPhotoWithItsJpegsExifAndIsShownByThatJpegTurned() throws Exception {
        byte[] jpeg = TestMedia.jpegWithExifBytes(
                640,
                480,
                TestMedia.ExifSpec.builder()
                        .orientation(6)
                        .make("FUJIFILM")
                        .model("X-T3")
                        .build());
        // Named as a JPEG: the content says what it is.
        Path raf = Files.write(dir.resolve("DSCF0001.jpg"), RafFiles.raf(jpeg));

        ProbeOutcome outcome = probe.probe(raf);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        MediaFacts facts = ((ProbeOutcome.Media) outcome).facts();
        assertThat(facts.format()).isEqualTo(MediaFormat.RAF);
        assertThat(facts.make()).isEqualTo("FUJIFILM");
        assertThat(facts.orientation()).isEqualTo(6);
        assertThat(facts.width()).isEqualTo(480);
        assertThat(facts.height()).isEqualTo(640);
        assertThat(facts.subtypes()).contains(MediaSubtype.RAW);
        assertThat(MediaFormat.fromFileName("DSCF0001.RAF")).isEqualTo(MediaFormat.RAF);

        BufferedImage picture = thumbnailer.picture(raf, MediaFormat.RAF, 2000);
        assertThat(picture.getWidth()).isEqualTo(480);
        assertThat(picture.getHeight()).isEqualTo(640);
        assertThat(BrowserFormats.judge(raf, MediaFormat.RAF)).contains(RenditionKind.PHOTO_JPEG);
    }

    @Test
    void hostileHeadersAreNoThumbnail() throws Exception {
        byte[] jpeg = TestMedia.jpegBytes(64, 48);
        byte[][] files = {
            RafFiles.raf(jpeg, 1L << 31, jpeg.length), // offset past the end
            RafFiles.raf(jpeg, RafFiles.JPEG_AT, 0xFFFF_FFF0L), // length past the end
            RafFiles.raf(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), // not a JPEG
        };
        for (int i = 0; i < files.length; i++) {
            Path raf = Files.write(dir.resolve("hostile" + i + ".raf"), files[i]);
            assertThatThrownBy(() -> thumbnailer.make(raf, MediaFormat.RAF, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                    .as("file %d", i)
                    .isInstanceOfSatisfying(NoThumbnailException.class, e -> {
                        assertThat(e.code().wireName()).isEqualTo("no_thumbnail");
                        assertThat(e.getMessage()).contains("no usable JPEG preview");
                    });
        }
    }

    @Test
    void theLocationInARafsJpegIsTakenOutForAppsWithoutLocation() throws Exception {
        byte[] jpeg = Files.readAllBytes(LocatedFiles.jpeg(dir.resolve("located.jpg")));
        List<byte[]> coordinates = NoLocation.rawCoordinates(jpeg);
        Path raf = Files.write(dir.resolve("DSCF0002.RAF"), RafFiles.raf(jpeg));
        byte[] original = Files.readAllBytes(raf);
        assertThatThrownBy(() -> NoLocation.assertNone(original, coordinates)).isInstanceOf(AssertionError.class);

        byte[] served;
        try (SeekableByteChannel open = LocationRedactor.open(FileChannel.open(raf), MediaFormat.RAF)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (open.read(buffer.clear()) > 0) {
                out.write(buffer.array(), 0, buffer.position());
            }
            served = out.toByteArray();
        }

        assertThat(served).hasSize((int) Files.size(raf));
        NoLocation.assertNone(served, coordinates);
    }
}
