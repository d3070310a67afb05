package dev.camroll.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The previews of a Canon CR3, an ISO-BMFF file (brand {@code crx}), as Laurent Clévy's "Canon CR3
 * format" describes them: a 160 x 120 JPEG in the {@code THMB} box of the {@code moov}'s Canon
 * uuid box ({@code 85c0b687-820f-11e0-8111-f4ce462b6a48}), and a larger one (1620 x 1080 on the
 * EOS R) in the {@code PRVW} box of the top-level uuid box {@code
 * eaf42b5e-1c98-4b88-b9fb-b7dc406e4d16}. Both boxes give the JPEG's length, and the JPEG starts 24
 * bytes into the box. Box sizes and lengths are checked against their parents; the walk visits at
 * most {@link #MAX_BOXES} boxes.
 */
final class Cr3Preview {

    private static final int MAX_BOXES = 256;
    private static final long[] CANON_UUID = {0x85c0b687820f11e0L, 0x8111f4ce462b6a48L};
    private static final long[] PREVIEW_UUID = {0xeaf42b5e1c984b88L, 0xb9fbb7dc406e4d16L};
    /** The preview uuid box holds 8 bytes before its PRVW box. */
    private static final int PREVIEW_UUID_SKIP = 8;

    private final FileChannel channel;
    private final long size;
    private int boxesSeen;

    private Cr3Preview(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    static Optional<RawPreview.Found> largest(FileChannel channel) throws IOException {
        return Optional.ofNullable(new Cr3Preview(channel).find());
    }

    private RawPreview.Found find() throws IOException {
        RawPreview.Found best = null;
        long at = 0;
        while (at + 8 <= size && boxesSeen++ < MAX_BOXES) {
            Box box = boxAt(at, size);
            if (box == null) {
                break;
            }
            RawPreview.Found found = null;
            if (box.type().equals("moov")) {
                found = inMoov(box);
            } else if (box.isUuid(PREVIEW_UUID)) {
                found = inChildren(box.body() + 16 + PREVIEW_UUID_SKIP, box.end(), "PRVW");
            }
            best = larger(best, found);
            at = box.end();
        }
        return best;
    }

    private RawPreview.Found inMoov(Box moov) throws IOException {
        long at = moov.body();
        while (at + 8 <= moov.end() && boxesSeen++ < MAX_BOXES) {
            Box box = boxAt(at, moov.end());
            if (box == null) {
                return null;
            }
            if (box.isUuid(CANON_UUID)) {
                return inChildren(box.body() + 16, box.end(), "THMB");
            }
            at = box.end();
        }
        return null;
    }

    /** The JPEG of the first box of {@code type} between {@code from} and {@code end}. */
    private RawPreview.Found inChildren(long from, long end, String type) throws IOException {
        long at = from;
        while (at + 8 <= end && boxesSeen++ < MAX_BOXES) {
            Box box = boxAt(at, end);
            if (box == null) {
                return null;
            }
            if (box.type().equals(type)) {
                // THMB: version, flags, width, height, then the length; PRVW: 4 bytes, 1, width,
                // height, 1, then the length. Both JPEGs start at byte 24.
                ByteBuffer header = PreviewJpeg.bytesAt(channel, size, box.start(), 24);
                if (header == null || box.end() - box.start() < 24) {
                    return null;
                }
                long length = Integer.toUnsignedLong(header.getInt(type.equals("THMB") ? 16 : 20));
                if (box.start() + 24 + length > box.end()) {
                    return null;
                }
                return PreviewJpeg.at(channel, size, box.start() + 24, length);
            }
            at = box.end();
        }
        return null;
    }

    private static RawPreview.Found larger(RawPreview.Found a, RawPreview.Found b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return (long) b.width() * b.height() > (long) a.width() * a.height() ? b : a;
    }

    /** The box at {@code at}, or null when its size does not fit inside {@code parentEnd}. */
    private Box boxAt(long at, long parentEnd) throws IOException {
        ByteBuffer header = PreviewJpeg.bytesAt(channel, size, at, 16);
        if (header == null) {
            header = PreviewJpeg.bytesAt(channel, size, at, 8);
            if (header == null) {
                return null;
            }
        }
        long boxSize = Integer.toUnsignedLong(header.getInt(0));
        int headerLength = 8;
        if (boxSize == 1) {
            if (header.capacity() < 16) {
                return null;
            }
            boxSize = header.getLong(8);
            headerLength = 16;
        } else if (boxSize == 0) {
            boxSize = parentEnd - at; // to the end of its parent
        }
        if (boxSize < headerLength || boxSize > parentEnd - at) {
            return null;
        }
        byte[] type = new byte[4];
        header.get(4, type);
        long[] uuid = null;
        String name = new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (name.equals("uuid")) {
            ByteBuffer id = PreviewJpeg.bytesAt(channel, size, at + headerLength, 16);
            if (id == null || boxSize < headerLength + 16) {
                return null;
            }
            uuid = new long[] {id.getLong(0), id.getLong(8)};
        }
        return new Box(at, headerLength, at + boxSize, name, uuid);
    }

    private record Box(long start, int headerLength, long end, String type, long[] uuid) {
        long body() {
            return start + headerLength;
        }

        boolean isUuid(long[] wanted) {
            return uuid != null && uuid[0] == wanted[0] && uuid[1] == wanted[1];
        }
    }
}
