package dev.camroll.core.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the MP4 inside a Motion Photo, the byte range that plays as the photo's video:
 *
 * <ul>
 *   <li>Google's Motion Photo format 1.0: XMP {@code Container:Directory} lists the file's items
 *       in order, each appended after the primary image; the item of semantic {@code MotionPhoto}
 *       has the video's {@code Item:Length}, and the items after it theirs, so the video starts
 *       that many bytes before the end. In a HEIC the video sits in an {@code mpvd} box, whose
 *       8-byte header is stepped over.
 *   <li>Google's older Micro Video: XMP {@code GCamera:MicroVideoOffset}, the video's distance from
 *       the end of the file, where it ends.
 *   <li>Samsung's trailer: the data of the {@code MotionPhoto_Data} block (see {@link
 *       SamsungTrailer}).
 * </ul>
 *
 * Lenient: a range is given only when it lies inside the file and starts with an MP4 {@code ftyp}
 * box, so a file whose metadata lies gets no video rather than a wrong one.
 */
public final class MotionPhotoVideo {
    /** A range of the file: where the video starts, and its length. */
    public record Range(long offset, long length) {}

    private static final Pattern ITEM = Pattern.compile("Container:Directory\\[(\\d+)]/Container:Item/Item:(\\w+)");

    private MotionPhotoVideo() {}

    /** The video's range in the file; empty when the file has none that can be found and checked. */
    public static Optional<Range> locate(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            Map<String, String> xmp = xmpProperties(channel);
            Range found = fromContainer(xmp, size);
            if (found == null) {
                found = fromMicroVideo(xmp, size);
            }
            if (found == null) {
                long[] samsung = SamsungTrailer.motionPhotoData(channel);
                found = samsung == null ? null : new Range(samsung[0], samsung[1]);
            }
            return Optional.ofNullable(checked(channel, found, size));
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> xmpProperties(FileChannel channel) throws Exception {
        channel.position(0);
        InputStream in = Channels.newInputStream(channel);
        Metadata metadata = ImageMetadataReader.readMetadata(in);
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        return xmp == null ? Map.of() : xmp.getXmpProperties();
    }

    private static Range fromContainer(Map<String, String> xmp, long size) {
        Map<Integer, String> semantics = new TreeMap<>();
        Map<Integer, Long> lengths = new TreeMap<>();
        for (Map.Entry<String, String> property : xmp.entrySet()) {
            Matcher item = ITEM.matcher(property.getKey());
            if (item.find() && property.getValue() != null) {
                int index = Integer.parseInt(item.group(1));
                switch (item.group(2)) {
                    case "Semantic" -> semantics.put(index, property.getValue().trim());
                    case "Length" -> lengths.put(index, parseLength(property.getValue()));
                    default -> {}
                }
            }
        }
        Integer video = semantics.entrySet().stream()
                .filter(entry -> entry.getValue().equals("MotionPhoto"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        if (video == null || lengths.getOrDefault(video, -1L) <= 0) {
            return null;
        }
        long fromEnd = 0;
        for (Map.Entry<Integer, Long> length : lengths.entrySet()) {
            if (length.getKey() >= video) {
                if (length.getValue() < 0) {
                    return null;
                }
                fromEnd += length.getValue();
            }
        }
        return new Range(size - fromEnd, lengths.get(video));
    }

    private static Range fromMicroVideo(Map<String, String> xmp, long size) {
        for (Map.Entry<String, String> property : xmp.entrySet()) {
            if (property.getKey().equals("GCamera:MicroVideoOffset")) {
                long fromEnd = parseLength(property.getValue());
                return fromEnd > 0 ? new Range(size - fromEnd, fromEnd) : null;
            }
        }
        return null;
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The range when it lies in the file and holds an MP4 (in a HEIC, inside its mpvd box). */
    private static Range checked(FileChannel channel, Range range, long size) throws java.io.IOException {
        if (range == null || range.offset() < 0 || range.length() < 8 || range.offset() + range.length() > size) {
            return null;
        }
        String type = boxType(channel, range.offset());
        if (type.equals("mpvd")) {
            range = new Range(range.offset() + 8, range.length() - 8);
            type = range.length() < 8 ? "" : boxType(channel, range.offset());
        }
        return type.equals("ftyp") ? range : null;
    }

    private static String boxType(FileChannel channel, long offset) throws java.io.IOException {
        ByteBuffer header = ByteBuffer.allocate(8);
        while (header.hasRemaining()) {
            if (channel.read(header, offset + header.position()) < 0) {
                return "";
            }
        }
        return new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
    }
}
