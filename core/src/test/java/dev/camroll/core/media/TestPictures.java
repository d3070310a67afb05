package dev.camroll.core.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Pictures the thumbnail tests make: a red top-left quadrant on blue, ICC profiles, bombs. */
final class TestPictures {

    static final Color CORNER = new Color(230, 20, 20);
    static final Color REST = new Color(20, 40, 220);

    private TestPictures() {}

    /** A picture whose top-left quadrant is {@link #CORNER} and the rest {@link #REST}. */
    static BufferedImage quadrant(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(REST);
        g.fillRect(0, 0, width, height);
        g.setColor(CORNER);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** Writes a picture with ImageIO in {@code format} (jpg, png, gif, bmp, tiff). */
    static Path write(Path target, BufferedImage image, String format) {
        try {
            Files.createDirectories(target.getParent());
            BufferedImage toWrite = image;
            if (format.equals("gif")) {
                toWrite = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
                toWrite.createGraphics().drawImage(image, 0, 0, null);
            }
            if (!ImageIO.write(toWrite, format, target.toFile())) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG of the quadrant picture with an EXIF orientation, written without re-encoding. */
    static Path jpegWithOrientation(Path target, int width, int height, int orientation) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(quadrant(width, height), "jpg", plain);
            TiffOutputSet set = new TiffOutputSet();
            set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, set);
            Files.createDirectories(target.getParent());
            return Files.write(target, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A flat picture of one grey level. */
    static BufferedImage flat(int width, int height, int level) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(level, level, level));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The ICC profile of linear RGB: its mid grey is much lighter in sRGB. */
    static byte[] linearRgbProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    }

    /** A JPEG with an ICC profile in an APP2 segment right after SOI (one segment). */
    static byte[] jpegWithProfile(BufferedImage image, byte[] profile) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] marker = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int length = 2 + marker.length + 2 + profile.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE2);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(marker);
        out.write(1);
        out.write(1);
        out.write(profile);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an iCCP chunk right after IHDR. */
    static byte[] pngWithProfile(BufferedImage image, byte[] profile) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "png", plain);
        byte[] png = plain.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("linear\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        body.write(0); // compression method: deflate
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(body)) {
            deflate.write(profile);
        }
        int afterHeader = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk("iCCP", body.toByteArray()));
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** A small PNG whose header claims {@code width} x {@code height} pixels. */
    static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(flat(16, 16, 90), "png", plain);
        byte[] png = plain.toByteArray();
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        header.putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        ByteBuffer.wrap(png, 12 + 4 + 13, 4).putInt((int) crc.getValue());
        return png;
    }

    /** A small baseline JPEG whose frame header claims {@code width} x {@code height} pixels. */
    static byte[] jpegBomb(int width, int height) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(flat(16, 16, 90), "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        for (int i = 2; i + 9 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xff;
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (marker == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
            i += 2 + length;
        }
        throw new IllegalStateException("no frame header");
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        chunk.put(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        chunk.put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Decodes a thumbnail's bytes (JPEG) with ImageIO, a decoder other than the one that made it. */
    static BufferedImage decode(Thumbnail thumbnail) {
        try {
            return ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the pixel at (x, y) is near {@code color} (JPEG changes colours a little). */
    static boolean near(BufferedImage image, int x, int y, Color color) {
        Color pixel = new Color(image.getRGB(x, y));
        return Math.abs(pixel.getRed() - color.getRed()) < 40
                && Math.abs(pixel.getGreen() - color.getGreen()) < 40
                && Math.abs(pixel.getBlue() - color.getBlue()) < 40;
    }
}
