package dev.camroll.core.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Walks the chunks of a PNG before metadata-extractor sees them and keeps only the metadata
 * chunks that are safe to read: metadata-extractor allocates whatever length a chunk declares and
 * inflates {@code zTXt}, {@code iTXt} and {@code iCCP} chunks without a bound, so a 1 MB file
 * could take gigabytes and minutes. Here a declared length is checked against the bytes the file
 * still holds before anything is read, image data is skipped without being read, and a compressed
 * chunk is kept only when it inflates within {@link #MAX_INFLATED_BYTES}. What is left out is
 * named in a warning; what is kept is a small PNG for metadata-extractor.
 */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** Larger than any text, XMP packet or ICC profile a camera or editor writes. */
    static final long MAX_INFLATED_BYTES = 4L << 20;

    /** All metadata chunks of one file together; image data never counts. */
    static final long MAX_KEPT_BYTES = 16L << 20;

    /** PNG limits a chunk's length to 2^31 - 1. */
    private static final long MAX_CHUNK_LENGTH = Integer.MAX_VALUE;

    /** A file of millions of empty chunks is hostile; a real PNG has at most thousands. */
    private static final int MAX_CHUNKS = 1_000_000;

    /** The chunks metadata-extractor reads; image data (IDAT) and unknown chunks are skipped. */
    private static final Set<String> METADATA_CHUNKS = Set.of(
            "IHDR", "PLTE", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "bKGD", "hIST", "tRNS", "pHYs", "sPLT", "tIME",
            "iTXt", "eXIf", "tEXt", "zTXt");

    private PngChunks() {}

    /**
     * The file's safe metadata chunks as a PNG of their own (signature, chunks, IEND).
     *
     * @param in the file from its first byte
     * @param fileSize the file's length, against which declared lengths are checked
     * @param warn receives one line per chunk left out
     */
    static byte[] metadataOnly(InputStream in, long fileSize, Consumer<String> warn) throws IOException {
        return metadataOnly(in, fileSize, warn, frames -> {});
    }

    /**
     * As {@link #metadataOnly(InputStream, long, Consumer)}, telling {@code animationFrames} the
     * frame count of an APNG's {@code acTL} chunk (which must come before the image data).
     */
    static byte[] metadataOnly(InputStream in, long fileSize, Consumer<String> warn, LongConsumer animationFrames)
            throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(1024);
        byte[] signature = in.readNBytes(SIGNATURE.length);
        kept.write(SIGNATURE);
        long position = signature.length;
        byte[] header = new byte[8];
        boolean seenImageData = false;
        for (int count = 0; count < MAX_CHUNKS; count++) {
            if (in.readNBytes(header, 0, 8) < 8) {
                break;
            }
            long length = u32(header, 0);
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            long left = fileSize - position - 12;
            if (length > MAX_CHUNK_LENGTH || length > left) {
                warn.accept("PNG chunk " + printable(type) + " declares " + length + " bytes, more than the file holds;"
                        + " the chunks after it are not read");
                break;
            }
            if (type.equals("IEND")) {
                break;
            }
            if (type.equals("IDAT")) {
                seenImageData = true;
            }
            if (type.equals("acTL") && length == 8 && !seenImageData) {
                byte[] control = in.readNBytes(8);
                in.skipNBytes(4);
                if (control.length == 8) {
                    animationFrames.accept(u32(control, 0));
                }
                position += 12 + length;
                continue;
            }
            boolean wanted = METADATA_CHUNKS.contains(type);
            if (wanted && kept.size() + length > MAX_KEPT_BYTES) {
                warn.accept(
                        "PNG chunk " + type + " is left out: the file's metadata exceeds " + MAX_KEPT_BYTES + " bytes");
                wanted = false;
            }
            if (!wanted) {
                in.skipNBytes(length + 4);
            } else {
                byte[] data = in.readNBytes((int) length);
                byte[] crc = in.readNBytes(4);
                if (data.length < length || crc.length < 4) {
                    break;
                }
                String refusal = refusal(type, data);
                if (refusal == null) {
                    kept.write(header);
                    kept.write(data);
                    kept.write(crc);
                } else {
                    warn.accept("PNG chunk " + type + " is left out: " + refusal);
                }
            }
            position += 12 + length;
        }
        kept.write(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
        return kept.toByteArray();
    }

    /** Why a metadata chunk is not safe to hand on, or null when it is. */
    private static String refusal(String type, byte[] data) {
        int compressedFrom =
                switch (type) {
                    // keyword, NUL, compression method, then the zlib stream
                    case "zTXt", "iCCP" -> afterNul(data, 0) + 1;
                    case "iTXt" -> compressedITxt(data);
                    default -> -1;
                };
        if (compressedFrom < 0) {
            return null;
        }
        if (compressedFrom > data.length) {
            return "its compressed text is missing";
        }
        return switch (BoundedInflate.measure(data, compressedFrom, data.length - compressedFrom, MAX_INFLATED_BYTES)) {
            case FITS -> null;
            case TOO_LARGE -> "it inflates to more than " + MAX_INFLATED_BYTES + " bytes";
            case DAMAGED -> "its compressed data is damaged";
        };
    }

    /** Where an iTXt chunk's compressed text starts, or -1 when it is stored uncompressed. */
    private static int compressedITxt(byte[] data) {
        // keyword, NUL, compression flag, compression method, language, NUL, translated keyword, NUL
        int flag = afterNul(data, 0);
        if (flag < 0 || flag >= data.length || data[flag] == 0) {
            return -1;
        }
        int language = afterNul(data, flag + 2);
        int text = language < 0 ? -1 : afterNul(data, language);
        return text < 0 ? data.length + 1 : text;
    }

    /** The index after the first NUL at or after {@code from}, or -1 when there is none. */
    private static int afterNul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static long u32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) << 24
                | (bytes[at + 1] & 0xFFL) << 16
                | (bytes[at + 2] & 0xFFL) << 8
                | bytes[at + 3] & 0xFFL;
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 'A' && c <= 'z') ? type : "'?'";
    }
}
