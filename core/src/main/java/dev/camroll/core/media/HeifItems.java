package dev.camroll.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items of a HEIF file (HEIC, HEIF, AVIF) that FFmpeg's demuxer does not give: the
 * thumbnail of the primary picture (an item of reference type {@code thmb}; an iPhone stores one
 * of 320 x 240 beside its 48-tile grid) and its alpha plane (an auxiliary item, reference {@code
 * auxl}, whose {@code auxC} names alpha), and its EXIF. Read from the {@code meta} box by {@link
 * HeifMetaBox}, as ISO/IEC 23008-12 lays
 * it out: {@code pitm}, {@code iinf}, {@code iloc}, {@code iref}, and the properties of {@code
 * ipco} each item is given by {@code ipma} (its coding configuration, {@code ispe} size, {@code
 * irot}, {@code imir}, {@code colr} profile, {@code auxC} type).
 *
 * <p>Bounded: the {@code meta} box is read only up to 4 MiB, at most 10,000 items and 100,000
 * property associations are kept, and an item's data is read only when its extents lie within the
 * file and total at most 64 MiB. Anything out of shape makes the file have no such items: the
 * caller then decodes the primary picture as FFmpeg gives it.
 */
final class HeifItems {

    static final int MAX_META_BYTES = 4 << 20;
    static final int MAX_ITEMS = 10_000;
    static final long MAX_ITEM_BYTES = 64L << 20;

    /** The auxiliary types of an alpha plane: HEVC's and MPEG-B's (AVIF's). */
    private static final List<String> ALPHA_TYPES =
            List.of("urn:mpeg:hevc:2015:auxid:1", "urn:mpeg:mpegB:cicp:systems:auxiliary:alpha");

    /** Where an item's bytes are: in the file, or in the {@code meta} box's {@code idat}. */
    record Extent(long offset, long length) {}

    /**
     * One coded item with the properties the decoders need.
     *
     * @param type the item type ({@code hvc1}, {@code av01}, {@code grid}, {@code Exif}, ...)
     * @param configuration the payload of its {@code hvcC} or {@code av1C}, or null
     * @param rotation its {@code irot}, in quarter turns anticlockwise
     * @param mirror its {@code imir} axis (0 vertical, 1 horizontal), or -1
     * @param iccProfile its {@code colr} ICC profile, or null
     * @param auxiliaryType its {@code auxC} type, or null
     */
    record Item(
            long id,
            String type,
            List<Extent> extents,
            byte[] configuration,
            int width,
            int height,
            int rotation,
            int mirror,
            byte[] iccProfile,
            String auxiliaryType) {

        /** Whether it is one coded picture of a codec the bundled FFmpeg decodes. */
        boolean codedPicture() {
            return (type.equals("hvc1") || type.equals("av01")) && configuration != null && width > 0 && height > 0;
        }

        /** The EXIF orientation (1 to 8) its {@code irot} and {@code imir} amount to. */
        int orientation() {
            // irot turns anticlockwise; EXIF names the turn that shows the stored picture upright.
            int turned =
                    switch (rotation & 3) {
                        case 1 -> 8;
                        case 2 -> 3;
                        case 3 -> 6;
                        default -> 1;
                    };
            if (mirror < 0) {
                return turned;
            }
            // A mirror applied after the turn; axis 0 exchanges top and bottom, axis 1 left and
            // right (ISO/IEC 23008-12:2022, as HeifDisplayMatrix reads FFmpeg's matrix).
            return switch (turned) {
                case 8 -> mirror == 0 ? 5 : 7;
                case 3 -> mirror == 0 ? 2 : 4;
                case 6 -> mirror == 0 ? 7 : 5;
                default -> mirror == 0 ? 4 : 2;
            };
        }
    }

    /** An {@code iref} entry: from one item to others. */
    record Reference(String type, long from, List<Long> to) {}

    private final long primary;
    private final Map<Long, Item> items;
    private final List<Reference> references;
    private final long idatOffset;
    private final long idatLength;

    HeifItems(long primary, Map<Long, Item> items, List<Reference> references, long idatOffset, long idatLength) {
        this.primary = primary;
        this.items = items;
        this.references = references;
        this.idatOffset = idatOffset;
        this.idatLength = idatLength;
    }

    /** The items of {@code file}; empty when it has no readable {@code meta} box. */
    static Optional<HeifItems> read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return HeifMetaBox.read(channel);
        } catch (IOException | RuntimeException e) {
            // A damaged box is a file without these items: FFmpeg's own reading still applies.
            return Optional.empty();
        }
    }

    /** The primary item, when the file names one that it describes. */
    Optional<Item> primary() {
        return Optional.ofNullable(items.get(primary));
    }

    /**
     * The smallest thumbnail of the primary picture whose long edge is at least {@code longEdge}
     * and whose shape is the primary's (within a pixel of its size scaled down), coded as one
     * picture: what a small thumbnail can be made from without decoding the whole picture.
     */
    Optional<Item> thumbnail(int longEdge) {
        Item main = items.get(primary);
        if (main == null || main.width() <= 0 || main.height() <= 0) {
            return Optional.empty();
        }
        return references.stream()
                .filter(r -> r.type.equals("thmb") && r.to.contains(primary))
                .map(r -> items.get(r.from))
                .filter(t -> t != null && t.codedPicture() && Math.max(t.width(), t.height()) >= longEdge)
                .filter(t -> sameShape(t, main))
                .min(Comparator.comparingLong(t -> (long) t.width() * t.height()));
    }

    private static boolean sameShape(Item thumbnail, Item main) {
        double scaled = thumbnail.width() * (double) main.height() / main.width();
        return Math.abs(scaled - thumbnail.height()) <= 1.0
                && thumbnail.rotation() == main.rotation()
                && thumbnail.mirror() == main.mirror();
    }

    /** The alpha plane of the primary picture, when it is one coded picture. */
    Optional<Item> alpha() {
        return references.stream()
                .filter(r -> r.type.equals("auxl") && r.to.contains(primary))
                .map(r -> items.get(r.from))
                .filter(a -> a != null && a.codedPicture() && ALPHA_TYPES.contains(a.auxiliaryType()))
                .findFirst();
    }

    /**
     * The EXIF item describing the primary picture ({@code cdsc}), else the file's only EXIF item:
     * its data is a 4-byte offset, then the TIFF structure from that offset on.
     */
    Optional<Item> exif() {
        Optional<Item> described = references.stream()
                .filter(r -> r.type.equals("cdsc") && r.to.contains(primary))
                .map(r -> items.get(r.from))
                .filter(e -> e != null && e.type().equals("Exif"))
                .findFirst();
        if (described.isPresent()) {
            return described;
        }
        List<Item> all =
                items.values().stream().filter(e -> e.type().equals("Exif")).toList();
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** Whether the primary picture's colours are premultiplied by the alpha ({@code prem}). */
    boolean premultiplied() {
        return references.stream().anyMatch(r -> r.type.equals("prem") && r.from == primary);
    }

    /**
     * Whether a grid item's own output size (its ImageGrid: version, flags, rows - 1, columns - 1,
     * then a 16-bit or, with flag 1, a 32-bit width and height) is its {@code ispe}: a grid that
     * claims another size is left to the whole decoder, which refuses or crops it.
     */
    boolean gridAgreesWithItsSize(Path file, Item grid) {
        try {
            ByteBuffer data = ByteBuffer.wrap(data(file, grid));
            boolean wide = (data.get(1) & 1) != 0;
            long width = wide ? Integer.toUnsignedLong(data.getInt(4)) : Short.toUnsignedInt(data.getShort(4));
            long height = wide ? Integer.toUnsignedLong(data.getInt(8)) : Short.toUnsignedInt(data.getShort(6));
            return width == grid.width() && height == grid.height();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The bytes of an item's extents, one after the other. */
    byte[] data(Path file, Item item) throws IOException {
        long total = 0;
        for (Extent extent : item.extents()) {
            total += extent.length();
        }
        if (item.extents().isEmpty() || total <= 0 || total > MAX_ITEM_BYTES) {
            throw new IOException("item " + item.id() + " has no data of a usable size");
        }
        byte[] bytes = new byte[(int) total];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int at = 0;
            for (Extent extent : item.extents()) {
                long offset = extent.offset();
                if (offset < 0) {
                    long inIdat = -1 - offset;
                    if (idatOffset < 0 || inIdat + extent.length() > idatLength) {
                        throw new IOException("item " + item.id() + " lies outside the idat");
                    }
                    offset = idatOffset + inIdat;
                }
                if (offset + extent.length() > channel.size()) {
                    throw new IOException("item " + item.id() + " lies past the end of the file");
                }
                ByteBuffer into = ByteBuffer.wrap(bytes, at, (int) extent.length());
                while (into.hasRemaining()) {
                    if (channel.read(into, offset + (into.position() - at)) < 0) {
                        throw new IOException("item " + item.id() + " is cut short");
                    }
                }
                at += (int) extent.length();
            }
        }
        return bytes;
    }
}
