package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Carries a photo's EXIF (a JPEG's APP1 segment, or a HEIF/AVIF file's {@code Exif} item) over to
 * the JPEG made of it: the TIFF structure of its {@code Exif}
 * item, as it is (capture time, camera, lens, exposure, GPS, maker note: offsets inside it stay
 * right, since they count from its own header), with IFD0's Orientation set to 1, since the JPEG's
 * pixels are already turned. It goes in an APP1 segment after the JFIF one, where cameras and
 * ExifTool put it. An EXIF too large for one segment (64 KiB), or one that is not a TIFF
 * structure, is not carried over: the JPEG stays without metadata.
 */
public final class ExifCarryOver {

    /** The largest TIFF structure an APP1 segment holds, after its length and "Exif\0\0". */
    static final int MAX_TIFF_BYTES = 0xffff - 2 - 6;

    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifCarryOver() {}

    /**
     * Puts the EXIF of {@code source} (a JPEG, HEIC, HEIF or AVIF), turned upright, into the JPEG
     * {@code target}; a source without usable EXIF, or of another format, leaves it as it is.
     */
    public static void carry(Path source, MediaFormat format, Path target) throws IOException {
        byte[] tiff =
                switch (format) {
                    case JPEG -> tiffOfJpeg(source);
                    case HEIC, AVIF -> tiffOfHeif(source);
                    default -> null;
                };
        insert(target, tiff);
    }

    /** The TIFF structure of a JPEG's first EXIF segment (after "Exif\0\0"), or null. */
    static byte[] tiffOfJpeg(Path file) throws IOException {
        byte[] jpeg = Files.readAllBytes(file);
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return null;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
            int end = at + 2 + length;
            if (marker == 0xda || length < 2 || end > jpeg.length) {
                return null; // the picture's data, or a damaged segment: no EXIF before it
            }
            int start = at + 4;
            if (marker == 0xe1
                    && length - 2 > EXIF_HEADER.length
                    && java.util.Arrays.equals(
                            jpeg, start, start + EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
                byte[] tiff = java.util.Arrays.copyOfRange(jpeg, start + EXIF_HEADER.length, end);
                return isTiff(tiff) ? tiff : null;
            }
            at = end;
        }
        return null;
    }

    /** The TIFF structure of a HEIF file's EXIF item, or null when it has none usable. */
    static byte[] tiffOfHeif(Path file) {
        HeifItems items = HeifItems.read(file).orElse(null);
        HeifItems.Item exif = items == null ? null : items.exif().orElse(null);
        if (exif == null) {
            return null;
        }
        try {
            byte[] data = items.data(file, exif);
            if (data.length < 4) {
                return null;
            }
            long start = 4 + Integer.toUnsignedLong(ByteBuffer.wrap(data).getInt(0));
            if (start + 8 > data.length) {
                return null;
            }
            byte[] tiff = java.util.Arrays.copyOfRange(data, (int) start, data.length);
            return isTiff(tiff) ? tiff : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code tiff}, turned upright, into the JPEG file {@code jpeg} (replaced). */
    static void insert(Path jpeg, byte[] tiff) throws IOException {
        if (tiff == null || tiff.length > MAX_TIFF_BYTES || !isTiff(tiff)) {
            return;
        }
        byte[] upright = upright(tiff);
        byte[] picture = Files.readAllBytes(jpeg);
        if (picture.length < 4 || (picture[0] & 0xff) != 0xff || (picture[1] & 0xff) != 0xd8) {
            throw new IOException(jpeg + " is not a JPEG");
        }
        int at = 2;
        if ((picture[2] & 0xff) == 0xff && (picture[3] & 0xff) == 0xe0) {
            at = 4 + (((picture[4] & 0xff) << 8) | (picture[5] & 0xff)); // after the JFIF segment
        }
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + upright.length);
        segment.put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + 6 + upright.length));
        segment.put(EXIF_HEADER).put(upright);
        byte[] result = new byte[picture.length + segment.capacity()];
        System.arraycopy(picture, 0, result, 0, at);
        System.arraycopy(segment.array(), 0, result, at, segment.capacity());
        System.arraycopy(picture, at, result, at + segment.capacity(), picture.length - at);
        Files.write(jpeg, result);
    }

    /** A copy of the TIFF structure whose IFD0 Orientation, when it has one, is 1. */
    static byte[] upright(byte[] tiff) {
        byte[] copy = tiff.clone();
        ByteBuffer buffer =
                ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long ifd0 = Integer.toUnsignedLong(buffer.getInt(4));
        if (ifd0 + 2 > copy.length) {
            return copy;
        }
        int entries = Short.toUnsignedInt(buffer.getShort((int) ifd0));
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd0 + 2 + i * 12;
            if (entry + 12 > copy.length) {
                break;
            }
            if (Short.toUnsignedInt(buffer.getShort(entry)) == TAG_ORIENTATION
                    && buffer.getShort(entry + 2) == TYPE_SHORT
                    && buffer.getInt(entry + 4) == 1) {
                buffer.putShort(entry + 8, (short) 1);
            }
        }
        return copy;
    }

    private static boolean isTiff(byte[] bytes) {
        return bytes.length >= 8
                && ((bytes[0] == 'I' && bytes[1] == 'I' && bytes[2] == 42 && bytes[3] == 0)
                        || (bytes[0] == 'M' && bytes[1] == 'M' && bytes[2] == 0 && bytes[3] == 42));
    }
}
