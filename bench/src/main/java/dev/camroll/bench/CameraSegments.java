package dev.camroll.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata segments of real camera JPEGs (EXIF with its maker notes, XMP, ICC profiles,
 * Photoshop IRB, comments: every APPn and COM segment before the picture), kept as the cameras
 * wrote them in {@code resources/camera-segments/} (see the NOTICE.md there), to be put in front of
 * generated picture data.
 *
 * <p>{@code CameraSegments OUTPUT_DIR JPEG...} copies them out of camera files: one {@code
 * NAME.segments} file each, the segments byte for byte with their markers.
 */
final class CameraSegments {
    private static final String RESOURCES = "/camera-segments/";
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;

    /** The segments of one camera file, and where in them the fields varied per file lie. */
    record Template(String name, byte[] segments, ExifFields fields) {}

    private CameraSegments() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CameraSegments OUTPUT_DIR JPEG...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int i = 1; i < args.length; i++) {
            Path jpeg = Path.of(args[i]);
            String name = jpeg.getFileName().toString().replaceFirst("(?i)\\.jpe?g$", "");
            byte[] segments = metadataSegments(Files.readAllBytes(jpeg));
            Files.write(out.resolve(name + ".segments"), segments);
            System.out.printf("%s: %d bytes of segments%n", name, segments.length);
        }
    }

    /** Every template listed in {@code camera-segments/index.txt}, in its order. */
    static List<Template> load() {
        List<Template> templates = new ArrayList<>();
        for (String name : resource("index.txt").lines().map(String::strip).toList()) {
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            byte[] segments = resourceBytes(name + ".segments");
            templates.add(new Template(name, segments, ExifFields.find(segments)));
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("camera-segments/index.txt names no segments");
        }
        return templates;
    }

    /** The APPn and COM segments that follow SOI, up to the first other segment. */
    static byte[] metadataSegments(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new IllegalArgumentException("not a JPEG: no SOI marker");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            boolean metadata = (marker >= 0xE0 && marker <= 0xEF) || marker == COM;
            if (marker == SOS || at + 2 + length > jpeg.length) {
                break;
            }
            if (metadata) {
                out.write(jpeg, at, 2 + length);
            }
            at += 2 + length;
        }
        return out.toByteArray();
    }

    private static String resource(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = CameraSegments.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
