package dev.camroll.core.metadata;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import dev.camroll.api.MediaSubtype;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The photo subtypes a camera writes into the file's metadata: Apple's MakerNote, Google's XMP,
 * the EXIF UserComment of a screenshot and the EXIF LensModel of a front camera. docs/ARCHITECTURE.md ("Media subtypes") lists each rule.
 */
final class SubtypeMarkers {

    /** Apple MakerNote 0x0014, ImageCaptureType: 2 is a portrait (a photo with a depth effect). */
    static final int APPLE_IMAGE_CAPTURE_TYPE = 0x0014;

    static final int APPLE_CAPTURE_PORTRAIT = 2;

    /** Apple MakerNote HDRImageType: 3 is the merged HDR picture, 4 the original kept beside it. */
    static final int APPLE_HDR_MERGED = 3;

    /**
     * Namespace prefixes whose presence in an XMP packet is worth parsing it for: the packet is kept
     * unparsed during the scan (see {@link XmpSegment}), and most photos have none of them.
     */
    private static final String[] XMP_MARKERS = {"GCamera", "Container", "GDepth", "GPano"};

    private SubtypeMarkers() {}

    static void read(Metadata metadata, FactsBuilder out) {
        readApple(metadata, out);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif != null && isScreenshotComment(exif.getByteArray(ExifDirectoryBase.TAG_USER_COMMENT))) {
            out.subtypes.add(MediaSubtype.SCREENSHOT);
        }
        if (exif != null && CameraFacing.isFrontLens(exif.getString(ExifDirectoryBase.TAG_LENS_MODEL))) {
            out.subtypes.add(MediaSubtype.SELFIE);
        }
        if (worthParsingXmp(metadata)) {
            XmpDirectory xmp = XmpSegment.parse(metadata);
            if (xmp != null) {
                readXmp(xmp.getXmpProperties(), out.subtypes);
            }
        }
    }

    private static void readApple(Metadata metadata, FactsBuilder out) {
        AppleMakernoteDirectory apple = metadata.getFirstDirectoryOfType(AppleMakernoteDirectory.class);
        if (apple == null) {
            return;
        }
        String contentId = apple.getString(AppleMakernoteDirectory.TAG_CONTENT_IDENTIFIER);
        if (contentId != null && !contentId.isBlank()) {
            // The still of a Live Photo: its MOV carries the same com.apple.quicktime.content.identifier.
            out.subtypes.add(MediaSubtype.LIVE_PHOTO);
            out.contentIdentifier = LiveIdentifier.clean(contentId);
        }
        String burst = apple.getString(AppleMakernoteDirectory.TAG_BURST_UUID);
        if (burst != null && !burst.isBlank()) {
            out.subtypes.add(MediaSubtype.BURST);
            out.burstId = burst.trim();
        }
        Integer hdrType = apple.getInteger(AppleMakernoteDirectory.TAG_HDR_IMAGE_TYPE);
        if (hdrType != null && hdrType == APPLE_HDR_MERGED) {
            out.hdr = true;
        }
        Integer captureType = apple.getInteger(APPLE_IMAGE_CAPTURE_TYPE);
        if (captureType != null && captureType == APPLE_CAPTURE_PORTRAIT) {
            out.subtypes.add(MediaSubtype.DEPTH_EFFECT);
        }
    }

    /** EXIF UserComment as iOS and macOS write it on screenshots: "Screenshot", after its charset. */
    static boolean isScreenshotComment(byte[] comment) {
        if (comment == null || comment.length < 8) {
            return false;
        }
        // The first 8 bytes name the character code (ASCII, UNICODE, JIS or undefined).
        String text = new String(comment, 8, comment.length - 8, StandardCharsets.ISO_8859_1)
                .replace("\0", "")
                .trim();
        return text.equalsIgnoreCase("Screenshot");
    }

    private static boolean worthParsingXmp(Metadata metadata) {
        if (metadata.getFirstDirectoryOfType(XmpDirectory.class) != null) {
            return true;
        }
        XmpSegment.Unparsed unparsed = metadata.getFirstDirectoryOfType(XmpSegment.Unparsed.class);
        if (unparsed == null) {
            return false;
        }
        return xmpWorthParsing(unparsed.segment, 0, unparsed.segment.length);
    }

    /** Whether an XMP packet (these bytes) names a namespace a subtype rule reads. */
    static boolean xmpWorthParsing(byte[] bytes, int start, int length) {
        if (start < 0) {
            return false;
        }
        String packet = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        for (String marker : XMP_MARKERS) {
            if (packet.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Apple's cameras write the MakerNote the subtype rules read (content identifier, burst, HDR). */
    static boolean hasAppleMakerNote(String make) {
        return make != null && make.trim().equalsIgnoreCase("Apple");
    }

    /** The XMP rules, over the packet's properties by prefixed name (as metadata-extractor gives them). */
    static void readXmp(Map<String, String> properties, Set<MediaSubtype> subtypes) {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String name = property.getKey();
            String value =
                    property.getValue() == null ? "" : property.getValue().trim();
            String local = name.substring(name.indexOf(':') + 1);
            if (name.startsWith("GCamera:")) {
                // Google's Motion Photo (MotionPhoto=1) and its older Micro Video (MicroVideo=1).
                if ((local.equals("MotionPhoto") || local.equals("MicroVideo")) && value.equals("1")) {
                    subtypes.add(MediaSubtype.MOTION_PHOTO);
                }
            } else if (name.startsWith("Container") || name.contains(":Item")) {
                // Container:Directory lists the parts; an item of semantic MotionPhoto is the video.
                if (local.endsWith("Semantic") && value.equals("MotionPhoto")) {
                    subtypes.add(MediaSubtype.MOTION_PHOTO);
                }
                if (local.endsWith("Semantic") && value.equals("Depth")) {
                    subtypes.add(MediaSubtype.DEPTH_EFFECT);
                }
            }
            if (name.startsWith("GDepth:") && (local.equals("Data") || local.equals("Format"))) {
                subtypes.add(MediaSubtype.DEPTH_EFFECT);
            }
            if (name.startsWith("GPano:")
                    && local.equals("ProjectionType")
                    && !value.toLowerCase(Locale.ROOT).equals("flat")) {
                subtypes.add(MediaSubtype.PANORAMA);
            }
        }
    }
}
