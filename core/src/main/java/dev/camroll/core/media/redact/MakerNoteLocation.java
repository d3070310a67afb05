package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The place names a maker note keeps apart from the GPS IFD. Of the maker notes
 * metadata-extractor reads, only Panasonic's has fields that say where a picture was made: the
 * travel and GPS models (Lumix TZ, ZS, FT) write the location, country, state, city and landmark
 * they looked up (tags 0x67 to 0x6F) as strings. Their values become zeros; the IFD and every
 * other field stay. The note ("Panasonic\0\0\0", then an IFD) uses the EXIF's byte order and
 * offsets from its TIFF header.
 */
final class MakerNoteLocation {
    private static final byte[] PANASONIC = "Panasonic\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    /** Location, Country, State, City and Landmark, as metadata-extractor names them. */
    private static final Set<Integer> PANASONIC_PLACES = Set.of(0x67, 0x69, 0x6B, 0x6D, 0x6F);

    private static final int MAX_ENTRIES = 1_024;

    private MakerNoteLocation() {}

    /**
     * Blanks the place fields of the maker note at {@code note} (from {@code base}, the TIFF
     * header), within {@code [base, end)}.
     */
    static void redact(FileBytes file, PatchList patches, long base, long end, ByteOrder order, long note)
            throws IOException {
        byte[] head = file.read(base + note, PANASONIC.length + 2);
        if (head.length < PANASONIC.length + 2 || !JpegLocation.startsWith(head, PANASONIC)) {
            return;
        }
        long ifd = base + note + PANASONIC.length;
        int count = Math.min(
                Short.toUnsignedInt(ByteBuffer.wrap(head).order(order).getShort(PANASONIC.length)), MAX_ENTRIES);
        ByteBuffer entries = ByteBuffer.wrap(file.read(ifd + 2, Math.min((long) count * 12, end - ifd - 2)))
                .order(order);
        for (int at = 0; at + 12 <= entries.capacity(); at += 12) {
            if (!PANASONIC_PLACES.contains(Short.toUnsignedInt(entries.getShort(at)))) {
                continue;
            }
            long length = Integer.toUnsignedLong(entries.getInt(at + 4)) * typeSize(entries.getShort(at + 2));
            if (length <= 4) {
                patches.zero(ifd + 2 + at + 8, 4);
            } else {
                long value = Integer.toUnsignedLong(entries.getInt(at + 8));
                if (value < end - base) {
                    patches.zero(base + value, Math.min(length, end - base - value));
                }
            }
        }
    }

    /** Strings and bytes are what these fields hold; a wider type is still blanked whole. */
    private static int typeSize(short type) {
        return switch (type) {
            case 3, 8 -> 2;
            case 4, 9, 11 -> 4;
            case 5, 10, 12 -> 8;
            default -> 1;
        };
    }
}
