package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test finds of a location in served bytes: the GPS directory metadata-extractor reads,
 * and the raw forms of the original's coordinates (its GPS rationals in both byte orders, the
 * ISO 6709 string, the XMP text) searched byte by byte.
 */
public final class NoLocation {
    private NoLocation() {}

    /** Metadata as metadata-extractor reads it from bytes (a reader of exiftool's grade). */
    public static Metadata read(byte[] bytes) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (Exception e) {
            throw new AssertionError("metadata-extractor could not read the file: " + e, e);
        }
    }

    /**
     * The raw forms of the coordinates the original holds: each latitude and longitude rational
     * of its GPS directories as 24 bytes in either byte order. Asserts there is at least one, so
     * that a test of a file without location cannot pass.
     */
    public static List<byte[]> rawCoordinates(byte[] original) {
        List<byte[]> forms = new ArrayList<>();
        for (GpsDirectory gps : read(original).getDirectoriesOfType(GpsDirectory.class)) {
            for (int tag : new int[] {GpsDirectory.TAG_LATITUDE, GpsDirectory.TAG_LONGITUDE}) {
                Rational[] values = gps.getRationalArray(tag);
                if (values == null) {
                    continue;
                }
                for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                    ByteBuffer form = ByteBuffer.allocate(values.length * 8).order(order);
                    for (Rational value : values) {
                        form.putInt((int) value.getNumerator()).putInt((int) value.getDenominator());
                    }
                    forms.add(form.array());
                }
            }
        }
        assertThat(forms).as("the original has GPS coordinates").isNotEmpty();
        assertThat(forms.stream().anyMatch(form -> indexOf(original, form) >= 0))
                .as("the original holds its coordinates' raw bytes")
                .isTrue();
        return forms;
    }

    /** No GPS position in the metadata of {@code served}, and none of {@code rawForms} in its bytes. */
    public static void assertNone(byte[] served, List<byte[]> rawForms) {
        for (GpsDirectory gps : read(served).getDirectoriesOfType(GpsDirectory.class)) {
            assertThat(gps.getGeoLocation())
                    .as("GPS position read from the served bytes")
                    .isNull();
            assertThat(gps.containsTag(GpsDirectory.TAG_LATITUDE)).isFalse();
            assertThat(gps.containsTag(GpsDirectory.TAG_LONGITUDE)).isFalse();
        }
        for (byte[] form : rawForms) {
            assertThat(indexOf(served, form))
                    .as("a coordinate's raw bytes in the served file")
                    .isEqualTo(-1);
        }
    }

    /** None of {@code texts} (ISO 6709 strings, XMP values) in the bytes, as UTF-8. */
    public static void assertNoText(byte[] served, String... texts) {
        for (String text : texts) {
            assertThat(indexOf(served, text.getBytes(StandardCharsets.UTF_8)))
                    .as("'%s' in the served bytes", text)
                    .isEqualTo(-1);
        }
    }

    /** The description of a tag as metadata-extractor reads it from the bytes, or null. */
    public static String tag(byte[] bytes, Class<? extends Directory> type, int tag) {
        for (Directory directory : read(bytes).getDirectoriesOfType(type)) {
            if (directory.containsTag(tag)) {
                return directory.getString(tag);
            }
        }
        return null;
    }

    public static int indexOf(byte[] bytes, byte[] form) {
        outer:
        for (int i = 0; i + form.length <= bytes.length; i++) {
            for (int j = 0; j < form.length; j++) {
                if (bytes[i + j] != form[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
