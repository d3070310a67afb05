package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The location in a HEIF or AVIF still: the {@code Exif} item (its GPS IFD emptied) and the XMP
 * item ({@code mime} "application/rdf+xml", its location properties blanked), found by their
 * {@code infe} entries in {@code iinf} and their extents in {@code iloc} (in the file, or in the
 * {@code meta} box's {@code idat}). A HEIF file may also carry a movie ({@code moov}), walked as
 * MP4 metadata.
 */
final class HeifLocation {
    private static final int MAX_ITEMS = 10_000;

    private HeifLocation() {}

    private enum ItemKind {
        EXIF,
        XMP
    }

    private record Extent(long offset, long length) {}

    static void redact(FileBytes file, PatchList patches) throws IOException {
        for (Box box : Box.children(file, 0, file.size())) {
            if (box.type().equals("meta")) {
                meta(file, patches, box);
            }
        }
        MovieLocation.redact(file, patches);
    }

    private static void meta(FileBytes file, PatchList patches, Box meta) throws IOException {
        Map<Long, ItemKind> items = new HashMap<>();
        Map<Long, List<Extent>> extents = new HashMap<>();
        Box idat = null;
        List<Box> children = Box.children(file, meta.payload() + 4, meta.end());
        for (Box box : children) {
            switch (box.type()) {
                case "iinf" -> items.putAll(items(file, box));
                case "idat" -> idat = box;
                default -> {}
            }
        }
        for (Box box : children) {
            if (box.type().equals("iloc")) {
                extents.putAll(locations(file, box, idat));
            }
        }
        for (Map.Entry<Long, ItemKind> item : items.entrySet()) {
            for (Extent extent : extents.getOrDefault(item.getKey(), List.of())) {
                long end = Math.min(file.size(), extent.offset() + extent.length());
                if (item.getValue() == ItemKind.XMP) {
                    XmpLocation.redact(file.read(extent.offset(), end - extent.offset()), extent.offset(), patches);
                } else {
                    exif(file, patches, extent.offset(), end);
                }
            }
        }
    }

    /**
     * An Exif item: a 4-byte offset to the TIFF header, then (mostly "Exif\0\0" and) the TIFF. An
     * offset that leads to no TIFF header is not trusted: the header is looked for in the first
     * bytes.
     */
    private static void exif(FileBytes file, PatchList patches, long start, long end) throws IOException {
        byte[] head = file.read(start, 64);
        if (head.length < 4) {
            return;
        }
        long skip = Integer.toUnsignedLong(FileBytes.big(head).getInt(0));
        if (start + 4 + skip < end && TiffLocation.redact(file, patches, start + 4 + skip, end)) {
            return;
        }
        for (int at = 4; at + 4 <= head.length; at++) {
            boolean little = head[at] == 'I' && head[at + 1] == 'I' && head[at + 2] == 42 && head[at + 3] == 0;
            boolean big = head[at] == 'M' && head[at + 1] == 'M' && head[at + 2] == 0 && head[at + 3] == 42;
            if ((little || big) && TiffLocation.redact(file, patches, start + at, end)) {
                return;
            }
        }
    }

    /** The Exif and XMP items of an {@code iinf} box, by item id. */
    private static Map<Long, ItemKind> items(FileBytes file, Box iinf) throws IOException {
        Map<Long, ItemKind> found = new HashMap<>();
        byte[] head = file.read(iinf.payload(), 8);
        if (head.length < 6) {
            return found;
        }
        long entries = iinf.payload() + (head[0] == 0 ? 6 : 8);
        for (Box infe : Box.children(file, entries, iinf.end())) {
            if (!infe.type().equals("infe") || found.size() > MAX_ITEMS) {
                continue;
            }
            byte[] entry = file.read(infe.payload(), Math.min(infe.payloadLength(), 512));
            if (entry.length < 4 || entry[0] < 2) {
                continue;
            }
            ByteBuffer bytes = FileBytes.big(entry);
            int at = 4;
            long id;
            if (entry[0] == 2) {
                if (entry.length < at + 8) {
                    continue;
                }
                id = Short.toUnsignedInt(bytes.getShort(at));
                at += 2;
            } else {
                if (entry.length < at + 10) {
                    continue;
                }
                id = Integer.toUnsignedLong(bytes.getInt(at));
                at += 4;
            }
            at += 2; // protection index
            String type = Box.typeOf(entry, at);
            at += 4;
            if (type.equals("Exif")) {
                found.put(id, ItemKind.EXIF);
            } else if (type.equals("mime")) {
                int nameEnd = zero(entry, at);
                int contentEnd = nameEnd < 0 ? -1 : zero(entry, nameEnd + 1);
                if (contentEnd > 0) {
                    String contentType =
                            new String(entry, nameEnd + 1, contentEnd - nameEnd - 1, StandardCharsets.ISO_8859_1);
                    if (contentType.equals("application/rdf+xml")) {
                        found.put(id, ItemKind.XMP);
                    }
                }
            }
        }
        return found;
    }

    /** The extents of every item of an {@code iloc} box, as file offsets. */
    private static Map<Long, List<Extent>> locations(FileBytes file, Box iloc, Box idat) throws IOException {
        Map<Long, List<Extent>> found = new HashMap<>();
        ByteBuffer bytes = FileBytes.big(file.read(iloc.payload(), iloc.payloadLength()));
        try {
            int version = bytes.get() & 0xFF;
            bytes.position(4);
            int sizes = bytes.get() & 0xFF;
            int offsetSize = sizes >> 4;
            int lengthSize = sizes & 0x0F;
            int more = bytes.get() & 0xFF;
            int baseOffsetSize = more >> 4;
            int indexSize = (version == 1 || version == 2) ? more & 0x0F : 0;
            long count = version < 2 ? Short.toUnsignedInt(bytes.getShort()) : Integer.toUnsignedLong(bytes.getInt());
            for (long i = 0; i < Math.min(count, MAX_ITEMS); i++) {
                long id = version < 2 ? Short.toUnsignedInt(bytes.getShort()) : Integer.toUnsignedLong(bytes.getInt());
                int construction = (version == 1 || version == 2) ? bytes.getShort() & 0x0F : 0;
                bytes.getShort(); // data reference index
                long base = read(bytes, baseOffsetSize);
                int extentCount = Short.toUnsignedInt(bytes.getShort());
                List<Extent> extents = new ArrayList<>();
                for (int e = 0; e < extentCount; e++) {
                    read(bytes, indexSize);
                    long offset = base + read(bytes, offsetSize);
                    long length = read(bytes, lengthSize);
                    if (construction == 0) {
                        extents.add(new Extent(offset, length == 0 ? file.size() - offset : length));
                    } else if (construction == 1 && idat != null) {
                        long start = idat.payload() + offset;
                        extents.add(new Extent(
                                start, Math.min(length == 0 ? idat.end() - start : length, idat.end() - start)));
                    }
                }
                found.put(id, extents);
            }
        } catch (java.nio.BufferUnderflowException e) {
            // A truncated iloc: the items read so far are kept.
        }
        return found;
    }

    private static long read(ByteBuffer bytes, int size) {
        return switch (size) {
            case 4 -> Integer.toUnsignedLong(bytes.getInt());
            case 8 -> bytes.getLong();
            default -> 0;
        };
    }

    private static int zero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
