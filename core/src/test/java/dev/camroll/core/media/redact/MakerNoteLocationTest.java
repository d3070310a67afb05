package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.Directory;
import com.drew.metadata.exif.makernotes.PanasonicMakernoteDirectory;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MetadataDump;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG as a Panasonic travel camera writes it: no GPS IFD, but the place it looked up in its
 * maker note (location, country, state, city, landmark). metadata-extractor reads none of them
 * from the served bytes, and the maker note's other fields stay.
 */
class MakerNoteLocationTest {
    private static final Map<Integer, String> PLACES = Map.of(
            PanasonicMakernoteDirectory.TAG_LOCATION, "Champ de Mars",
            PanasonicMakernoteDirectory.TAG_COUNTRY, "France",
            PanasonicMakernoteDirectory.TAG_STATE, "Ile-de-France",
            PanasonicMakernoteDirectory.TAG_CITY, "Paris",
            PanasonicMakernoteDirectory.TAG_LANDMARK, "Tour Eiffel");

    @TempDir
    Path folder;

    @Test
    void panasonicPlaceNamesAreBlankedAndTheRestOfTheNoteStays() throws Exception {
        byte[] picture = Files.readAllBytes(TestMedia.jpeg(folder.resolve("plain.jpg"), 32, 24));
        Path file = Files.write(folder.resolve("lumix.jpg"), withExif(picture, panasonicExif()));
        byte[] original = Files.readAllBytes(file);
        Directory before = NoLocation.read(original).getFirstDirectoryOfType(PanasonicMakernoteDirectory.class);
        assertThat(before.getString(PanasonicMakernoteDirectory.TAG_CITY)).isEqualTo("Paris");
        assertThat(before.getString(PanasonicMakernoteDirectory.TAG_LANDMARK)).isEqualTo("Tour Eiffel");

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.JPEG);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNoText(served, PLACES.values().toArray(String[]::new));
        Directory after = NoLocation.read(served).getFirstDirectoryOfType(PanasonicMakernoteDirectory.class);
        assertThat(after).isNotNull();
        for (int tag : PLACES.keySet()) {
            assertThat(after.getString(tag)).as("tag 0x%x", tag).isNullOrEmpty();
        }
        assertThat(after.getInt(PanasonicMakernoteDirectory.TAG_QUALITY_MODE)).isEqualTo(2);
        LocationRedactorTest.assertSamePicture(original, served);
    }

    @Test
    void assetInfoWithoutLocationHasNoneOfTheNotesPlaceNames() throws Exception {
        byte[] picture = Files.readAllBytes(TestMedia.jpeg(folder.resolve("plain.jpg"), 32, 24));
        Path file = Files.write(folder.resolve("lumix.jpg"), withExif(picture, panasonicExif()));
        Map<String, Map<String, String>> all = MetadataDump.readAll(file);
        assertThat(all.toString()).contains("Tour Eiffel", "Ile-de-France");

        Map<String, Map<String, String>> shown = LocationFreeMetadata.of(all);

        for (String place : PLACES.values()) {
            assertThat(shown.toString()).doesNotContain(place);
        }
        assertThat(shown.values().stream().flatMap(tags -> tags.keySet().stream()))
                .contains("Quality Mode");
    }

    /**
     * The EXIF of a Panasonic camera, little-endian: IFD0 (Make, EXIF pointer), the EXIF IFD (the
     * maker note), the note ("Panasonic\0\0\0", an IFD with the quality and the place fields, each
     * place a 72-byte string as the cameras write it).
     */
    private static byte[] panasonicExif() {
        ByteBuffer tiff = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put("II".getBytes(StandardCharsets.ISO_8859_1))
                .putShort((short) 42)
                .putInt(8);
        tiff.putShort((short) 2);
        entry(tiff, 0x010F, 2, 10, 38);
        entry(tiff, 0x8769, 4, 1, 48);
        tiff.putInt(0);
        tiff.position(38).put("Panasonic\0".getBytes(StandardCharsets.ISO_8859_1));
        tiff.position(48).putShort((short) 1);
        int note = 66;
        int values = note + 12 + 2 + (1 + PLACES.size()) * 12 + 4;
        entry(tiff, 0x927C, 7, values + PLACES.size() * 72 - note, note);
        tiff.putInt(0);
        tiff.position(note).put("Panasonic\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        tiff.putShort((short) (1 + PLACES.size()));
        entry(tiff, PanasonicMakernoteDirectory.TAG_QUALITY_MODE, 3, 1, 2);
        int at = values;
        for (int tag : PLACES.keySet().stream().sorted().toList()) {
            entry(tiff, tag, 2, 72, at);
            int next = tiff.position();
            tiff.position(at).put(PLACES.get(tag).getBytes(StandardCharsets.ISO_8859_1));
            tiff.position(next);
            at += 72;
        }
        tiff.putInt(0);
        return java.util.Arrays.copyOf(tiff.array(), at);
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** {@code jpeg} with an APP1 EXIF segment holding {@code tiff} right after its SOI. */
    private static byte[] withExif(byte[] jpeg, byte[] tiff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
