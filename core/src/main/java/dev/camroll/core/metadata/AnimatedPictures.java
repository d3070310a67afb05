package dev.camroll.core.metadata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which GIF, WebP and PNG files hold more than one frame, for the {@code animated} subtype:
 *
 * <ul>
 *   <li>GIF: a second image descriptor (0x2C) among the file's blocks (GIF89a);
 *   <li>WebP: the animation flag (0x02) of the {@code VP8X} chunk (WebP container specification);
 *   <li>PNG: an {@code acTL} chunk before the image data declaring two frames or more (APNG;
 *       read by {@link PngChunks} as it walks the chunks).
 * </ul>
 */
final class AnimatedPictures {

    private static final int EXTENSION = 0x21;
    private static final int IMAGE_DESCRIPTOR = 0x2C;

    /** WebP's VP8X flags byte: bit 1 says the file has an ANIM chunk and frames. */
    private static final int WEBP_ANIMATION_FLAG = 0x02;

    private AnimatedPictures() {}

    /** Whether the WebP header (the file's first bytes) declares an animation. */
    static boolean webpAnimated(ContentSniffer.Bytes header) {
        return header.ascii(12, "VP8X") && (header.u8(20) & WEBP_ANIMATION_FLAG) != 0;
    }

    /**
     * Whether the GIF has a second frame. The walk skips each block by its declared sub-block
     * lengths, so it reads the file once at most, and stops at the second frame, the trailer,
     * the end of the file or a byte that starts no block.
     */
    static boolean gifAnimated(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            byte[] head = in.readNBytes(13);
            if (head.length < 13) {
                return false;
            }
            int packed = head[10] & 0xFF;
            if ((packed & 0x80) != 0) {
                in.skipNBytes(3L << ((packed & 7) + 1)); // the global colour table
            }
            int frames = 0;
            while (true) {
                int block = in.read();
                if (block == EXTENSION) {
                    if (in.read() < 0 || !skipSubBlocks(in)) {
                        return false;
                    }
                } else if (block == IMAGE_DESCRIPTOR) {
                    if (++frames == 2) {
                        return true;
                    }
                    byte[] descriptor = in.readNBytes(9);
                    if (descriptor.length < 9) {
                        return false;
                    }
                    int local = descriptor[8] & 0xFF;
                    if ((local & 0x80) != 0) {
                        in.skipNBytes(3L << ((local & 7) + 1)); // the local colour table
                    }
                    if (in.read() < 0 || !skipSubBlocks(in)) { // LZW minimum code size, then the data
                        return false;
                    }
                } else {
                    return false; // the trailer (0x3B), the end, or damage
                }
            }
        } catch (java.io.EOFException e) {
            return false;
        }
    }

    /** Skips data sub-blocks up to their terminator; false at the end of the file. */
    private static boolean skipSubBlocks(InputStream in) throws IOException {
        while (true) {
            int size = in.read();
            if (size < 0) {
                return false;
            }
            if (size == 0) {
                return true;
            }
            in.skipNBytes(size);
        }
    }
}
