package dev.camroll.core.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Canon CR3 files as Laurent Clévy's "Canon CR3 format" (github.com/lclevy/canon_cr3) documents
 * them, down to their previews: {@code ftyp} with brand {@code crx }, a {@code moov} whose Canon
 * uuid box holds the {@code THMB} thumbnail, the top-level preview uuid box with its 8 bytes and
 * {@code PRVW}, then {@code mdat} (here a few bytes in place of the sensor data).
 */
final class Cr3Files {
    static final String CANON_UUID = "85c0b687820f11e08111f4ce462b6a48";
    static final String PREVIEW_UUID = "eaf42b5e1c984b88b9fbb7dc406e4d16";

    private Cr3Files() {}

    /** A CR3 with a thumbnail and a preview; a declared length differs from the JPEG's when asked. */
    static byte[] cr3(byte[] thumbnail, byte[] preview, long previewLengthClaimed) {
        return cr3(new byte[8], new byte[8], new byte[8], thumbnail, preview, previewLengthClaimed);
    }

    /** A CR3 whose CMT1, CMT2 and CMT4 boxes hold the given TIFFs (IFD0, EXIF, GPS). */
    static byte[] cr3(
            byte[] cmt1, byte[] cmt2, byte[] cmt4, byte[] thumbnail, byte[] preview, long previewLengthClaimed) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(box("ftyp", concat(ascii("crx "), int32(1), ascii("crx isom"))));
        byte[] thmb = box(
                "THMB",
                concat(
                        new byte[] {0, 0, 0, 0},
                        int16(160),
                        int16(120),
                        int32(thumbnail.length),
                        int16(1),
                        int16(0),
                        thumbnail));
        file.writeBytes(box(
                "moov",
                uuidBox(
                        CANON_UUID,
                        concat(
                                box("CNCV", ascii("CanonCR3_001/00.09.00/00.00.00")),
                                box("CMT1", cmt1),
                                box("CMT2", cmt2),
                                box("CMT3", new byte[8]),
                                box("CMT4", cmt4),
                                thmb))));
        byte[] prvw = box(
                "PRVW",
                concat(int32(0), int16(1), int16(1620), int16(1080), int16(1), int32(previewLengthClaimed), preview));
        file.writeBytes(uuidBox(PREVIEW_UUID, concat(int32(0), int32(1), prvw)));
        file.writeBytes(box("mdat", new byte[64]));
        return file.toByteArray();
    }

    static byte[] box(String type, byte[] body) {
        return concat(int32(8 + body.length), ascii(type), body);
    }

    static byte[] uuidBox(String uuid, byte[] body) {
        return box("uuid", concat(HexFormat.of().parseHex(uuid), body));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] int32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    private static byte[] int16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
