package dev.camroll.core.media.redact;

import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.png.PngImagingParameters;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Files that say where they were made, in each format the redactors know, for tests: written by
 * commons-imaging, by the bundled FFmpeg libraries, or byte by byte where a structure has to be
 * odd. The place is always {@link #LATITUDE}, {@link #LONGITUDE}.
 */
public final class LocatedFiles {
    public static final double LATITUDE = 48.858370;
    public static final double LONGITUDE = 2.294481;
    /** The place in ISO 6709, as QuickTime and Apple's metadata key write it. */
    public static final String ISO6709 = "+48.8584+002.2945/";

    public static final String MAKE = "Camroll Optics";

    /** XMP with the place as attributes and as elements, and IPTC place names. */
    public static final String XMP = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:exif="http://ns.adobe.com/exif/1.0/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
                xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
                exif:GPSLatitude="48,51.5022N"
                exif:GPSLongitude="2,17.6689E"
                xmp:CreateDate="2024-05-01T10:00:00+02:00"
                photoshop:City="Paris">
               <exif:GPSAltitude>35/1</exif:GPSAltitude>
               <photoshop:Country>France</photoshop:Country>
               <Iptc4xmpCore:Location>Champ de Mars</Iptc4xmpCore:Location>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";

    /** What of {@link #XMP} must not be served: coordinates and place names. */
    public static final String[] XMP_PLACE = {"48,51.5022N", "2,17.6689E", "35/1", "Paris", "France", "Champ de Mars"};

    private LocatedFiles() {}

    /** A camera-like JPEG (commons-imaging's EXIF: make, date, orientation, GPS). */
    public static Path jpeg(Path target) {
        return TestMedia.jpegWithExif(
                target,
                64,
                48,
                TestMedia.ExifSpec.builder()
                        .make(MAKE)
                        .model("One")
                        .orientation(6)
                        .dateTimeOriginal(java.time.LocalDateTime.of(2024, 5, 1, 10, 0))
                        .gps(LATITUDE, LONGITUDE)
                        .build());
    }

    /** {@link #jpeg} with {@link #XMP} in an APP1 segment right after SOI. */
    public static Path jpegWithXmp(Path target) {
        try {
            byte[] jpeg = Files.readAllBytes(jpeg(target));
            byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
            byte[] xmp = XMP.getBytes(StandardCharsets.UTF_8);
            ByteBuffer segment = ByteBuffer.allocate(4 + header.length + xmp.length);
            segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + header.length + xmp.length));
            segment.put(header).put(xmp);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(jpeg, 0, 2);
            out.writeBytes(segment.array());
            out.write(jpeg, 2, jpeg.length - 2);
            return Files.write(target, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real TIFF picture (commons-imaging) with make, orientation and GPS, in the given byte order. */
    public static Path tiff(Path target, ByteOrder order) {
        try {
            TiffOutputSet set = gpsSet(order);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TiffImageParser().writeImage(picture(), out, new TiffImagingParameters().setOutputSet(set));
            return Files.write(target, out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("TIFF could not be written: " + e, e);
        }
    }

    /**
     * A PNG (commons-imaging) with an eXIf chunk holding the EXIF of {@link #jpeg} (GPS included)
     * and {@link #XMP} in an iTXt chunk, compressed or not, before its image data.
     */
    public static Path png(Path target, boolean compressedXmp) {
        try {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new PngImageParser().writeImage(picture(), written, new PngImagingParameters());
            byte[] png = written.toByteArray();
            byte[] xmp = XMP.getBytes(StandardCharsets.UTF_8);
            if (compressedXmp) {
                java.util.zip.Deflater deflater = new java.util.zip.Deflater();
                deflater.setInput(xmp);
                deflater.finish();
                byte[] buffer = new byte[xmp.length + 64];
                xmp = java.util.Arrays.copyOf(buffer, deflater.deflate(buffer));
                deflater.end();
            }
            ByteArrayOutputStream itxt = new ByteArrayOutputStream();
            itxt.writeBytes("XML:com.adobe.xmp\0".getBytes(StandardCharsets.ISO_8859_1));
            itxt.write(compressedXmp ? 1 : 0);
            itxt.write(0);
            itxt.write(0); // no language
            itxt.write(0); // no translated keyword
            itxt.writeBytes(xmp);
            byte[] exif =
                    exifOf(Files.readAllBytes(jpeg(target.resolveSibling("for-" + target.getFileName() + ".jpg"))));
            int ihdrEnd = 8 + 8 + 13 + 4;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(png, 0, ihdrEnd);
            out.writeBytes(chunk("eXIf", exif));
            out.writeBytes(chunk("iTXt", itxt.toByteArray()));
            out.write(png, ihdrEnd, png.length - ihdrEnd);
            return Files.write(target, out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("PNG could not be written: " + e, e);
        }
    }

    /** The TIFF structure of a JPEG's EXIF segment. */
    public static byte[] exifOf(byte[] jpeg) {
        int at = 2;
        while (at + 4 < jpeg.length) {
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if ((jpeg[at + 1] & 0xFF) == 0xE1 && jpeg[at + 4] == 'E' && jpeg[at + 5] == 'x') {
                return java.util.Arrays.copyOfRange(jpeg, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("no EXIF");
    }

    public static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static TiffOutputSet gpsSet(ByteOrder order) throws Exception {
        TiffOutputSet set = new TiffOutputSet(order);
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, MAKE);
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        set.setGpsInDegrees(LONGITUDE, LATITUDE);
        return set;
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 0x40);
            }
        }
        return image;
    }

    /** Little-endian bytes of ints, for TIFF structures built by hand. */
    public static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
