package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Olympus ORF is shown by the preview its maker note names. The files are laid out as Olympus
 * cameras since the E-1 write them, after ExifTool's Olympus tables: the magic {@code IIRO}, IFD0
 * with make, orientation and the EXIF IFD, whose MakerNote starts {@code OLYMPUS\0II\3\0}; its
 * IFD's CameraSettings (0x2020, an IFD) holds PreviewImageValid, PreviewImageStart and
 * PreviewImageLength, offsets counted from the maker note's start. Sensor data is left out.
 */
class OrfPreviewTest {
    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    static byte[] orf(byte[] preview, int orientation, int declaredLength) {
        int ifd0 = 8;
        int ifd0Entries = 3;
        int makeAt = ifd0 + 2 + ifd0Entries * 12 + 4;
        byte[] make = "OLYMPUS IMAGING CORP.\0".getBytes(StandardCharsets.US_ASCII);
        int exifIfd = makeAt + make.length;
        int exifEntries = 1;
        int noteAt = exifIfd + 2 + exifEntries * 12 + 4;
        // The maker note: header (12), its IFD of 2 entries, CameraSettings of 3, then the preview.
        int noteIfd = 12;
        int settingsIfd = noteIfd + 2 + 2 * 12 + 4;
        int previewInNote = settingsIfd + 2 + 3 * 12 + 4;
        int noteLength = previewInNote + preview.length;
        ByteBuffer file = ByteBuffer.allocate(noteAt + noteLength).order(ByteOrder.LITTLE_ENDIAN);
        file.put((byte) 'I').put((byte) 'I').put((byte) 'R').put((byte) 'O').putInt(ifd0);
        file.putShort((short) ifd0Entries);
        entry(file, 0x010F, 2, make.length, makeAt);
        entry(file, 0x0112, 3, 1, orientation);
        entry(file, 0x8769, 4, 1, exifIfd);
        file.putInt(0);
        file.put(make);
        file.putShort((short) exifEntries);
        entry(file, 0x927C, 7, noteLength, noteAt);
        file.putInt(0);
        file.put("OLYMPUS\0II".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 3)
                .put((byte) 0);
        file.putShort((short) 2);
        file.putShort((short) 0x0000).putShort((short) 7).putInt(4).put("0100".getBytes(StandardCharsets.US_ASCII));
        entry(file, 0x2020, 13, 1, settingsIfd);
        file.putInt(0);
        file.putShort((short) 3);
        entry(file, 0x0100, 4, 1, 1);
        entry(file, 0x0101, 4, 1, previewInNote);
        entry(file, 0x0102, 4, 1, declaredLength);
        file.putInt(0);
        file.put(preview);
        return file.array();
    }

    private static void entry(ByteBuffer file, int tag, int type, int count, int value) {
        file.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3) {
            file.putShort((short) value).putShort((short) 0);
        } else {
            file.putInt(value);
        }
    }

    @Test
    void anOrfIsShownByItsMakerNotePreviewTurnedAsItsIfd0Says() throws Exception {
        byte[] preview = TestMedia.jpegBytes(640, 480);
        Path orf = Files.write(dir.resolve("P1010001.ORF"), orf(preview, 6, preview.length));

        MediaFacts facts = facts(orf);
        assertThat(facts.format()).isEqualTo(MediaFormat.ORF);
        assertThat(facts.subtypes()).contains(MediaSubtype.RAW);
        assertThat(facts.make()).isEqualTo("OLYMPUS IMAGING CORP.");

        BufferedImage picture = thumbnailer.picture(orf, MediaFormat.ORF, 4000);
        assertThat(picture.getWidth()).isEqualTo(480);
        assertThat(picture.getHeight()).isEqualTo(640);
    }

    @Test
    void anOrfWhosePreviewRunsPastTheFileHasNoThumbnail() throws Exception {
        byte[] preview = TestMedia.jpegBytes(640, 480);
        Path orf = Files.write(dir.resolve("P1010002.ORF"), orf(preview, 1, preview.length + 10_000));

        assertThatThrownBy(() -> thumbnailer.make(orf, MediaFormat.ORF, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                .isInstanceOfSatisfying(
                        NoThumbnailException.class,
                        e -> assertThat(e.code().wireName()).isEqualTo("no_thumbnail"));
    }

    private static MediaFacts facts(Path file) {
        ProbeOutcome outcome = new MediaProbe(ZoneOffset.UTC).probe(file);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }
}
