package dev.camroll.core.media;

import dev.camroll.core.media.HeifItems.Extent;
import dev.camroll.core.media.HeifItems.Item;
import dev.camroll.core.media.HeifItems.Reference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code meta} box of a HEIF file into {@link HeifItems}, as ISO/IEC 23008-12 lays it
 * out: {@code pitm}, {@code iinf} (item types, {@code infe} version 2 and 3), {@code iloc}
 * (versions 0 to 2; data in the file or in the box's {@code idat}), {@code iref} (16- and 32-bit
 * ids), and the {@code ipco} properties {@code ipma} gives each item. Bounded: the box is read only
 * up to 4 MiB, and at most 10,000 items, references and boxes and 100,000 associations are kept;
 * a box that runs past its parent makes the whole box unreadable.
 */
final class HeifMetaBox {

    private static final int MAX_TOP_LEVEL_BOXES = 64;
    private static final int MAX_ASSOCIATIONS = 100_000;
    private static final int MAX_META_BYTES = HeifItems.MAX_META_BYTES;
    private static final int MAX_ITEMS = HeifItems.MAX_ITEMS;

    private HeifMetaBox() {}

    static Optional<HeifItems> read(FileChannel channel) throws IOException {
        long size = channel.size();
        long at = 0;
        for (int count = 0; count < MAX_TOP_LEVEL_BOXES && at + 8 <= size; count++) {
            ByteBuffer header = ByteBuffer.allocate(16);
            channel.read(header, at);
            header.flip();
            if (header.remaining() < 8) {
                return Optional.empty();
            }
            long length = Integer.toUnsignedLong(header.getInt(0));
            String type = fourCc(header, 4);
            int headerLength = 8;
            if (length == 1 && header.remaining() >= 16) {
                length = header.getLong(8);
                headerLength = 16;
            } else if (length == 0) {
                length = size - at;
            }
            if (length < headerLength || at + length > size) {
                return Optional.empty();
            }
            if (type.equals("meta")) {
                if (length > MAX_META_BYTES) {
                    return Optional.empty();
                }
                ByteBuffer meta = ByteBuffer.allocate((int) length);
                while (meta.hasRemaining() && channel.read(meta, at + meta.position()) >= 0) {
                    // read it whole
                }
                meta.flip();
                return Optional.of(parse(meta, at, headerLength + 4));
            }
            at += length;
        }
        return Optional.empty();
    }

    private static HeifItems parse(ByteBuffer meta, long metaOffset, int firstChild) {
        long primary = -1;
        Map<Long, String> types = new HashMap<>();
        Map<Long, List<Extent>> extents = new HashMap<>();
        Map<Long, Integer> methods = new HashMap<>();
        List<Reference> references = new ArrayList<>();
        List<Box> properties = List.of();
        Map<Long, List<Integer>> associations = new HashMap<>();
        long idatOffset = -1;
        long idatLength = 0;
        for (Box box : Box.children(meta, firstChild, meta.limit())) {
            switch (box.type) {
                case "pitm" ->
                    primary = meta.get(box.payload) == 0
                            ? Short.toUnsignedInt(meta.getShort(box.payload + 4))
                            : Integer.toUnsignedLong(meta.getInt(box.payload + 4));
                case "iinf" -> readItemInfo(meta, box, types);
                case "iloc" -> readLocations(meta, box, extents, methods);
                case "iref" -> readReferences(meta, box, references);
                case "iprp" -> {
                    for (Box child : Box.children(meta, box.payload, box.end)) {
                        if (child.type.equals("ipco")) {
                            properties = Box.children(meta, child.payload, child.end);
                        } else if (child.type.equals("ipma")) {
                            readAssociations(meta, child, associations);
                        }
                    }
                }
                case "idat" -> {
                    idatOffset = metaOffset + box.payload;
                    idatLength = box.end - box.payload;
                }
                default -> {}
            }
        }
        Map<Long, Item> items = new HashMap<>();
        for (Map.Entry<Long, String> entry : types.entrySet()) {
            long id = entry.getKey();
            int method = methods.getOrDefault(id, 0);
            if (method > 1) {
                continue; // data by reference to other items: no coded picture is stored so
            }
            List<Extent> located = extents.getOrDefault(id, List.of());
            items.put(
                    id,
                    item(
                            meta,
                            id,
                            entry.getValue(),
                            method == 1 ? idat(located) : located,
                            properties,
                            associations.getOrDefault(id, List.of())));
        }
        return new HeifItems(primary, items, references, idatOffset, idatLength);
    }

    /** Extents in the idat are marked by a negative offset: -1 - their offset in it. */
    private static List<Extent> idat(List<Extent> extents) {
        return extents.stream()
                .map(e -> new Extent(-1 - e.offset(), e.length()))
                .toList();
    }

    private static Item item(
            ByteBuffer meta, long id, String type, List<Extent> extents, List<Box> properties, List<Integer> indexes) {
        byte[] configuration = null;
        int width = 0;
        int height = 0;
        int rotation = 0;
        int mirror = -1;
        byte[] icc = null;
        String auxiliary = null;
        for (int index : indexes) {
            if (index < 1 || index > properties.size()) {
                continue;
            }
            Box property = properties.get(index - 1);
            switch (property.type) {
                case "hvcC", "av1C" -> configuration = bytes(meta, property.payload, property.end);
                case "ispe" -> {
                    width = meta.getInt(property.payload + 4);
                    height = meta.getInt(property.payload + 8);
                }
                case "irot" -> rotation = meta.get(property.payload) & 3;
                case "imir" -> mirror = meta.get(property.payload) & 1;
                case "colr" -> {
                    String kind = fourCc(meta, property.payload);
                    if (kind.equals("prof") || kind.equals("rICC")) {
                        icc = bytes(meta, property.payload + 4, property.end);
                    }
                }
                case "auxC" -> auxiliary = cString(meta, property.payload + 4, property.end);
                default -> {}
            }
        }
        return new Item(id, type, extents, configuration, width, height, rotation, mirror, icc, auxiliary);
    }

    private static void readItemInfo(ByteBuffer meta, Box iinf, Map<Long, String> types) {
        int version = meta.get(iinf.payload);
        int first = iinf.payload + (version == 0 ? 6 : 8);
        for (Box infe : Box.children(meta, first, iinf.end)) {
            if (!infe.type.equals("infe") || types.size() >= MAX_ITEMS) {
                continue;
            }
            int infeVersion = meta.get(infe.payload);
            if (infeVersion < 2) {
                continue; // before version 2 an item has no type: no picture of HEIF's
            }
            int at = infe.payload + 4;
            long id =
                    infeVersion == 2 ? Short.toUnsignedInt(meta.getShort(at)) : Integer.toUnsignedLong(meta.getInt(at));
            at += (infeVersion == 2 ? 2 : 4) + 2;
            types.put(id, fourCc(meta, at));
        }
    }

    private static void readLocations(
            ByteBuffer meta, Box iloc, Map<Long, List<Extent>> extents, Map<Long, Integer> methods) {
        int at = iloc.payload;
        int version = meta.get(at);
        at += 4;
        int sizes = Short.toUnsignedInt(meta.getShort(at));
        at += 2;
        int offsetSize = sizes >> 12;
        int lengthSize = (sizes >> 8) & 0xf;
        int baseOffsetSize = (sizes >> 4) & 0xf;
        int indexSize = version == 1 || version == 2 ? sizes & 0xf : 0;
        long count;
        if (version < 2) {
            count = Short.toUnsignedInt(meta.getShort(at));
            at += 2;
        } else {
            count = Integer.toUnsignedLong(meta.getInt(at));
            at += 4;
        }
        for (long i = 0; i < Math.min(count, MAX_ITEMS) && at < iloc.end; i++) {
            long id;
            if (version < 2) {
                id = Short.toUnsignedInt(meta.getShort(at));
                at += 2;
            } else {
                id = Integer.toUnsignedLong(meta.getInt(at));
                at += 4;
            }
            int method = 0;
            if (version == 1 || version == 2) {
                method = meta.getShort(at) & 0xf;
                at += 2;
            }
            at += 2; // data reference index
            long base = number(meta, at, baseOffsetSize);
            at += baseOffsetSize;
            int extentCount = Short.toUnsignedInt(meta.getShort(at));
            at += 2;
            List<Extent> list = new ArrayList<>();
            for (int e = 0; e < extentCount && at < iloc.end; e++) {
                at += indexSize;
                long offset = number(meta, at, offsetSize);
                at += offsetSize;
                long length = number(meta, at, lengthSize);
                at += lengthSize;
                list.add(new Extent(base + offset, length));
            }
            extents.put(id, List.copyOf(list));
            methods.put(id, method);
        }
    }

    private static void readReferences(ByteBuffer meta, Box iref, List<Reference> references) {
        boolean wide = meta.get(iref.payload) != 0;
        for (Box reference : Box.children(meta, iref.payload + 4, iref.end)) {
            int at = reference.payload;
            long from = wide ? Integer.toUnsignedLong(meta.getInt(at)) : Short.toUnsignedInt(meta.getShort(at));
            at += wide ? 4 : 2;
            int count = Short.toUnsignedInt(meta.getShort(at));
            at += 2;
            List<Long> to = new ArrayList<>();
            for (int i = 0; i < count && at + (wide ? 4 : 2) <= reference.end; i++) {
                to.add(wide ? Integer.toUnsignedLong(meta.getInt(at)) : (long) Short.toUnsignedInt(meta.getShort(at)));
                at += wide ? 4 : 2;
            }
            if (references.size() < MAX_ITEMS) {
                references.add(new Reference(reference.type, from, List.copyOf(to)));
            }
        }
    }

    private static void readAssociations(ByteBuffer meta, Box ipma, Map<Long, List<Integer>> associations) {
        int at = ipma.payload;
        int version = meta.get(at);
        boolean wideIndex = (meta.get(at + 3) & 1) != 0;
        at += 4;
        long count = Integer.toUnsignedLong(meta.getInt(at));
        at += 4;
        int total = 0;
        for (long i = 0; i < Math.min(count, MAX_ITEMS) && at < ipma.end; i++) {
            long id;
            if (version < 1) {
                id = Short.toUnsignedInt(meta.getShort(at));
                at += 2;
            } else {
                id = Integer.toUnsignedLong(meta.getInt(at));
                at += 4;
            }
            int entries = meta.get(at++) & 0xff;
            List<Integer> indexes = new ArrayList<>(entries);
            for (int e = 0; e < entries && total++ < MAX_ASSOCIATIONS; e++) {
                if (wideIndex) {
                    indexes.add(meta.getShort(at) & 0x7fff);
                    at += 2;
                } else {
                    indexes.add(meta.get(at) & 0x7f);
                    at += 1;
                }
            }
            associations.put(id, List.copyOf(indexes));
        }
    }

    private static long number(ByteBuffer buffer, int at, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> Integer.toUnsignedLong(buffer.getInt(at));
            case 8 -> buffer.getLong(at);
            default -> throw new IllegalArgumentException("a field of " + size + " bytes");
        };
    }

    private static byte[] bytes(ByteBuffer buffer, int from, int to) {
        byte[] bytes = new byte[Math.max(0, to - from)];
        buffer.get(from, bytes);
        return bytes;
    }

    private static String cString(ByteBuffer buffer, int from, int to) {
        int end = from;
        while (end < to && buffer.get(end) != 0) {
            end++;
        }
        return new String(bytes(buffer, from, end), StandardCharsets.US_ASCII);
    }

    static String fourCc(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A box of the meta buffer: its type, where its payload starts and where it ends. */
    private record Box(String type, int payload, int end) {

        static List<Box> children(ByteBuffer buffer, int from, int to) {
            List<Box> boxes = new ArrayList<>();
            int at = from;
            while (at + 8 <= to && boxes.size() < MAX_ITEMS) {
                long length = Integer.toUnsignedLong(buffer.getInt(at));
                int header = 8;
                if (length == 1) {
                    length = buffer.getLong(at + 8);
                    header = 16;
                } else if (length == 0) {
                    length = to - at;
                }
                if (length < header || at + length > to) {
                    throw new IllegalArgumentException("a box runs past its parent");
                }
                boxes.add(new Box(fourCc(buffer, at + 4), at + header, (int) (at + length)));
                at += (int) length;
            }
            return boxes;
        }
    }
}
