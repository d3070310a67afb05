package dev.camroll.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.tiff.JpegImageData;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.fieldtypes.AbstractFieldType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoShort;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** The EXIF block a camera or phone would write for one shot, drawn at random but plausibly. */
final class CameraExif {
    // EXIF tags that commons-imaging has no constants for: the 2.31 time zone offsets, ColorSpace.
    private static final TagInfoAscii OFFSET_TIME =
            new TagInfoAscii("OffsetTime", 0x9010, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    private static final TagInfoAscii OFFSET_TIME_DIGITIZED =
            new TagInfoAscii("OffsetTimeDigitized", 0x9012, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private static final TagInfoShort COLOR_SPACE =
            new TagInfoShort("ColorSpace", 0xA001, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final DateTimeFormatter GPS_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd");
    private static final long FIRST_SHOT = LocalDateTime.of(2008, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SHOT = LocalDateTime.of(2025, 6, 30, 0, 0).toEpochSecond(ZoneOffset.UTC);

    /** A camera body or phone, with what it writes and how it names files. */
    record Camera(
            String make,
            String model,
            String lens,
            String software,
            ByteOrder byteOrder,
            String filePrefix,
            String extension,
            double focalMin,
            double focalMax,
            double widestAperture) {}

    static final List<Camera> CAMERAS = List.of(
            new Camera(
                    "Canon",
                    "Canon EOS 5D Mark IV",
                    "EF24-105mm f/4L IS USM",
                    "Firmware Version 1.3.3",
                    ByteOrder.LITTLE_ENDIAN,
                    "IMG_",
                    ".JPG",
                    24,
                    105,
                    4.0),
            new Camera(
                    "Canon",
                    "Canon EOS R6",
                    "RF24-105mm F4 L IS USM",
                    "Firmware Version 1.8.2",
                    ByteOrder.LITTLE_ENDIAN,
                    "IMG_",
                    ".JPG",
                    24,
                    105,
                    4.0),
            new Camera(
                    "NIKON CORPORATION",
                    "NIKON Z 6_2",
                    "NIKKOR Z 24-70mm f/4 S",
                    "Ver.01.60",
                    ByteOrder.BIG_ENDIAN,
                    "DSC_",
                    ".JPG",
                    24,
                    70,
                    4.0),
            new Camera(
                    "NIKON CORPORATION",
                    "NIKON D750",
                    "AF-S NIKKOR 50mm f/1.8G",
                    "Ver.1.15",
                    ByteOrder.BIG_ENDIAN,
                    "DSC_",
                    ".JPG",
                    50,
                    50,
                    1.8),
            new Camera(
                    "SONY",
                    "ILCE-7M3",
                    "FE 28-70mm F3.5-5.6 OSS",
                    "ILCE-7M3 v3.10",
                    ByteOrder.LITTLE_ENDIAN,
                    "DSC",
                    ".JPG",
                    28,
                    70,
                    3.5),
            new Camera(
                    "FUJIFILM",
                    "X-T4",
                    "XF18-55mmF2.8-4 R LM OIS",
                    "Digital Camera X-T4 Ver1.20",
                    ByteOrder.LITTLE_ENDIAN,
                    "DSCF",
                    ".JPG",
                    18,
                    55,
                    2.8),
            new Camera(
                    "OM Digital Solutions",
                    "OM-1",
                    "OM 12-40mm F2.8 PRO II",
                    "Version 1.6",
                    ByteOrder.LITTLE_ENDIAN,
                    "P",
                    ".JPG",
                    12,
                    40,
                    2.8),
            new Camera(
                    "Apple",
                    "iPhone 13 Pro",
                    "iPhone 13 Pro back triple camera 5.7mm f/1.5",
                    "16.3.1",
                    ByteOrder.BIG_ENDIAN,
                    "IMG_",
                    ".jpg",
                    5.7,
                    5.7,
                    1.5),
            new Camera(
                    "Google",
                    "Pixel 7",
                    "Pixel 7 back camera 6.81mm f/1.85",
                    "HDR+ 1.0.540104767zd",
                    ByteOrder.LITTLE_ENDIAN,
                    "PXL_",
                    ".jpg",
                    6.81,
                    6.81,
                    1.85),
            new Camera(
                    "samsung", "SM-G991B", null, "G991BXXU5CVLL", ByteOrder.LITTLE_ENDIAN, "", ".jpg", 5.4, 5.4, 1.8));

    private static final double[] APERTURES = {1.5, 1.8, 1.85, 2.0, 2.8, 3.5, 4.0, 5.6, 8.0, 11.0, 16.0};
    private static final int[] SHUTTER_DENOMINATORS = {4000, 2000, 1000, 500, 250, 125, 100, 60, 30, 15, 8, 4, 2, 1};
    private static final short[] ISOS = {50, 64, 100, 125, 200, 400, 800, 1600, 3200, 6400, 12800};
    /** Orientation values with camera-like frequencies: mostly upright, some rotated, a few mirrored. */
    private static final int[] ORIENTATIONS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6, 6, 6, 6, 8, 8, 3, 3, 2, 4, 5, 7};

    private static final String[] OFFSETS = {
        "+00:00", "+01:00", "+02:00", "+03:00", "+05:30", "+08:00", "+09:00", "+10:00", "-03:00", "-04:00", "-05:00",
        "-07:00", "-08:00", "+12:45"
    };
    /** Places photos cluster around: latitude, longitude, ground altitude in metres. */
    private static final double[][] PLACES = {
        {48.8584, 2.2945, 35}, {51.5007, -0.1246, 11}, {40.6892, -74.0445, 5}, {35.6586, 139.7454, 40},
        {-33.8568, 151.2153, 4}, {-22.9519, -43.2105, 700}, {27.9881, 86.9250, 5200}, {64.1466, -21.9426, 20},
        {-54.8019, -68.3030, 10}, {31.5590, 35.4732, -420}, {37.8199, -122.4783, 67}, {-33.9249, 18.4241, 1085}
    };

    /** What a file needs besides its EXIF block: its name and its modification time. */
    record Shot(Camera camera, String fileName, Instant capturedAt, byte[] tiff) {}

    private CameraExif() {}

    static Shot shoot(int index, SplittableRandom random, BaseImages.Base base) {
        Camera camera = CAMERAS.get(random.nextInt(CAMERAS.size()));
        try {
            return build(index, random, camera, base);
        } catch (ImagingException e) {
            throw new IllegalStateException("commons-imaging refused the EXIF of file " + index, e);
        }
    }

    private static Shot build(int index, SplittableRandom random, Camera camera, BaseImages.Base base)
            throws ImagingException {
        ZoneOffset offset = ZoneOffset.of(OFFSETS[random.nextInt(OFFSETS.length)]);
        boolean writesOffset = random.nextInt(4) != 0;
        long utcSecond = FIRST_SHOT + random.nextLong(LAST_SHOT - FIRST_SHOT);
        int millis = random.nextInt(1000);
        Instant capturedAt = Instant.ofEpochSecond(utcSecond, millis * 1_000_000L);
        LocalDateTime local = LocalDateTime.ofEpochSecond(utcSecond, 0, offset);
        String localTime = EXIF_TIME.format(local);

        TiffOutputSet set = new TiffOutputSet(camera.byteOrder());
        TiffOutputDirectory root = set.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_MAKE, camera.make());
        root.add(TiffTagConstants.TIFF_TAG_MODEL, camera.model());
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) ORIENTATIONS[random.nextInt(ORIENTATIONS.length)]);
        root.add(TiffTagConstants.TIFF_TAG_XRESOLUTION, new RationalNumber(72, 1));
        root.add(TiffTagConstants.TIFF_TAG_YRESOLUTION, new RationalNumber(72, 1));
        root.add(TiffTagConstants.TIFF_TAG_RESOLUTION_UNIT, (short) 2);
        root.add(TiffTagConstants.TIFF_TAG_SOFTWARE, camera.software());
        root.add(TiffTagConstants.TIFF_TAG_DATE_TIME, localTime);
        root.add(TiffTagConstants.TIFF_TAG_YCBCR_POSITIONING, (short) 1);

        TiffOutputDirectory exif = set.getOrCreateExifDirectory();
        int shutter = SHUTTER_DENOMINATORS[random.nextInt(SHUTTER_DENOMINATORS.length)];
        exif.add(ExifTagConstants.EXIF_TAG_EXPOSURE_TIME, new RationalNumber(1, shutter));
        exif.add(ExifTagConstants.EXIF_TAG_FNUMBER, RationalNumber.valueOf(aperture(random, camera)));
        exif.add(ExifTagConstants.EXIF_TAG_EXPOSURE_PROGRAM, (short) (1 + random.nextInt(4)));
        exif.add(ExifTagConstants.EXIF_TAG_ISO, ISOS[random.nextInt(ISOS.length)]);
        exif.add(new TiffOutputField(
                ExifTagConstants.EXIF_TAG_EXIF_VERSION,
                AbstractFieldType.UNDEFINED,
                4,
                "0232".getBytes(StandardCharsets.US_ASCII)));
        exif.add(new TiffOutputField(
                ExifTagConstants.EXIF_TAG_COMPONENTS_CONFIGURATION, AbstractFieldType.UNDEFINED, 4, new byte[] {
                    1, 2, 3, 0
                }));
        exif.add(new TiffOutputField(
                ExifTagConstants.EXIF_TAG_FLASHPIX_VERSION,
                AbstractFieldType.UNDEFINED,
                4,
                "0100".getBytes(StandardCharsets.US_ASCII)));
        exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, localTime);
        exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, localTime);
        if (writesOffset) {
            String id = offset.getId().equals("Z") ? "+00:00" : offset.getId();
            exif.add(OFFSET_TIME, id);
            exif.add(OFFSET_TIME_ORIGINAL, id);
            exif.add(OFFSET_TIME_DIGITIZED, id);
        }
        String subSeconds = String.format("%03d", millis);
        exif.add(ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_ORIGINAL, subSeconds);
        exif.add(ExifTagConstants.EXIF_TAG_SUB_SEC_TIME_DIGITIZED, subSeconds);
        exif.add(ExifTagConstants.EXIF_TAG_METERING_MODE, (short) 5);
        exif.add(ExifTagConstants.EXIF_TAG_FLASH, (short) (random.nextInt(5) == 0 ? 0x19 : 0x10));
        exif.add(ExifTagConstants.EXIF_TAG_FOCAL_LENGTH, focalLength(random, camera));
        exif.add(COLOR_SPACE, (short) 1);
        exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH, (short) base.width());
        exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_LENGTH, (short) base.height());
        exif.add(ExifTagConstants.EXIF_TAG_EXPOSURE_MODE, (short) 0);
        exif.add(ExifTagConstants.EXIF_TAG_WHITE_BALANCE_1, (short) random.nextInt(2));
        exif.add(ExifTagConstants.EXIF_TAG_SCENE_CAPTURE_TYPE, (short) 0);
        exif.add(ExifTagConstants.EXIF_TAG_IMAGE_UNIQUE_ID, String.format("%08X%024X", index, random.nextLong() >>> 1));
        if (camera.lens() != null) {
            exif.add(ExifTagConstants.EXIF_TAG_LENS_MAKE, camera.make().startsWith("NIKON") ? "Nikon" : camera.make());
            exif.add(ExifTagConstants.EXIF_TAG_LENS_MODEL, camera.lens());
        }

        if (random.nextBoolean()) {
            addGps(set, random, capturedAt);
        }
        if (base.thumbnail() != null) {
            addThumbnail(set, camera.byteOrder(), base.thumbnail());
        }

        ByteArrayOutputStream tiff =
                new ByteArrayOutputStream(2048 + (base.thumbnail() == null ? 0 : base.thumbnail().length));
        try {
            new TiffImageWriterLossy(camera.byteOrder()).write(tiff, set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Shot(camera, fileName(camera, index, local, millis), capturedAt, tiff.toByteArray());
    }

    private static void addGps(TiffOutputSet set, SplittableRandom random, Instant capturedAt) throws ImagingException {
        double[] place = PLACES[random.nextInt(PLACES.length)];
        double latitude = place[0] + (random.nextDouble() - 0.5) * 0.2;
        double longitude = place[1] + (random.nextDouble() - 0.5) * 0.2;
        double altitude = place[2] + random.nextDouble() * 30;
        TiffOutputDirectory gps = set.getOrCreateGpsDirectory();
        gps.add(GpsTagConstants.GPS_TAG_GPS_VERSION_ID, (byte) 2, (byte) 3, (byte) 0, (byte) 0);
        set.setGpsInDegrees(longitude, latitude);
        gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF, (byte) (altitude < 0 ? 1 : 0));
        gps.add(
                GpsTagConstants.GPS_TAG_GPS_ALTITUDE,
                new RationalNumber((int) Math.round(Math.abs(altitude) * 100), 100));
        LocalDateTime utc = LocalDateTime.ofInstant(capturedAt, ZoneOffset.UTC);
        gps.add(
                GpsTagConstants.GPS_TAG_GPS_TIME_STAMP,
                new RationalNumber(utc.getHour(), 1),
                new RationalNumber(utc.getMinute(), 1),
                new RationalNumber(utc.getSecond(), 1));
        gps.add(GpsTagConstants.GPS_TAG_GPS_DATE_STAMP, GPS_DATE.format(utc));
    }

    private static void addThumbnail(TiffOutputSet set, ByteOrder byteOrder, byte[] jpeg) throws ImagingException {
        TiffOutputDirectory ifd1 = new TiffOutputDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1, byteOrder);
        ifd1.add(TiffTagConstants.TIFF_TAG_COMPRESSION, (short) 6);
        ifd1.add(TiffTagConstants.TIFF_TAG_XRESOLUTION, new RationalNumber(72, 1));
        ifd1.add(TiffTagConstants.TIFF_TAG_YRESOLUTION, new RationalNumber(72, 1));
        ifd1.add(TiffTagConstants.TIFF_TAG_RESOLUTION_UNIT, (short) 2);
        ifd1.setJpegImageData(new JpegImageData(0, jpeg.length, jpeg));
        set.addDirectory(ifd1);
    }

    private static double aperture(SplittableRandom random, Camera camera) {
        if (camera.focalMin() == camera.focalMax() && camera.focalMin() < 10) {
            return camera.widestAperture(); // phones have a fixed aperture
        }
        double f;
        do {
            f = APERTURES[random.nextInt(APERTURES.length)];
        } while (f < camera.widestAperture());
        return f;
    }

    private static RationalNumber focalLength(SplittableRandom random, Camera camera) {
        double mm = camera.focalMin() + random.nextDouble() * (camera.focalMax() - camera.focalMin());
        return new RationalNumber((int) Math.round(mm * 100), 100);
    }

    private static String fileName(Camera camera, int index, LocalDateTime local, int millis) {
        return switch (camera.make()) {
                    case "Google" ->
                        String.format("PXL_%1$tY%1$tm%1$td_%1$tH%1$tM%1$tS%2$03d_%3$06d", local, millis, index);
                    case "samsung" -> String.format("%1$tY%1$tm%1$td_%1$tH%1$tM%1$tS_%2$06d", local, index);
                    default -> camera.filePrefix() + String.format("%06d", index);
                }
                + camera.extension();
    }
}
