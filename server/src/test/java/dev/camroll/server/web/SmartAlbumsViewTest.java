package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The albums view lists the smart albums that hold something, each with its count, and one
 * opens its assets: over a library with a Live Photo (an iPhone's JPEG and MOV, {@link
 * LivePhotoFiles}), a screenshot as iOS names them, a video and plain photos.
 */
class SmartAlbumsViewTest {
    @TempDir
    Path root;

    @Test
    void smartAlbumsAreListedWithTheirCountsAndOpenTheirAssets() {
        String identifier = "6C1E8E9C-4A1B-4F5E-9A43-2E1B5C0D7F21";
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0001.JPG"), identifier);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0001.MOV"), identifier, 1.5);
        TestMedia.png(root.resolve("DCIM/Screenshot 2024-03-12 at 10.00.00.png"), 60, 120);
        TestMedia.video(root.resolve("DCIM/clip.mp4"), 2, 64, 48);
        TestMedia.jpeg(root.resolve("DCIM/plain-1.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("DCIM/plain-2.jpg"), 30, 40);
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/albums");
            browser.await("the smart albums", () -> !browser.all(".smart-albums .album-card")
                    .isEmpty());
            @SuppressWarnings("unchecked")
            List<String> cards = (List<String>) browser.js("return [...document.querySelectorAll('.smart-albums"
                    + " .album-card')].map(c => c.getAttribute('aria-label'))");
            // Favorites is always listed, as on a phone; Bursts, Panoramas and the rest are empty, so not.
            assertThat(cards)
                    .containsExactlyInAnyOrder(
                            "Favorites, 0 items", "Videos, 1 item", "Live Photos, 1 item", "Screenshots, 1 item");
            assertThat(browser.text(".smart-albums")).contains("Live Photos").contains("1 item");
            browser.screenshot("smart-albums");

            browser.click(".smart-albums .album-card[href='#/album/smart-live-photos']");
            browser.await("the Live Photos album", () -> browser.text(".view-header h1")
                    .equals("Live Photos"));
            browser.await("its one photo", () -> browser.all(".tile").size() == 1);
            assertThat(browser.find(".tile").getAttribute("aria-label")).startsWith("IMG_0001.JPG, Live Photo");
            assertThat(browser.text(".view-header .count")).isEqualTo("1 item");
            assertThat(browser.all("#album-rename"))
                    .as("a smart album cannot be renamed")
                    .isEmpty();

            browser.driver.navigate().back();
            browser.click(".smart-albums .album-card[href='#/album/smart-screenshots']");
            browser.await("the Screenshots album", () -> browser.text(".view-header h1")
                    .equals("Screenshots"));
            browser.await("the screenshot", () -> browser.all(".tile").size() == 1);
            assertThat(browser.find(".tile").getAttribute("aria-label")).startsWith("Screenshot 2024-03-12");
        }
    }
}
