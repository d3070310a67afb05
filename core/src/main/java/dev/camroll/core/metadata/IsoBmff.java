package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The little of ISO base media files (MP4, HEIF, AVIF, CR3) that Camroll reads itself. */
final class IsoBmff {

    /** The largest 'meta' box we read into memory; HEIF keeps only item tables there. */
    private static final int MAX_META_BYTES = 4 << 20;

    private static final int MAX_TOP_LEVEL_BOXES = 64;

    private IsoBmff() {}

    /** The format a file starting with an 'ftyp' box declares through its brands. */
    static MediaFormat formatOfFtyp(byte[] header, int length) {
        ContentSniffer.Bytes b = new ContentSniffer.Bytes(header, length);
        long boxSize = b.u32be(0);
        int end = (int) Math.min(length, boxSize < 16 ? 16 : Math.min(boxSize, Integer.MAX_VALUE));
        String major = brand(header, length, 8);
        Set<String> brands = new HashSet<>();
        brands.add(major);
        for (int at = 16; at + 4 <= end; at += 4) {
            brands.add(brand(header, length, at));
        }
        switch (major) {
            case "avif", "avis" -> {
                return MediaFormat.AVIF;
            }
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs" -> {
                return MediaFormat.HEIC;
            }
            case "crx " -> {
                return MediaFormat.CR3;
            }
            case "mif1", "msf1", "miaf" -> {
                return brands.contains("avif") || brands.contains("avis") ? MediaFormat.AVIF : MediaFormat.HEIC;
            }
            case "qt  " -> {
                return MediaFormat.MOV;
            }
            default -> {}
        }
        if (major.startsWith("M4A") || major.startsWith("M4B") || major.startsWith("M4P")) {
            return MediaFormat.M4A;
        }
        if (major.startsWith("M4V")) {
            return MediaFormat.M4V;
        }
        if (major.startsWith("3g")) {
            return MediaFormat.THREE_GP;
        }
        if (brands.contains("avif")) {
            return MediaFormat.AVIF;
        }
        if (brands.contains("heic") || brands.contains("heix") || brands.contains("mif1")) {
            return MediaFormat.HEIC;
        }
        return MediaFormat.MP4;
    }

    private static String brand(byte[] header, int length, int at) {
        if (at + 4 > length) {
            return "";
        }
        return new String(header, at, 4, StandardCharsets.ISO_8859_1);
    }

    /**
     * The primary image of a HEIF/AVIF file as stored (before rotation).
     *
     * @param rotation counter-clockwise degrees from the 'irot' property: 0, 90, 180 or 270
     */
    record HeifImage(int width, int height, int rotation) {}

    /**
     * Reads the primary item's 'ispe' and 'irot' properties; null when the file has none.
     *
     * @param warn told of a box that declares more bytes than the file holds
     */
    static HeifImage readHeifImage(Path file, Consumer<String> warn) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer meta = findTopLevelBox(channel, "meta", warn);
            return meta == null ? null : primaryImage(meta);
        }
    }

    private static ByteBuffer findTopLevelBox(FileChannel channel, String wanted, Consumer<String> warn)
            throws IOException {
        long size = channel.size();
        long position = 0;
        ByteBuffer head = ByteBuffer.allocate(16);
        for (int count = 0; count < MAX_TOP_LEVEL_BOXES && position + 8 <= size; count++) {
            head.clear();
            channel.read(head, position);
            head.flip();
            if (head.remaining() < 8) {
                return null;
            }
            long boxSize = head.getInt(0) & 0xFFFFFFFFL;
            String type = fourCc(head, 4);
            int headerLength = 8;
            if (boxSize == 1) {
                if (head.remaining() < 16) {
                    return null;
                }
                boxSize = head.getLong(8);
                headerLength = 16;
            } else if (boxSize == 0) {
                boxSize = size - position;
            }
            if (boxSize < headerLength) {
                return null;
            }
            if (boxSize > size - position) {
                // Only what the file holds is read; nothing is allocated for the rest.
                warn.accept("box '" + printable(type) + "' declares " + Long.toUnsignedString(boxSize)
                        + " bytes, more than the file holds");
            }
            if (type.equals(wanted)) {
                long contentLength = Math.min(boxSize - headerLength, size - position - headerLength);
                if (contentLength > MAX_META_BYTES) {
                    return null;
                }
                ByteBuffer content = ByteBuffer.allocate((int) contentLength);
                long at = position + headerLength;
                while (content.hasRemaining()) {
                    int read = channel.read(content, at + content.position());
                    if (read < 0) {
                        break;
                    }
                }
                content.flip();
                return content;
            }
            position += boxSize;
        }
        return null;
    }

    private static HeifImage primaryImage(ByteBuffer meta) {
        // 'meta' is a full box: version and flags, then child boxes.
        if (meta.remaining() < 4) {
            return null;
        }
        List<Box> children = children(meta, 4, meta.limit());
        long primaryId = -1;
        Box iprp = null;
        for (Box box : children) {
            if (box.type.equals("pitm") && box.length() >= 6) {
                int version = meta.get(box.start) & 0xFF;
                primaryId =
                        version == 0 ? meta.getShort(box.start + 4) & 0xFFFF : meta.getInt(box.start + 4) & 0xFFFFFFFFL;
            } else if (box.type.equals("iprp")) {
                iprp = box;
            }
        }
        if (iprp == null) {
            return null;
        }
        List<Box> properties = List.of();
        Box ipma = null;
        for (Box box : children(meta, iprp.start, iprp.end)) {
            if (box.type.equals("ipco") && properties.isEmpty()) {
                properties = children(meta, box.start, box.end);
            } else if (box.type.equals("ipma") && ipma == null) {
                ipma = box;
            }
        }
        List<Integer> associated = ipma == null || primaryId < 0 ? null : associations(meta, ipma, primaryId);
        int width = 0;
        int height = 0;
        int rotation = 0;
        if (associated != null) {
            for (int index : associated) {
                if (index < 1 || index > properties.size()) {
                    continue;
                }
                Box property = properties.get(index - 1);
                if (property.type.equals("ispe") && property.length() >= 12) {
                    width = meta.getInt(property.start + 4);
                    height = meta.getInt(property.start + 8);
                } else if (property.type.equals("irot") && property.length() >= 1) {
                    rotation = (meta.get(property.start) & 3) * 90;
                }
            }
        } else {
            // No usable association table: take the largest extent declared.
            long bestArea = 0;
            for (Box property : properties) {
                if (property.type.equals("ispe") && property.length() >= 12) {
                    int w = meta.getInt(property.start + 4);
                    int h = meta.getInt(property.start + 8);
                    if ((long) w * h > bestArea) {
                        bestArea = (long) w * h;
                        width = w;
                        height = h;
                    }
                }
            }
        }
        if (width <= 0 || height <= 0) {
            return null;
        }
        return new HeifImage(width, height, rotation);
    }

    /** The 1-based property indexes associated with one item. */
    private static List<Integer> associations(ByteBuffer meta, Box ipma, long itemId) {
        int at = ipma.start;
        if (ipma.length() < 8) {
            return null;
        }
        int version = meta.get(at) & 0xFF;
        int flags = meta.getInt(at) & 0xFFFFFF;
        long entryCount = meta.getInt(at + 4) & 0xFFFFFFFFL;
        at += 8;
        for (long entry = 0; entry < entryCount; entry++) {
            int idLength = version < 1 ? 2 : 4;
            if (at + idLength + 1 > ipma.end) {
                return null;
            }
            long id = version < 1 ? meta.getShort(at) & 0xFFFF : meta.getInt(at) & 0xFFFFFFFFL;
            at += idLength;
            int count = meta.get(at) & 0xFF;
            at += 1;
            int entryLength = (flags & 1) != 0 ? 2 : 1;
            if (at + count * entryLength > ipma.end) {
                return null;
            }
            if (id == itemId) {
                List<Integer> indexes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int index = entryLength == 2 ? meta.getShort(at + 2 * i) & 0x7FFF : meta.get(at + i) & 0x7F;
                    indexes.add(index);
                }
                return indexes;
            }
            at += count * entryLength;
        }
        return null;
    }

    /** A box inside a buffer: its type and the range of its content. */
    /** Canon's uuid box inside a CR3's {@code moov}, which holds its TIFF boxes and thumbnail. */
    private static final byte[] CANON_UUID = java.util.HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");

    /** A CR3 metadata box: {@code CMT1} (IFD0), {@code CMT2} (EXIF), {@code CMT3} (maker notes), {@code CMT4} (GPS). */
    record CanonTiff(String type, byte[] tiff) {}

    /**
     * The TIFF boxes of a CR3 (Laurent Clévy's "Canon CR3 format"): each a whole little TIFF, in
     * the Canon uuid box of the {@code moov}, which is read only when under 4 MiB.
     */
    static List<CanonTiff> canonTiffBoxes(Path file, Consumer<String> warn) throws IOException {
        List<CanonTiff> found = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer moov = findTopLevelBox(channel, "moov", warn);
            if (moov == null) {
                return found;
            }
            for (Box box : children(moov, 0, moov.limit())) {
                if (!box.type().equals("uuid") || box.length() < 16 || !isCanonUuid(moov, box.start())) {
                    continue;
                }
                for (Box child : children(moov, box.start() + 16, box.end())) {
                    if (child.type().startsWith("CMT")) {
                        byte[] tiff = new byte[child.length()];
                        moov.get(child.start(), tiff);
                        found.add(new CanonTiff(child.type(), tiff));
                    }
                }
            }
        }
        return found;
    }

    private static boolean isCanonUuid(ByteBuffer buffer, int at) {
        for (int i = 0; i < CANON_UUID.length; i++) {
            if (buffer.get(at + i) != CANON_UUID[i]) {
                return false;
            }
        }
        return true;
    }

    private record Box(String type, int start, int end) {
        int length() {
            return end - start;
        }
    }

    private static List<Box> children(ByteBuffer buffer, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at + 8 <= to && boxes.size() < 4096) {
            long size = buffer.getInt(at) & 0xFFFFFFFFL;
            String type = fourCc(buffer, at + 4);
            int headerLength = 8;
            if (size == 1) {
                if (at + 16 > to) {
                    break;
                }
                size = buffer.getLong(at + 8);
                headerLength = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerLength || size > to - at) {
                break;
            }
            boxes.add(new Box(type, at + headerLength, (int) (at + size)));
            at += (int) size;
        }
        return boxes;
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "?";
    }

    private static String fourCc(ByteBuffer buffer, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (buffer.get(at + i) & 0xFF);
        }
        return new String(chars);
    }
}
