package dev.camroll.core.metadata;

import java.nio.charset.StandardCharsets;

/**
 * Tells a media format from the first bytes of a file (its magic numbers), never from its name.
 * The TIFF-based raw formats that only differ inside (DNG, NEF, ARW) come back as {@link
 * MediaFormat#TIFF}; the caller refines them by name or by tags.
 */
final class ContentSniffer {

    /** How many leading bytes {@link #sniff} wants to see. */
    static final int HEADER_BYTES = 4096;

    private static final int TS_PACKET = 188;

    private ContentSniffer() {}

    /**
     * @param header the first bytes of the file
     * @param length how many of them are valid (less than the array when the file is short)
     * @return the format, or null when the content is none we know
     */
    static MediaFormat sniff(byte[] header, int length) {
        Bytes b = new Bytes(header, length);
        if (length < 4) {
            return null;
        }
        if (b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF) {
            return MediaFormat.JPEG;
        }
        if (b.startsWith(0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaFormat.PNG;
        }
        if (b.ascii(0, "GIF87a") || b.ascii(0, "GIF89a")) {
            return MediaFormat.GIF;
        }
        if (b.ascii(0, "RIFF") || b.ascii(0, "RF64")) {
            if (b.ascii(8, "WEBP")) {
                return MediaFormat.WEBP;
            }
            if (b.ascii(8, "AVI ")) {
                return MediaFormat.AVI;
            }
            if (b.ascii(8, "WAVE")) {
                return MediaFormat.WAV;
            }
            return null;
        }
        if (b.ascii(4, "ftyp")) {
            return IsoBmff.formatOfFtyp(header, length);
        }
        if (isQuickTimeWithoutFtyp(b)) {
            return MediaFormat.MOV;
        }
        if (b.ascii(0, RafHeader.MAGIC)) {
            return MediaFormat.RAF;
        }
        MediaFormat tiff = tiffFamily(b);
        if (tiff != null) {
            return tiff;
        }
        if (isBmp(b)) {
            return MediaFormat.BMP;
        }
        if (b.startsWith(0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return ebmlDocType(b);
        }
        if (b.ascii(0, "fLaC")) {
            return MediaFormat.FLAC;
        }
        if (b.ascii(0, "OggS")) {
            return indexOf(header, length, "OpusHead") >= 0 ? MediaFormat.OPUS : MediaFormat.OGG;
        }
        if (isTransportStream(b, 0) || isTransportStream(b, 4)) {
            return MediaFormat.MTS;
        }
        if (b.ascii(0, "ID3") && length >= 10) {
            return afterId3(b);
        }
        return frameSync(b, 0);
    }

    private static MediaFormat tiffFamily(Bytes b) {
        if (b.ascii(0, "IIRO") || b.ascii(0, "IIRS") || b.ascii(0, "MMOR")) {
            return MediaFormat.ORF;
        }
        if (b.startsWith(0, 'I', 'I', 'U', 0)) {
            return MediaFormat.RW2;
        }
        boolean little = b.startsWith(0, 'I', 'I', '*', 0) || b.startsWith(0, 'I', 'I', '+', 0);
        boolean big = b.startsWith(0, 'M', 'M', 0, '*') || b.startsWith(0, 'M', 'M', 0, '+');
        if (!little && !big) {
            return null;
        }
        if (b.ascii(8, "CR")) {
            return MediaFormat.CR2;
        }
        return MediaFormat.TIFF;
    }

    private static boolean isBmp(Bytes b) {
        if (!b.ascii(0, "BM") || b.length < 26) {
            return false;
        }
        long dibHeaderSize = b.u32le(14);
        return dibHeaderSize == 12
                || dibHeaderSize == 40
                || dibHeaderSize == 52
                || dibHeaderSize == 56
                || dibHeaderSize == 64
                || dibHeaderSize == 108
                || dibHeaderSize == 124;
    }

    private static boolean isQuickTimeWithoutFtyp(Bytes b) {
        if (b.length < 8) {
            return false;
        }
        long size = b.u32be(0);
        if (size != 0 && size != 1 && size < 8) {
            return false;
        }
        return b.ascii(4, "moov")
                || b.ascii(4, "mdat")
                || b.ascii(4, "wide")
                || b.ascii(4, "free")
                || b.ascii(4, "skip")
                || b.ascii(4, "pnot");
    }

    private static MediaFormat ebmlDocType(Bytes b) {
        // The DocType element (ID 0x4282) sits in the EBML header right at the start.
        int limit = Math.min(b.length, 256);
        for (int i = 4; i + 3 < limit; i++) {
            if (b.u8(i) == 0x42 && b.u8(i + 1) == 0x82) {
                int sizeByte = b.u8(i + 2);
                if ((sizeByte & 0x80) != 0) {
                    int size = sizeByte & 0x7F;
                    if (i + 3 + size <= b.length) {
                        String docType = new String(b.data, i + 3, size, StandardCharsets.US_ASCII).strip();
                        return docType.equals("webm") ? MediaFormat.WEBM : MediaFormat.MKV;
                    }
                }
                break;
            }
        }
        return MediaFormat.MKV;
    }

    private static boolean isTransportStream(Bytes b, int start) {
        // A sync byte every 188 bytes; M2TS (Blu-ray, AVCHD .mts) adds a 4-byte time code before each.
        int step = TS_PACKET + start;
        if (b.length < start + step + 1) {
            return false;
        }
        int checked = 0;
        for (int at = start; at < b.length && checked < 4; at += step) {
            if (b.u8(at) != 0x47) {
                return false;
            }
            checked++;
        }
        return checked >= 2;
    }

    private static MediaFormat afterId3(Bytes b) {
        long size =
                ((b.u8(6) & 0x7FL) << 21) | ((b.u8(7) & 0x7FL) << 14) | ((b.u8(8) & 0x7FL) << 7) | (b.u8(9) & 0x7FL);
        boolean footer = (b.u8(5) & 0x10) != 0;
        long next = 10 + size + (footer ? 10 : 0);
        if (next + 4 <= b.length) {
            int at = (int) next;
            if (b.ascii(at, "fLaC")) {
                return MediaFormat.FLAC;
            }
            MediaFormat frame = frameSync(b, at);
            if (frame != null) {
                return frame;
            }
        }
        // ID3 tags almost always front MP3; other audio behind one is rare.
        return MediaFormat.MP3;
    }

    /** An MPEG audio frame (MP3) or an ADTS frame (AAC) at the given offset. */
    private static MediaFormat frameSync(Bytes b, int at) {
        if (at + 4 > b.length || b.u8(at) != 0xFF || (b.u8(at + 1) & 0xE0) != 0xE0) {
            return null;
        }
        int b1 = b.u8(at + 1);
        int layer = (b1 >> 1) & 3;
        if ((b1 & 0xF6) == 0xF0 && layer == 0) {
            // ADTS: 12 sync bits, then version, layer 00, protection-absent.
            if (at + 7 > b.length) {
                return null;
            }
            int samplingIndex = (b.u8(at + 2) >> 2) & 0xF;
            return samplingIndex < 13 ? MediaFormat.AAC : null;
        }
        int frameLength = mpegAudioFrameLength(b, at);
        if (frameLength <= 0) {
            return null;
        }
        int next = at + frameLength;
        if (next + 4 <= b.length) {
            return mpegAudioFrameLength(b, next) > 0 ? MediaFormat.MP3 : null;
        }
        return MediaFormat.MP3;
    }

    private static final int[][] BITRATES_KBPS = {
        // MPEG-1 layer I, II, III
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        // MPEG-2/2.5 layer I, then II and III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };
    private static final int[] SAMPLE_RATES_MPEG1 = {44100, 48000, 32000};

    /** The length of the MPEG audio frame whose header is at the offset, or -1 if it is none. */
    private static int mpegAudioFrameLength(Bytes b, int at) {
        if (at + 4 > b.length || b.u8(at) != 0xFF || (b.u8(at + 1) & 0xE0) != 0xE0) {
            return -1;
        }
        int b1 = b.u8(at + 1);
        int b2 = b.u8(at + 2);
        int version = (b1 >> 3) & 3; // 0: 2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
        int layerBits = (b1 >> 1) & 3; // 1: III, 2: II, 3: I
        int bitrateIndex = (b2 >> 4) & 0xF;
        int rateIndex = (b2 >> 2) & 3;
        if (version == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return -1;
        }
        int layer = 4 - layerBits; // 1, 2 or 3
        int padding = (b2 >> 1) & 1;
        int sampleRate = SAMPLE_RATES_MPEG1[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        int bitrate;
        if (version == 3) {
            bitrate = BITRATES_KBPS[layer - 1][bitrateIndex] * 1000;
        } else {
            bitrate = BITRATES_KBPS[layer == 1 ? 3 : 4][bitrateIndex] * 1000;
        }
        if (layer == 1) {
            return (12 * bitrate / sampleRate + padding) * 4;
        }
        int samplesPerFrameOver8 = (layer == 3 && version != 3) ? 72 : 144;
        return samplesPerFrameOver8 * bitrate / sampleRate + padding;
    }

    static int indexOf(byte[] data, int length, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Bounds-checked reads over the header; out-of-range reads see zeros. */
    record Bytes(byte[] data, int length) {
        int u8(int at) {
            return at >= 0 && at < length ? data[at] & 0xFF : 0;
        }

        long u32be(int at) {
            return ((long) u8(at) << 24) | (u8(at + 1) << 16) | (u8(at + 2) << 8) | u8(at + 3);
        }

        long u32le(int at) {
            return ((long) u8(at + 3) << 24) | (u8(at + 2) << 16) | (u8(at + 1) << 8) | u8(at);
        }

        boolean startsWith(int at, int... bytes) {
            if (at + bytes.length > length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if (u8(at + i) != (bytes[i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        boolean ascii(int at, String text) {
            if (at + text.length() > length) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (u8(at + i) != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
