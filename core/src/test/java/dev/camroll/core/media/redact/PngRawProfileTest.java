package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.exif.ExifIFD0Directory;
import dev.camroll.core.metadata.MediaFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageMagick keeps a PNG's EXIF as a text chunk, "Raw profile type exif": a line with the
 * profile's name, one with its length, then the bytes in hex, 72 digits a line (uncompressed
 * {@code tEXt}, or {@code zTXt}). The uncompressed one loses the GPS of the EXIF it spells and
 * keeps the rest; a compressed one is replaced whole by a valid, empty-looking text; every CRC
 * is right and the picture the same.
 */
class PngRawProfileTest {
    @TempDir
    Path folder;

    @Test
    void anUncompressedRawExifProfileLosesItsGpsAndKeepsTheCamera() throws IOException {
        byte[] original = withRawProfile(false);
        byte[] exif = decodedProfile(original, false);
        List<byte[]> coordinates = NoLocation.rawCoordinates(jpegOf(exif));
        assertThat(coordinates).isNotEmpty();
        Path file = Files.write(folder.resolve("magick.png"), original);

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.PNG);

        assertThat(served).hasSameSizeAs(original);
        LocationRedactorTest.assertCrcsValid(served);
        byte[] after = decodedProfile(served, false);
        assertThat(after).hasSameSizeAs(exif);
        NoLocation.assertNone(jpegOf(after), coordinates);
        assertThat(NoLocation.indexOf(after, LocatedFiles.MAKE.getBytes(StandardCharsets.US_ASCII)))
                .isPositive();
        assertThat(NoLocation.tag(jpegOf(after), ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo(LocatedFiles.MAKE);
    }

    @Test
    void aCompressedRawProfileIsReplacedWholeByAValidText() throws IOException {
        byte[] original = withRawProfile(true);
        List<byte[]> coordinates = NoLocation.rawCoordinates(jpegOf(decodedProfile(original, true)));
        Path file = Files.write(folder.resolve("zmagick.png"), original);

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.PNG);

        assertThat(served).hasSameSizeAs(original);
        LocationRedactorTest.assertCrcsValid(served);
        byte[] data = chunkData(served, "zTXt");
        byte[] text =
                inflate(java.util.Arrays.copyOfRange(data, NoLocation.indexOf(data, new byte[] {0}) + 2, data.length));
        for (byte[] form : coordinates) {
            assertThat(NoLocation.indexOf(text, form)).isEqualTo(-1);
        }
        assertThat(new String(text, StandardCharsets.ISO_8859_1)).isBlank();
    }

    @Test
    void aRawProfileTooLongToDecodeIsBlankedWhole() throws IOException {
        byte[] original = withRawProfile(false, 600_000);
        List<byte[]> coordinates = NoLocation.rawCoordinates(jpegOf(decodedProfile(original, false)));
        Path file = Files.write(folder.resolve("long.png"), original);

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.PNG);

        assertThat(served).hasSameSizeAs(original);
        LocationRedactorTest.assertCrcsValid(served);
        byte[] data = chunkData(served, "tEXt");
        byte[] text = java.util.Arrays.copyOfRange(data, NoLocation.indexOf(data, new byte[] {0}) + 1, data.length);
        assertThat(new String(text, StandardCharsets.ISO_8859_1)).isBlank();
        for (byte[] form : coordinates) {
            assertThat(NoLocation.indexOf(served, form)).isEqualTo(-1);
        }
    }

    private byte[] withRawProfile(boolean compressed) throws IOException {
        return withRawProfile(compressed, 0);
    }

    /** The GPS JPEG's EXIF as ImageMagick writes it into a PNG, with {@code padding} zero bytes after it. */
    private byte[] withRawProfile(boolean compressed, int padding) throws IOException {
        Path png = LocatedFiles.png(folder.resolve("base.png"), false);
        byte[] exif = LocatedFiles.exifOf(Files.readAllBytes(LocatedFiles.jpeg(folder.resolve("gps.jpg"))));
        byte[] profile = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif, new byte[padding]);
        StringBuilder text = new StringBuilder("\nexif\n")
                .append(String.format("%8d", profile.length))
                .append('\n');
        String hex = HexFormat.of().formatHex(profile);
        for (int at = 0; at < hex.length(); at += 72) {
            text.append(hex, at, Math.min(hex.length(), at + 72)).append('\n');
        }
        byte[] keyword = "Raw profile type exif\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = compressed
                ? LocatedFiles.chunk("zTXt", concat(keyword, new byte[] {0}, deflate(body)))
                : LocatedFiles.chunk("tEXt", concat(keyword, body));
        // Only the PNG's own chunks and the raw profile: the eXIf and XMP of the base go.
        byte[] base = Files.readAllBytes(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 8;
        out.write(base, 0, 8);
        while (at + 12 <= base.length) {
            int length = java.nio.ByteBuffer.wrap(base).getInt(at);
            String type = new String(base, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT") && chunk != null) {
                out.writeBytes(chunk);
                chunk = null;
            }
            if (!type.equals("eXIf") && !type.equals("iTXt")) {
                out.write(base, at, length + 12);
            }
            at += length + 12;
        }
        return out.toByteArray();
    }

    /** The bytes a raw profile spells in hex. */
    private static byte[] decodedProfile(byte[] png, boolean compressed) {
        byte[] data = chunkData(png, compressed ? "zTXt" : "tEXt");
        int keywordEnd = NoLocation.indexOf(data, new byte[] {0});
        byte[] text = compressed
                ? inflate(java.util.Arrays.copyOfRange(data, keywordEnd + 2, data.length))
                : java.util.Arrays.copyOfRange(data, keywordEnd + 1, data.length);
        String[] lines = new String(text, StandardCharsets.ISO_8859_1).strip().split("\n", 3);
        return HexFormat.of().parseHex(lines[2].replace("\n", ""));
    }

    /** A JPEG holding nothing but an EXIF segment, for metadata-extractor to read it. */
    private static byte[] jpegOf(byte[] exifSegment) {
        int length = exifSegment.length + 2;
        return concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length},
                exifSegment,
                new byte[] {(byte) 0xFF, (byte) 0xD9});
    }

    private static byte[] chunkData(byte[] png, String wanted) {
        int at = 8;
        while (at + 12 <= png.length) {
            int length = java.nio.ByteBuffer.wrap(png).getInt(at);
            if (new String(png, at + 4, 4, StandardCharsets.ISO_8859_1).equals(wanted)) {
                return java.util.Arrays.copyOfRange(png, at + 8, at + 8 + length);
            }
            at += length + 12;
        }
        throw new AssertionError("no " + wanted);
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static byte[] inflate(byte[] bytes) {
        try {
            Inflater inflater = new Inflater();
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new AssertionError("the zTXt's zlib stream ends early");
                }
                out.write(buffer, 0, n);
            }
            inflater.end();
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError("the zTXt's zlib stream is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
