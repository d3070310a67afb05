package dev.camroll.core.metadata;

import dev.camroll.api.MediaType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Learns what the index needs of one file: its format (from its content, not its name), size,
 * orientation, capture time, place, camera and duration, and its {@link ContentKey}, by which a
 * renamed or moved file is recognised.
 *
 * <p>Lenient by design: a damaged or hostile file yields what could be read plus warnings, or
 * {@link ProbeOutcome.NotMedia}; {@link #probe} never throws. Photos are read with
 * metadata-extractor (JPEG: only the EXIF and frame header segments; camera JPEGs of the usual
 * layout by {@link JpegFastPath}, without it), video and audio with FFmpeg's libraries in this
 * process (see {@link AvDemuxer}). Instances are immutable and safe to share between threads.
 */
public final class MediaProbe {

    private static final int STREAM_BUFFER = 16 * 1024;

    private final PhotoReader photos;
    private final ZoneId zoneForTimesWithoutOffset;

    /**
     * @param zoneForTimesWithoutOffset the zone EXIF times without OffsetTimeOriginal are taken in
     *     (usually the system's, as cameras keep local time)
     */
    public MediaProbe(ZoneId zoneForTimesWithoutOffset) {
        this.zoneForTimesWithoutOffset = Objects.requireNonNull(zoneForTimesWithoutOffset, "zoneForTimesWithoutOffset");
        this.photos = new PhotoReader(zoneForTimesWithoutOffset);
    }

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int SNIFF_BYTES = ContentSniffer.HEADER_BYTES;

    /**
     * The format of content from its first bytes alone, or null when it is none we know. Formats
     * the content cannot tell apart (DNG, NEF and ARW are TIFF inside) come back as the family's
     * first member; {@link #probe} lets the name decide between them.
     */
    public static MediaFormat sniff(byte[] header, int length) {
        return ContentSniffer.sniff(header, Math.min(length, header.length));
    }

    /** Probes one file. Never throws for anything in or about the file. */
    public ProbeOutcome probe(Path file) {
        String fileName = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        MediaFormat claimed = MediaFormat.fromFileName(fileName);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] header = new byte[ContentSniffer.HEADER_BYTES];
            int length = readHeader(channel, header);
            if (length == 0) {
                return claimed == null
                        ? new ProbeOutcome.NotMedia(null)
                        : new ProbeOutcome.NotMedia("file is empty" + nameSays(fileName));
            }
            MediaFormat format = ContentSniffer.sniff(header, length);
            if (format == null) {
                return claimed == null
                        ? new ProbeOutcome.NotMedia(null)
                        : new ProbeOutcome.NotMedia("content is not a known media format" + nameSays(fileName));
            }
            MediaFacts facts = format == MediaFormat.JPEG ? readJpegFast(channel, header, length, fileName) : null;
            if (facts == null) {
                // The readers take the file as a stream from its first byte (positional reads
                // leave the channel's position at 0); closing the channel closes it.
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel), STREAM_BUFFER);
                facts = read(file, fileName, format, claimed, in, header, length);
            }
            // Here, where every file the scan or createAsset indexes is open and its header read,
            // so that both store the key at the cost of one read of the tail.
            return new ProbeOutcome.Media(facts.withContentKey(ContentKey.of(channel, header, length)));
        } catch (NoSuchFileException e) {
            return new ProbeOutcome.NotMedia("file could not be read: it does not exist");
        } catch (IOException e) {
            return new ProbeOutcome.NotMedia("file could not be read: " + describe(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new ProbeOutcome.NotMedia("file could not be probed: " + describe(e));
        }
    }

    /** The first bytes of the file, as many as fit {@code header} or the file has. */
    private static int readHeader(FileChannel channel, byte[] header) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(header);
        while (into.hasRemaining()) {
            if (channel.read(into, into.position()) < 0) {
                break;
            }
        }
        return into.position();
    }

    /** A camera JPEG through {@link JpegFastPath}, or null when it needs the full reader. */
    private MediaFacts readJpegFast(FileChannel channel, byte[] header, int length, String fileName) {
        FactsBuilder facts = new FactsBuilder(MediaFormat.JPEG);
        // The fast path is the photo reader too: without the version, the walk would take its
        // rows for files read without a reader and read them again on every scan.
        facts.readerVersion = ReaderVersions.PHOTO;
        try {
            return JpegFastPath.read(channel, header, length, zoneForTimesWithoutOffset, facts)
                    ? facts.build(fileName)
                    : null;
        } catch (IOException | RuntimeException e) {
            return null; // the full reader meets the same and says so
        }
    }

    private MediaFacts read(
            Path file,
            String fileName,
            MediaFormat format,
            MediaFormat claimed,
            InputStream in,
            byte[] header,
            int length) {
        FactsBuilder facts = new FactsBuilder(format);
        try {
            if (format.mediaType() == MediaType.PHOTO) {
                boolean askFfmpeg = photos.read(file, in, header, length, claimed, facts);
                facts.readerVersion = ReaderVersions.PHOTO;
                if (askFfmpeg) {
                    facts.readerVersion =
                            AvReader.missingLibraries() == null ? ReaderVersions.PHOTO : ReaderVersions.NONE;
                    AvReader.readImageSize(file, facts);
                    if (!facts.hasSize()) {
                        facts.warn("image size could not be read");
                    }
                }
            } else {
                AvReader.read(file, facts);
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            facts.warn("metadata could not be read: " + describe(e));
        }
        return facts.build(fileName);
    }

    private static String nameSays(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : " (name says " + fileName.substring(dot) + ")";
    }

    /** A short, single-line description of a failure for a warning. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        String line = message.strip().lines().findFirst().orElse("");
        if (line.length() > 200) {
            line = line.substring(0, 200) + "…";
        }
        return e instanceof IOException || e instanceof RuntimeException ? line : type + ": " + line;
    }
}
