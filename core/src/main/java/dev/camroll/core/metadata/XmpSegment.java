package dev.camroll.core.metadata;

import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import com.drew.metadata.xmp.XmpReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Keeps a JPEG's XMP packet unparsed during the segment walk: most camera JPEGs have their capture
 * time in EXIF, and parsing XML for every file would slow the scan for nothing. {@link #parse}
 * turns it into an {@link XmpDirectory} when the capture time has to come from XMP.
 */
final class XmpSegment implements JpegSegmentMetadataReader {

    private static final byte[] PREAMBLE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    /** The packet as found, in a directory of its own so that it travels with the metadata. */
    static final class Unparsed extends Directory {
        final byte[] segment;

        Unparsed(byte[] segment) {
            this.segment = segment;
        }

        @Override
        public String getName() {
            return "XMP (unparsed)";
        }

        @Override
        protected HashMap<Integer, String> getTagNameMap() {
            return new HashMap<>();
        }
    }

    @Override
    public Iterable<JpegSegmentType> getSegmentTypes() {
        return List.of(JpegSegmentType.APP1);
    }

    @Override
    public void readJpegSegments(Iterable<byte[]> segments, Metadata metadata, JpegSegmentType type) {
        for (byte[] segment : segments) {
            if (segment.length > PREAMBLE.length
                    && Arrays.equals(segment, 0, PREAMBLE.length, PREAMBLE, 0, PREAMBLE.length)) {
                metadata.addDirectory(new Unparsed(segment));
                return;
            }
        }
    }

    /** The file's XMP: already parsed by the format's reader, or parsed now from a kept JPEG segment. */
    static XmpDirectory parse(Metadata metadata) {
        XmpDirectory parsed = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        if (parsed != null) {
            return parsed;
        }
        Unparsed unparsed = metadata.getFirstDirectoryOfType(Unparsed.class);
        if (unparsed == null) {
            return null;
        }
        byte[] segment = unparsed.segment;
        // Adds the directory it makes to the metadata (unless nothing could be read).
        new XmpReader().extract(segment, PREAMBLE.length, segment.length - PREAMBLE.length, metadata, null);
        return metadata.getFirstDirectoryOfType(XmpDirectory.class);
    }
}
