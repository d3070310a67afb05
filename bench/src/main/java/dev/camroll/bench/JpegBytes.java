package dev.camroll.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Byte-level work on baseline JPEG files: encoding, and splicing segments in without re-encoding. */
final class JpegBytes {
    private static final int SOI = 0xD8;
    private static final int APP0 = 0xE0;
    private static final int DQT = 0xDB;
    private static final int SOS = 0xDA;
    private static final int COM = 0xFE;
    private static final int MAX_SEGMENT_PAYLOAD = 0xFFFF - 2;

    /** Zigzag positions of the luminance table that {@link #varyQuantization} changes. */
    static final int VARIED_QUANT_ENTRIES = 10;

    private JpegBytes() {}

    /** Encodes an image as a baseline JPEG with ImageIO at the given quality (0 to 1). */
    static byte[] encode(java.awt.image.BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The JPEG without its SOI marker and without a leading JFIF (APP0) segment: what follows the
     * EXIF segment in a file as cameras write it.
     */
    static byte[] bodyWithoutJfif(byte[] jpeg) {
        requireSoi(jpeg);
        int from = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            from = 4 + segmentLength(jpeg, 4);
        }
        return Arrays.copyOfRange(jpeg, from, jpeg.length);
    }

    /**
     * Where the 64 entries of the first 8-bit quantization table start in a body from {@link
     * #bodyWithoutJfif}, or -1 when there is none before the first scan.
     */
    static int lumaQuantTableOffset(byte[] body) {
        int at = 0;
        while (at + 4 <= body.length && (body[at] & 0xFF) == 0xFF) {
            int marker = body[at + 1] & 0xFF;
            if (marker == SOS) {
                return -1;
            }
            int length = segmentLength(body, at + 2);
            if (marker == DQT && (body[at + 4] & 0xF0) == 0) {
                return at + 5;
            }
            at += 2 + length;
        }
        return -1;
    }

    /**
     * A camera-like file: SOI, a camera's metadata {@code segments} (each with its marker and
     * length), then {@code body}. When {@code quantOffset >= 0}, low-frequency entries of the
     * luminance quantization table are raised by the base-4 digits of {@code variant}, so that files
     * sharing a body decode to different pixels and differ in their image data, not only in their
     * metadata.
     */
    static byte[] withSegments(byte[] segments, byte[] body, int quantOffset, long variant) {
        byte[] file = new byte[2 + segments.length + body.length];
        file[0] = (byte) 0xFF;
        file[1] = (byte) SOI;
        System.arraycopy(segments, 0, file, 2, segments.length);
        int at = 2 + segments.length;
        System.arraycopy(body, 0, file, at, body.length);
        if (quantOffset >= 0) {
            long digits = variant;
            for (int k = 1; k <= VARIED_QUANT_ENTRIES && digits != 0; k++, digits >>>= 2) {
                int index = at + quantOffset + k;
                file[index] = (byte) Math.min(255, (file[index] & 0xFF) + (int) (digits & 3));
            }
        }
        return file;
    }

    /** The JPEG with a comment (COM) segment after SOI and, when there is one, the JFIF segment. */
    static byte[] withComment(byte[] jpeg, byte[] comment) {
        requireSoi(jpeg);
        if (comment.length > MAX_SEGMENT_PAYLOAD) {
            throw new IllegalArgumentException("comment of " + comment.length + " bytes does not fit one segment");
        }
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            at = 4 + segmentLength(jpeg, 4);
        }
        byte[] file = new byte[jpeg.length + 4 + comment.length];
        System.arraycopy(jpeg, 0, file, 0, at);
        file[at] = (byte) 0xFF;
        file[at + 1] = (byte) COM;
        file[at + 2] = (byte) ((comment.length + 2) >>> 8);
        file[at + 3] = (byte) (comment.length + 2);
        System.arraycopy(comment, 0, file, at + 4, comment.length);
        System.arraycopy(jpeg, at, file, at + 4 + comment.length, jpeg.length - at);
        return file;
    }

    private static void requireSoi(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new IllegalArgumentException("not a JPEG: no SOI marker");
        }
    }

    private static int segmentLength(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
