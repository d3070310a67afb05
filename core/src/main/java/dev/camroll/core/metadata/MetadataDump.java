package dev.camroll.core.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import dev.camroll.api.MediaType;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every tag that can be read from a file, for an asset's full EXIF (read on demand, never during
 * a scan): directory name ("Exif IFD0", "GPS", ...) to tag name to its readable description.
 * Video and audio add a "Container" directory with the format and stream facts FFmpeg's
 * demuxer reads.
 */
public final class MetadataDump {

    /** Where the container's facts go. */
    public static final String CONTAINER = "Container";

    private MetadataDump() {}

    /** Reads all metadata; an empty map when nothing could be read. Never throws. */
    public static Map<String, Map<String, String>> readAll(Path file) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        try {
            byte[] header;
            try (InputStream in = Files.newInputStream(file)) {
                header = in.readNBytes(ContentSniffer.HEADER_BYTES);
            }
            MediaFormat format = ContentSniffer.sniff(header, header.length);
            if (format == null) {
                return all;
            }
            boolean bigTiff = BigTiff.isBigTiff(new ContentSniffer.Bytes(header, header.length));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16 * 1024)) {
                Metadata metadata;
                if (format == MediaFormat.PNG) {
                    // Only the chunks that are safe to inflate (see PngChunks).
                    metadata = PngMetadataReader.readMetadata(
                            new ByteArrayInputStream(PngChunks.metadataOnly(in, Files.size(file), warning -> {})));
                } else if (bigTiff) {
                    byte[] classic = BigTiff.firstPageAsClassicTiff(file, warning -> {});
                    metadata = classic == null
                            ? new Metadata()
                            : TiffMetadataReader.readMetadata(new ByteArrayReader(classic));
                } else {
                    metadata = ImageMetadataReader.readMetadata(in, Files.size(file));
                }
                addDirectories(metadata, all);
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                // Video and audio containers metadata-extractor does not know end here; FFmpeg's demuxer follows.
            }
            if (format.mediaType() != MediaType.PHOTO) {
                addContainer(file, all);
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Lenient: what was read so far is returned.
        }
        return all;
    }

    private static void addDirectories(Metadata metadata, Map<String, Map<String, String>> all) {
        for (Directory directory : metadata.getDirectories()) {
            if (directory.getTagCount() == 0) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag tag : directory.getTags()) {
                String description;
                try {
                    description = tag.getDescription();
                } catch (RuntimeException e) {
                    description = null;
                }
                if (description != null) {
                    tags.put(tag.getTagName(), description);
                }
            }
            if (tags.isEmpty()) {
                continue;
            }
            String name = directory.getName();
            String unique = name;
            for (int n = 2; all.containsKey(unique); n++) {
                unique = name + " (" + n + ")";
            }
            all.put(unique, Collections.unmodifiableMap(tags));
        }
    }

    private static void addContainer(Path file, Map<String, Map<String, String>> all) {
        FactsBuilder ignored = new FactsBuilder(MediaFormat.MP4);
        AvContainer read = AvReader.container(file, ignored);
        if (read == null) {
            return;
        }
        Map<String, String> container = new LinkedHashMap<>();
        putIfPresent(container, "Format", read.formatLongName());
        if (read.durationSeconds() > 0) {
            container.put("Duration", seconds(read.durationSeconds()));
        }
        if (read.bitRate() > 0) {
            container.put("Bit Rate", Long.toString(read.bitRate()));
        }
        read.tags().forEach((name, value) -> putIfPresent(container, name, value));
        for (AvStream stream : read.streams()) {
            String prefix = "Stream " + stream.index() + " ";
            container.put(prefix + "Type", stream.kind().name().toLowerCase(java.util.Locale.ROOT));
            putIfPresent(container, prefix + "Codec", stream.codecLongName());
            if (stream.width() > 0 && stream.height() > 0) {
                container.put(prefix + "Size", stream.width() + "x" + stream.height());
            }
            putIfPresent(container, prefix + "Frame Rate", stream.frameRate());
            if (stream.sampleRate() > 0) {
                container.put(prefix + "Sample Rate", Integer.toString(stream.sampleRate()));
                container.put(prefix + "Channels", Integer.toString(stream.channels()));
            }
            if (stream.durationSeconds() > 0) {
                container.put(prefix + "Duration", seconds(stream.durationSeconds()));
            }
        }
        if (!container.isEmpty()) {
            all.put(CONTAINER, Collections.unmodifiableMap(container));
        }
    }

    private static String seconds(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.6f", seconds);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
