package dev.camroll.core.metadata;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.jpeg.JpegDirectory;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Interim JPEG-only probe; replaced by the full content classifier. */
public final class MediaProbe {
    public MediaProbe(ZoneId zone) {}

    public ProbeOutcome probe(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(4);
            byte[] head = in.readNBytes(3);
            in.reset();
            if (head.length < 3 || (head[0] & 0xff) != 0xff || (head[1] & 0xff) != 0xd8) {
                return new ProbeOutcome.NotMedia(null);
            }
            Metadata metadata = JpegMetadataReader.readMetadata(in);
            JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
            int w = jpeg == null ? 0 : jpeg.getInt(JpegDirectory.TAG_IMAGE_WIDTH);
            int h = jpeg == null ? 0 : jpeg.getInt(JpegDirectory.TAG_IMAGE_HEIGHT);
            return new ProbeOutcome.Media(new MediaFacts(
                    MediaFormat.JPEG,
                    MediaFormat.JPEG.mediaType(),
                    w,
                    h,
                    1,
                    null,
                    0,
                    null,
                    null,
                    null,
                    Set.of(),
                    List.of()));
        } catch (Exception e) {
            return new ProbeOutcome.NotMedia("cannot read: " + e.getMessage());
        }
    }
}
