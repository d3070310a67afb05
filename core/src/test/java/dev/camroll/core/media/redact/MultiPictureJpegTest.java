package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG with a Multi-Picture Format index, as phones and cameras write it: the main picture, then
 * a preview and a depth map, each a JPEG with its own EXIF and GPS. Every picture is served
 * without its position, and the index still leads to each of them.
 */
class MultiPictureJpegTest {
    /** Tokyo Tower and the Sydney Opera House: places the main picture does not name. */
    private static final double[][] OTHER_PLACES = {{35.658581, 139.745433}, {-33.856784, 151.215297}};

    @TempDir
    Path folder;

    @Test
    void everyPictureTheIndexListsLosesItsPosition() throws IOException {
        byte[] main = Files.readAllBytes(LocatedFiles.jpeg(folder.resolve("main.jpg")));
        List<byte[]> others = new ArrayList<>();
        List<byte[]> coordinates = new ArrayList<>(NoLocation.rawCoordinates(main));
        for (double[] place : OTHER_PLACES) {
            byte[] other = TestMedia.jpegWithExifBytes(
                    32,
                    24,
                    TestMedia.ExifSpec.builder()
                            .make(LocatedFiles.MAKE)
                            .gps(place[0], place[1])
                            .build());
            others.add(other);
            coordinates.addAll(NoLocation.rawCoordinates(other));
        }
        Path file = Files.write(folder.resolve("mpf.jpg"), withIndex(main, others));
        byte[] original = Files.readAllBytes(file);
        for (int i = 0; i < others.size(); i++) {
            assertThat(NoLocation.read(picture(original, i + 1))
                            .containsDirectoryOfType(com.drew.metadata.exif.GpsDirectory.class))
                    .isTrue();
        }

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.JPEG);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, coordinates);
        for (int i = 0; i < others.size(); i++) {
            byte[] picture = picture(served, i + 1);
            NoLocation.assertNone(picture, coordinates);
            assertThat(NoLocation.tag(
                            picture,
                            com.drew.metadata.exif.ExifIFD0Directory.class,
                            com.drew.metadata.exif.ExifIFD0Directory.TAG_MAKE))
                    .isEqualTo(LocatedFiles.MAKE);
            LocationRedactorTest.assertSamePicture(others.get(i), picture);
        }
        LocationRedactorTest.assertSamePicture(original, served);
    }

    @Test
    void anIndexThatPointsOutsideTheFileOrAtTheMainPictureChangesNothingElse() throws IOException {
        byte[] main = Files.readAllBytes(LocatedFiles.jpeg(folder.resolve("main.jpg")));
        byte[] file = withIndex(main, List.of());
        ByteBuffer.wrap(file).putInt(entriesAt(file) + 16 + 8, 0x7FFF_FFF0); // a second entry, past the end
        Path path = Files.write(folder.resolve("odd.jpg"), file);

        byte[] served = LocationRedactorTest.redacted(path, MediaFormat.JPEG);

        assertThat(served).hasSameSizeAs(file);
        NoLocation.assertNone(served, NoLocation.rawCoordinates(main));
    }

    // ---- an MPF file, built as CIPA DC-007 lays it out -------------------------------------------

    /** The MPF segment's TIFF header, from the file's start: SOI (2), marker and length (4), "MPF\0". */
    private static final int MPF_BASE = 2 + 4 + 4;

    /**
     * {@code main} with an APP2 MPF index right after its SOI, then {@code others} appended, as
     * the index lists them (a second entry always, pointing nowhere when there are no others).
     */
    static byte[] withIndex(byte[] main, List<byte[]> others) {
        int pictures = Math.max(2, 1 + others.size());
        int ifd = 8;
        int entries = ifd + 2 + 3 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(entries + pictures * 16);
        tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1))
                .putShort((short) 42)
                .putInt(ifd);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0xB000).putShort((short) 7).putInt(4).put("0100".getBytes(StandardCharsets.ISO_8859_1));
        tiff.putShort((short) 0xB001).putShort((short) 4).putInt(1).putInt(pictures);
        tiff.putShort((short) 0xB002).putShort((short) 7).putInt(pictures * 16).putInt(entries);
        tiff.putInt(0);
        int segment = 2 + 4 + tiff.capacity();
        int mainLength = main.length + 2 + segment;
        tiff.putInt(0x2003_0000).putInt(mainLength).putInt(0).putInt(0);
        int at = mainLength - MPF_BASE;
        for (byte[] other : others) {
            tiff.putInt(0x0002_0001).putInt(other.length).putInt(at).putInt(0);
            at += other.length;
        }
        for (int i = others.size(); i < pictures - 1; i++) {
            tiff.putInt(0x0002_0001).putInt(0).putInt(0).putInt(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(main, 0, 2);
        out.write(0xFF);
        out.write(0xE2);
        out.write(segment >> 8);
        out.write(segment);
        out.writeBytes("MPF\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff.array());
        out.write(main, 2, main.length - 2);
        others.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int entriesAt(byte[] file) {
        return MPF_BASE + ByteBuffer.wrap(file).getInt(MPF_BASE + 8 + 2 + 2 * 12 + 8);
    }

    /** The {@code index}th picture of the file, as its MPF index places it. */
    static byte[] picture(byte[] file, int index) {
        ByteBuffer bytes = ByteBuffer.wrap(file);
        int entry = entriesAt(file) + index * 16;
        int size = bytes.getInt(entry + 4);
        int offset = bytes.getInt(entry + 8);
        return Arrays.copyOfRange(file, MPF_BASE + offset, MPF_BASE + offset + size);
    }
}
