package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.metadata.PhoneMarkers;
import dev.camroll.core.metadata.PhoneMarkers.Entry;
import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.MotionPhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each tile says what a phone's badge says, in words a screen reader reads too: a Live Photo (an
 * iPhone's JPEG and MOV with one content identifier), a Motion Photo (Google's XMP directory and
 * the MP4 after the JPEG, {@link MotionPhotoFiles}), a burst shot (Apple's MakerNote BurstUUID,
 * 0x000B), a panorama (3,000 px long, three times as long as high), a raw file (a DNG laid out as
 * cameras write it, with its JPEG preview), a slow-motion and a time-lapse clip (Android's
 * {@code com.android.capture.fps} against a stream of 10 frames a second) and a plain video.
 */
class TileBadgesTest {
    @TempDir
    Path root;

    @TempDir
    Path scratch;

    @Test
    void tilesCarryTheBadgesOfTheirSubtypesWithAccessibleText() throws Exception {
        String identifier = "0B4F7C1D-2E3A-4B5C-8D9E-0F1A2B3C4D5E";
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0001.JPG"), identifier);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0001.MOV"), identifier, 1.5);
        byte[] makerNote =
                PhoneMarkers.appleMakerNote(List.of(Entry.ascii(0x000B, "9A8B7C6D-1111-2222-3333-444455556666")));
        Files.write(
                root.resolve("DCIM/IMG_0002.JPG"),
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(Entry.undefined(0x927C, makerNote)))));
        byte[] mp4 = MotionPhotoFiles.mp4(scratch.resolve("clip.mp4"));
        MotionPhotoFiles.google(root.resolve("DCIM/PXL_0005.MP.jpg"), mp4, mp4.length);
        TestMedia.jpeg(root.resolve("DCIM/PANO_0003.jpg"), 3000, 1000);
        Files.write(
                root.resolve("DCIM/IMG_0004.DNG"),
                RawAndTiffTest.rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480)));
        TestMedia.video(
                root.resolve("DCIM/slowmo.mp4"),
                1,
                32,
                32,
                TestMedia.VideoSpec.PLAIN.withTag("com.android.capture.fps", "240.000000"));
        TestMedia.video(
                root.resolve("DCIM/timelapse.mp4"),
                1,
                32,
                32,
                TestMedia.VideoSpec.PLAIN.withTag("com.android.capture.fps", "2.000000"));
        TestMedia.video(root.resolve("DCIM/clip.mp4"), 65, 32, 32);
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            browser.await("every tile", () -> browser.all(".tile").size() == 8);
            Map<String, List<String>> badges = badges(browser);
            assertThat(badges)
                    .containsEntry("IMG_0001.JPG", List.of("LIVE|Live Photo"))
                    .containsEntry("PXL_0005.MP.jpg", List.of("LIVE|Motion Photo"))
                    .containsEntry("IMG_0002.JPG", List.of("BURST|Burst photo"))
                    .containsEntry("PANO_0003.jpg", List.of("PANO|Panorama"))
                    .containsEntry("IMG_0004.DNG", List.of("RAW|RAW photo"))
                    .containsEntry("slowmo.mp4", List.of("SLO-MO|Slo-mo video", "▶ 0:01|Video, 0:01"))
                    .containsEntry("timelapse.mp4", List.of("TIME-LAPSE|Time-lapse video", "▶ 0:01|Video, 0:01"))
                    .containsEntry("clip.mp4", List.of("▶ 1:05|Video, 1:05"));
            // The tile's own label, which a screen reader says for the cell, names them too.
            assertThat(label(browser, "IMG_0001.JPG")).startsWith("IMG_0001.JPG, Live Photo, ");
            assertThat(label(browser, "slowmo.mp4")).startsWith("slowmo.mp4, Slo-mo video, Video, 0:01, ");
            browser.screenshot("tile-badges");
        }
    }

    /** Each tile's badges as "text|label" (the label also its title), by file name. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> badges(Browser browser) {
        List<List<Object>> tiles = (List<List<Object>>)
                browser.js(
                        "return [...document.querySelectorAll('.tile')].map(t =>"
                                + " [t.getAttribute('aria-label').split(', ')[0], [...t.querySelectorAll('.badge')].map(b =>"
                                + " b.textContent + '|' + b.getAttribute('aria-label') + (b.title === b.getAttribute('aria-label') ? '' : '|title ' + b.title))])");
        return tiles.stream()
                .collect(Collectors.toMap(tile -> (String) tile.get(0), tile -> (List<String>) tile.get(1)));
    }

    private static String label(Browser browser, String filename) {
        return (String) browser.js(
                "return [...document.querySelectorAll('.tile')].map(t => t.getAttribute('aria-label'))"
                        + ".find(l => l.startsWith(arguments[0] + ', '))",
                filename);
    }
}
