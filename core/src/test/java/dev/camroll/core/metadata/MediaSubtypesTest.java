package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.metadata.PhoneMarkers.Entry;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subtypes from the markers phones write: real camera files, and files with the exact markers. */
class MediaSubtypesTest {

    private static final String GOOGLE = "xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\""
            + " xmlns:Container=\"http://ns.google.com/photos/1.0/container/\""
            + " xmlns:Item=\"http://ns.google.com/photos/1.0/container/item/\"";

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @Test
    void anIphoneLivePhotoStillCarriesItsContentIdentifier() {
        MediaFacts live = facts(probe, TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC"));
        MediaFacts still = facts(probe, TestMedia.corpus("exif-samples/heic/mobile/iphone_13_pro_max.HEIC"));

        assertThat(live.subtypes()).contains(MediaSubtype.LIVE_PHOTO).doesNotContain(MediaSubtype.BURST);
        assertThat(still.subtypes()).doesNotContain(MediaSubtype.LIVE_PHOTO);
    }

    @Test
    void anIphoneHdrPhotoIsHdrAndTheOriginalKeptBesideItIsNot() {
        assertThat(facts(probe, TestMedia.corpus("exif-samples/jpg/hdr/iphone_hdr_YES.jpg"))
                        .subtypes())
                .contains(MediaSubtype.HDR);
        assertThat(facts(probe, TestMedia.corpus("exif-samples/jpg/hdr/iphone_hdr_NO.jpg"))
                        .subtypes())
                .doesNotContain(MediaSubtype.HDR);
    }

    @Test
    void cameraFilesWithoutMarkersHaveNoSubtype() {
        for (String name : List.of("jpg/Canon_40D.jpg", "jpg/Nikon_D70.jpg", "jpg/gps/DSCN0010.jpg")) {
            assertThat(facts(probe, TestMedia.corpus("exif-samples/" + name)).subtypes())
                    .as(name)
                    .isEmpty();
        }
    }

    @Test
    void appleMakerNoteMarksLivePhotoBurstAndPortrait() throws IOException {
        byte[] makerNote = PhoneMarkers.appleMakerNote(List.of(
                Entry.ascii(0x0011, "570F1469-09C7-4E50-9875-05F21D5BD166"),
                Entry.ascii(0x000B, "2B1F57C4-5A41-4D1A-9E2C-7B1C0D8E6F11"),
                Entry.slong(0x0014, SubtypeMarkers.APPLE_CAPTURE_PORTRAIT)));
        Path file = write(
                "IMG_0001.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(Entry.undefined(0x927C, makerNote)))));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.subtypes())
                .containsExactlyInAnyOrder(MediaSubtype.LIVE_PHOTO, MediaSubtype.BURST, MediaSubtype.DEPTH_EFFECT);
        assertThat(facts.burstId()).isEqualTo("2B1F57C4-5A41-4D1A-9E2C-7B1C0D8E6F11");
    }

    @Test
    void appleCaptureTypeOfAPlainPhotoIsNotPortrait() throws IOException {
        byte[] makerNote = PhoneMarkers.appleMakerNote(List.of(Entry.slong(0x0014, 10), Entry.slong(0x000A, 4)));
        Path file = write(
                "IMG_0002.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(Entry.undefined(0x927C, makerNote)))));

        assertThat(facts(probe, file).subtypes()).isEmpty();
        assertThat(facts(probe, file).burstId()).isNull();
    }

    @Test
    void theUserCommentOfAnIosScreenshotMarksItWhateverItsName() throws IOException {
        Path shot = write(
                "IMG_0003.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(
                        List.of(Entry.undefined(0x9286, PhoneMarkers.userComment("Screenshot"))))));
        Path other = write(
                "IMG_0004.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(
                        List.of(Entry.undefined(0x9286, PhoneMarkers.userComment("Holiday"))))));

        assertThat(facts(probe, shot).subtypes()).containsExactly(MediaSubtype.SCREENSHOT);
        assertThat(facts(probe, other).subtypes()).isEmpty();
    }

    @Test
    void theLensModelOfAFrontCameraMarksASelfie() throws IOException {
        // An iPhone's MakerNote sends it to the full reader; a Pixel's dated file takes the fast path.
        byte[] makerNote = PhoneMarkers.appleMakerNote(List.of(Entry.slong(0x0014, 10)));
        Path iphone = write(
                "IMG_0005.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(
                        Entry.ascii(0xA434, "iPhone 13 front camera 2.71mm f/2.2"),
                        Entry.undefined(0x927C, makerNote)))));
        Path pixel = write(
                "PXL_20240506_070812000.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(
                        Entry.ascii(0x9003, "2024:05:06 07:08:12"),
                        Entry.ascii(0xA434, "Pixel 7 front camera 2.74mm f/2.2")))));
        Path back = write(
                "PXL_20240506_070813000.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(
                        Entry.ascii(0x9003, "2024:05:06 07:08:13"),
                        Entry.ascii(0xA434, "Pixel 7 back camera 6.81mm f/1.85")))));

        assertThat(facts(probe, iphone).subtypes()).containsExactly(MediaSubtype.SELFIE);
        assertThat(facts(probe, pixel).subtypes()).containsExactly(MediaSubtype.SELFIE);
        assertThat(facts(probe, pixel).capturedAt()).isNotNull();
        assertThat(facts(probe, back).subtypes()).isEmpty();
    }

    @Test
    void googleMotionPhotoXmpMarksAMotionPhoto() throws IOException {
        Path flag = write(
                "PXL_1.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.xmpSegment(
                        GOOGLE, "GCamera:MotionPhoto=\"1\" GCamera:MotionPhotoVersion=\"1\"", "")));
        Path microVideo = write(
                "MVIMG_1.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.xmpSegment(
                        GOOGLE, "GCamera:MicroVideo=\"1\" GCamera:MicroVideoOffset=\"1000\"", "")));
        Path directoryOnly = write(
                "PXL_2.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.xmpSegment(
                        GOOGLE,
                        "",
                        "<Container:Directory><rdf:Seq>"
                                + "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"image/jpeg\""
                                + " Item:Semantic=\"Primary\" Item:Length=\"0\"/></rdf:li>"
                                + "<rdf:li rdf:parseType=\"Resource\"><Container:Item Item:Mime=\"video/mp4\""
                                + " Item:Semantic=\"MotionPhoto\" Item:Length=\"1000\"/></rdf:li>"
                                + "</rdf:Seq></Container:Directory>")));
        Path off = write(
                "PXL_3.jpg", PhoneMarkers.jpegWith(PhoneMarkers.xmpSegment(GOOGLE, "GCamera:MotionPhoto=\"0\"", "")));

        Path dated = write(
                "PXL_5.jpg",
                PhoneMarkers.jpegWith(
                        PhoneMarkers.exifSegment(List.of(Entry.ascii(0x9003, "2024:05:06 07:08:12"))),
                        PhoneMarkers.xmpSegment(GOOGLE, "GCamera:MotionPhoto=\"1\"", "")));

        assertThat(facts(probe, flag).subtypes()).containsExactly(MediaSubtype.MOTION_PHOTO);
        assertThat(facts(probe, dated).subtypes()).containsExactly(MediaSubtype.MOTION_PHOTO);
        assertThat(facts(probe, dated).capturedAt()).isNotNull();
        assertThat(facts(probe, microVideo).subtypes()).containsExactly(MediaSubtype.MOTION_PHOTO);
        assertThat(facts(probe, directoryOnly).subtypes()).containsExactly(MediaSubtype.MOTION_PHOTO);
        assertThat(facts(probe, off).subtypes()).isEmpty();
    }

    @Test
    void googleDepthAndPanoramaXmpMarkPortraitAndPanorama() throws IOException {
        Path depth = write(
                "PXL_4.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.xmpSegment(
                        "xmlns:GDepth=\"http://ns.google.com/photos/1.0/depthmap/\"",
                        "GDepth:Format=\"RangeInverse\" GDepth:Near=\"0.5\" GDepth:Far=\"4\" GDepth:Mime=\"image/jpeg\"",
                        "")));
        Path sphere = write(
                "PANO_1.jpg",
                PhoneMarkers.jpegWith(PhoneMarkers.xmpSegment(
                        "xmlns:GPano=\"http://ns.google.com/photos/1.0/panorama/\"",
                        "GPano:ProjectionType=\"equirectangular\" GPano:UsePanoramaViewer=\"True\"",
                        "")));

        assertThat(facts(probe, depth).subtypes()).containsExactly(MediaSubtype.DEPTH_EFFECT);
        assertThat(facts(probe, sphere).subtypes()).containsExactly(MediaSubtype.PANORAMA);
    }

    @Test
    void samsungTrailerWithMotionPhotoDataMarksAMotionPhoto() throws IOException {
        byte[] video = TestMediaBytes.someMp4Bytes();
        Path motion = write(
                "20240506_070809.jpg",
                PhoneMarkers.concat(
                        PhoneMarkers.jpegWith(),
                        PhoneMarkers.samsungTrailer(SamsungTrailer.MOTION_PHOTO_TYPE, "MotionPhoto_Data", video)));
        Path otherBlock = write(
                "20240506_070810.jpg",
                PhoneMarkers.concat(
                        PhoneMarkers.jpegWith(),
                        PhoneMarkers.samsungTrailer(
                                0x0001, "Image_UTC_Data", "1715000000000".getBytes(StandardCharsets.US_ASCII))));
        Path truncated = write(
                "20240506_070811.jpg",
                PhoneMarkers.concat(PhoneMarkers.jpegWith(), "garbage SEFT".getBytes(StandardCharsets.US_ASCII)));

        // With a capture time the scan's fast JPEG path reads the file: it checks the trailer too.
        Path dated = write(
                "20240506_070812.jpg",
                PhoneMarkers.concat(
                        PhoneMarkers.jpegWith(
                                PhoneMarkers.exifSegment(List.of(Entry.ascii(0x9003, "2024:05:06 07:08:12")))),
                        PhoneMarkers.samsungTrailer(SamsungTrailer.MOTION_PHOTO_TYPE, "MotionPhoto_Data", video)));

        assertThat(facts(probe, motion).subtypes()).containsExactly(MediaSubtype.MOTION_PHOTO);
        assertThat(facts(probe, dated).subtypes()).containsExactly(MediaSubtype.MOTION_PHOTO);
        assertThat(facts(probe, dated).capturedAt()).isNotNull();
        assertThat(facts(probe, otherBlock).subtypes()).isEmpty();
        assertThat(facts(probe, truncated).subtypes()).isEmpty();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    /** The bytes of a real MP4, as a Samsung camera appends its clip. */
    private final class TestMediaBytes {
        static byte[] someMp4Bytes() throws IOException {
            return Files.readAllBytes(TestMedia.video(Files.createTempFile("clip", ".mp4"), 0.2, 32, 32));
        }
    }
}
