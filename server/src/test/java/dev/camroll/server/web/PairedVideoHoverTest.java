package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.MotionPhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * A Motion Photo (Google's format, its MP4 appended after the JPEG as {@link MotionPhotoFiles}
 * builds it) plays its video over its tile while the pointer rests there, and stops when it leaves.
 */
class PairedVideoHoverTest {
    @TempDir
    Path root;

    @TempDir
    Path scratch;

    @Test
    void aMotionPhotoPlaysItsVideoOnHover() throws Exception {
        Assumptions.assumeTrue(TestMedia.hasEncoder("libopenh264"), "no H.264 encoder in this FFmpeg");
        Path clip = TestMedia.video(scratch.resolve("clip.mp4"), 3, 160, 120, "mp4", "libopenh264", null);
        MotionPhotoFiles.google(root.resolve("PXL_0001.MP.jpg"), Files.readAllBytes(clip), Files.size(clip));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            WebElement tile = browser.awaitVisible(".tile");
            assertThat(tile.getText()).contains("LIVE");
            browser.js("document.querySelector('.tile').dispatchEvent(new MouseEvent('mouseenter'))");
            browser.await(
                    "the paired video to play over the tile",
                    () -> (Boolean) browser.js("const v = document.querySelector('.tile .paired-video');"
                            + " return !!v && v.currentSrc.includes('/paired-video') && v.currentTime > 0.2"));
            browser.screenshot("paired-video-hover");
            browser.js("document.querySelector('.tile').dispatchEvent(new MouseEvent('mouseleave'))");
            assertThat((Boolean) browser.js("return document.querySelector('.tile .paired-video') === null"))
                    .isTrue();
        }
    }
}
