package dev.camroll.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The preview an Olympus (OM System) ORF keeps in its maker note: IFD0 names the EXIF IFD, whose
 * MakerNote (0x927C) holds Olympus's IFD; its CameraSettings (0x2020) sub-IFD names the JPEG by
 * PreviewImageStart (0x0101) and PreviewImageLength (0x0102), as ExifTool's Olympus tables read
 * them. Offsets count from the maker note's start in the maker notes since the E-1 ("OLYMPUS\0",
 * its own byte order, the IFD at 12), from the TIFF header in the older ones ("OLYMP\0", the IFD
 * at 8). Every offset is checked against the file; a missing or cut preview gives nothing.
 */
final class OrfPreview {

    private static final int EXIF_IFD = 0x8769;
    private static final int MAKER_NOTE = 0x927C;
    private static final int CAMERA_SETTINGS = 0x2020;
    private static final int PREVIEW_START = 0x0101;
    private static final int PREVIEW_LENGTH = 0x0102;
    private static final int MAX_ENTRIES = 1_000;

    private final FileChannel channel;
    private final long size;
    private ByteOrder order;

    private OrfPreview(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    static Optional<RawPreview.Found> find(FileChannel channel) throws IOException {
        return Optional.ofNullable(new OrfPreview(channel).makerNotePreview());
    }

    private RawPreview.Found makerNotePreview() throws IOException {
        ByteBuffer header = PreviewJpeg.bytesAt(channel, size, 0, 8);
        if (header == null) {
            return null;
        }
        order = header.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long[] exif = entry(Integer.toUnsignedLong(header.order(order).getInt(4)), EXIF_IFD);
        long[] note = exif == null ? null : entry(exif[2], MAKER_NOTE);
        if (note == null || note[1] < 16) {
            return null;
        }
        long noteAt = note[2];
        ByteBuffer noteHeader = PreviewJpeg.bytesAt(channel, size, noteAt, 12);
        if (noteHeader == null) {
            return null;
        }
        String signature = new String(noteHeader.array(), 0, 8, StandardCharsets.ISO_8859_1);
        long base;
        long ifd;
        if (signature.equals("OLYMPUS\0")) {
            order = noteHeader.get(8) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            base = noteAt;
            ifd = noteAt + 12;
        } else if (signature.startsWith("OLYMP\0")) {
            base = 0;
            ifd = noteAt + 8;
        } else {
            return null;
        }
        long[] settings = entry(ifd, CAMERA_SETTINGS);
        if (settings == null) {
            return null;
        }
        long settingsAt = base + settings[2];
        long[] start = entry(settingsAt, PREVIEW_START);
        long[] length = entry(settingsAt, PREVIEW_LENGTH);
        if (start == null || length == null || length[2] == 0) {
            return null;
        }
        return PreviewJpeg.at(channel, size, base + start[2], length[2]);
    }

    /**
     * The entry of {@code tag} in the IFD at {@code offset}: its type, count and value (or offset
     * of its value); null when the IFD or the entry is not there.
     */
    private long[] entry(long offset, int tag) throws IOException {
        ByteBuffer countBytes = PreviewJpeg.bytesAt(channel, size, offset, 2);
        if (countBytes == null) {
            return null;
        }
        int count = Short.toUnsignedInt(countBytes.order(order).getShort(0));
        if (count == 0 || count > MAX_ENTRIES) {
            return null;
        }
        ByteBuffer entries = PreviewJpeg.bytesAt(channel, size, offset + 2, count * 12);
        if (entries == null) {
            return null;
        }
        entries.order(order);
        for (int i = 0; i < count; i++) {
            int at = i * 12;
            if (Short.toUnsignedInt(entries.getShort(at)) != tag) {
                continue;
            }
            int type = Short.toUnsignedInt(entries.getShort(at + 2));
            long values = Integer.toUnsignedLong(entries.getInt(at + 4));
            long value = type == 3 && values == 1
                    ? Short.toUnsignedInt(entries.getShort(at + 8))
                    : Integer.toUnsignedLong(entries.getInt(at + 8));
            return new long[] {type, values, value};
        }
        return null;
    }
}
