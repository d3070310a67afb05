package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Magic numbers of formats the tests cannot generate, written byte by byte. */
class ContentSnifferTest {

    private static MediaFormat sniff(byte[] bytes) {
        byte[] header = Arrays.copyOf(bytes, ContentSniffer.HEADER_BYTES);
        return ContentSniffer.sniff(header, Math.min(bytes.length, header.length));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else if (part instanceof Integer value) {
                out.write(value);
            } else if (part instanceof byte[] array) {
                out.writeBytes(array);
            }
        }
        return out.toByteArray();
    }

    private static byte[] ftyp(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        return bytes(0, 0, 0, size, "ftyp", major, 0, 0, 0, 0, String.join("", compatible), new byte[64]);
    }

    @Test
    void tiffFamily() {
        assertThat(sniff(bytes("II*", 0, 8, 0, 0, 0, new byte[32]))).isEqualTo(MediaFormat.TIFF);
        assertThat(sniff(bytes("MM", 0, "*", 0, 0, 0, 8, new byte[32]))).isEqualTo(MediaFormat.TIFF);
        assertThat(sniff(bytes("II*", 0, 16, 0, 0, 0, "CR", 2, 0, new byte[32])))
                .isEqualTo(MediaFormat.CR2);
        assertThat(sniff(bytes("IIRO", 8, 0, 0, 0, new byte[32]))).isEqualTo(MediaFormat.ORF);
        assertThat(sniff(bytes("IIRS", 8, 0, 0, 0, new byte[32]))).isEqualTo(MediaFormat.ORF);
        assertThat(sniff(bytes("MMOR", 0, 0, 0, 8, new byte[32]))).isEqualTo(MediaFormat.ORF);
        assertThat(sniff(bytes("IIU", 0, 8, 0, 0, 0, new byte[32]))).isEqualTo(MediaFormat.RW2);
    }

    @Test
    void isoBaseMediaBrands() {
        assertThat(sniff(ftyp("heic", "mif1", "heic"))).isEqualTo(MediaFormat.HEIC);
        assertThat(sniff(ftyp("mif1", "mif1", "heic"))).isEqualTo(MediaFormat.HEIC);
        assertThat(sniff(ftyp("mif1", "avif", "mif1", "miaf"))).isEqualTo(MediaFormat.AVIF);
        assertThat(sniff(ftyp("avif", "mif1"))).isEqualTo(MediaFormat.AVIF);
        assertThat(sniff(ftyp("crx ", "crx ", "isom"))).isEqualTo(MediaFormat.CR3);
        assertThat(sniff(ftyp("M4A ", "M4A ", "mp42", "isom"))).isEqualTo(MediaFormat.M4A);
        assertThat(sniff(ftyp("M4V ", "M4V ", "mp42"))).isEqualTo(MediaFormat.M4V);
        assertThat(sniff(ftyp("qt  ", "qt  "))).isEqualTo(MediaFormat.MOV);
        assertThat(sniff(ftyp("3gp4", "isom", "3gp4"))).isEqualTo(MediaFormat.THREE_GP);
        assertThat(sniff(ftyp("isom", "isom", "iso2", "avc1", "mp41"))).isEqualTo(MediaFormat.MP4);
        assertThat(sniff(ftyp("mp42", "mp42", "isom"))).isEqualTo(MediaFormat.MP4);
    }

    @Test
    void quickTimeWithoutFtyp() {
        assertThat(sniff(bytes(0, 0, 0, 8, "wide", 0, 0, 0, 16, "mdat", new byte[32])))
                .isEqualTo(MediaFormat.MOV);
        assertThat(sniff(bytes(0, 0, 1, 0, "moov", new byte[32]))).isEqualTo(MediaFormat.MOV);
        assertThat(sniff(bytes(0, 0, 0, 3, "moov", new byte[32]))).isNull();
    }

    @Test
    void riff() {
        assertThat(sniff(bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 ", new byte[32]))).isEqualTo(MediaFormat.WEBP);
        assertThat(sniff(bytes("RIFF", 0, 0, 0, 0, "AVI LIST", new byte[32]))).isEqualTo(MediaFormat.AVI);
        assertThat(sniff(bytes("RIFF", 0, 0, 0, 0, "WAVEfmt ", new byte[32]))).isEqualTo(MediaFormat.WAV);
        assertThat(sniff(bytes("RIFF", 0, 0, 0, 0, "CDXAfmt ", new byte[32]))).isNull();
    }

    @Test
    void matroska() {
        byte[] webm = bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84, "webm", new byte[16]);
        byte[] mkv =
                bytes(0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x88, "matroska", new byte[16]);
        assertThat(sniff(webm)).isEqualTo(MediaFormat.WEBM);
        assertThat(sniff(mkv)).isEqualTo(MediaFormat.MKV);
    }

    @Test
    void transportStreams() {
        byte[] ts = new byte[188 * 4];
        byte[] m2ts = new byte[192 * 4];
        for (int i = 0; i < 4; i++) {
            ts[i * 188] = 0x47;
            m2ts[4 + i * 192] = 0x47;
        }
        assertThat(sniff(ts)).isEqualTo(MediaFormat.MTS);
        assertThat(sniff(m2ts)).isEqualTo(MediaFormat.MTS);
        ts[188 * 2] = 0;
        assertThat(sniff(ts)).isNull();
    }

    @Test
    void audio() {
        // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames.
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        byte[] twoFrames = bytes(frame, frame);
        assertThat(sniff(twoFrames)).isEqualTo(MediaFormat.MP3);
        assertThat(sniff(bytes("ID3", 3, 0, 0, 0, 0, 0, 0, frame))).isEqualTo(MediaFormat.MP3);
        assertThat(sniff(bytes("ID3", 3, 0, 0, 0, 0, 0, 0, "fLaC", new byte[16])))
                .isEqualTo(MediaFormat.FLAC);
        assertThat(sniff(bytes(0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC, new byte[16])))
                .isEqualTo(MediaFormat.AAC);
        assertThat(sniff(bytes("fLaC", 0, 0, 0, 34, new byte[34]))).isEqualTo(MediaFormat.FLAC);
        assertThat(sniff(bytes("OggS", 0, 2, new byte[20], "OpusHead", new byte[16])))
                .isEqualTo(MediaFormat.OPUS);
        assertThat(sniff(bytes("OggS", 0, 2, new byte[20], 1, "vorbis", new byte[16])))
                .isEqualTo(MediaFormat.OGG);
    }

    @Test
    void bmpNeedsAPlausibleHeader() {
        byte[] bmp = new byte[64];
        bmp[0] = 'B';
        bmp[1] = 'M';
        bmp[14] = 40;
        assertThat(sniff(bmp)).isEqualTo(MediaFormat.BMP);
        assertThat(sniff("BM is how this note starts, not a bitmap".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
    }

    @Test
    void notMedia() {
        assertThat(sniff("hello world, this is text".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(sniff("{\"a\": 1}".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(sniff("<?xpacket begin".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(sniff(bytes("%PDF-1.7", new byte[32]))).isNull();
        assertThat(sniff(bytes("PK", 3, 4, new byte[32]))).isNull();
        assertThat(sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThat(sniff(new byte[0])).isNull();
    }
}
