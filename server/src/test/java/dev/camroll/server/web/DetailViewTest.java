package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.WebElement;

/**
 * The detail view: a video that plays and seeks, a photo's facts with its place on a map, all its
 * EXIF on demand, a sound's tags and cover.
 */
class DetailViewTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void aVideoPlaysAndSeeks(Browser.Screen screen) throws Exception {
        Assumptions.assumeTrue(TestMedia.hasEncoder("libvpx"), "no VP8 encoder in this FFmpeg");
        Path video = TestMedia.video(root.resolve("clip.webm"), 4, 320, 240);
        Files.setLastModifiedTime(video, FileTime.from(Instant.parse("2026-02-01T10:00:00Z")));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            WebElement tile = browser.awaitVisible(".tile");
            assertThat(tile.getText()).contains("0:04");
            tile.click();
            browser.awaitVisible("#viewer video");
            browser.await("the video's source", () -> (Boolean) browser.js(
                    "const v = document.querySelector('#viewer video'); return !!v.currentSrc && v.readyState >= 1"));
            browser.js("const v = document.querySelector('#viewer video'); v.muted = true; v.play();");
            browser.await("the video to play", () ->
                    (Boolean) browser.js("return document.querySelector('#viewer video').currentTime > 0.3"));
            browser.js(
                    "document.querySelector('#viewer video').pause(); document.querySelector('#viewer video').currentTime = 3.0;");
            browser.await(
                    "the seek to 3 s",
                    () -> (Boolean)
                            browser.js(
                                    "const v = document.querySelector('#viewer video'); return !v.seeking && Math.abs(v.currentTime - 3.0) < 0.2"));
            browser.js("document.querySelector('#viewer video').play();");
            browser.await("the video to play on from there", () ->
                    (Boolean) browser.js("return document.querySelector('#viewer video').currentTime > 3.2"));
            browser.screenshot("video");
        }
    }

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void aSoundShowsItsTagsAndItsCoverArt(Browser.Screen screen) {
        // ID3v2.3 frames (TIT2, TPE1, TALB, TRCK, TYER) and an APIC picture, as FFmpeg's MP3 muxer writes them.
        TestMedia.audio(
                root.resolve("track03.mp3"),
                1.0,
                TestMedia.AudioSpec.PLAIN
                        .withCoverArt()
                        .withTag("title", "Clair de lune")
                        .withTag("artist", "Claude Debussy")
                        .withTag("album", "Suite bergamasque")
                        .withTag("track", "3/4")
                        .withTag("date", "1905"));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            browser.awaitVisible(".tile").click();
            String facts = browser.await("the tags", () -> {
                String pairs = (String) browser.js("return [...document.querySelectorAll('#viewer .facts dt')]"
                        + ".map((d) => d.textContent + '=' + d.nextElementSibling.textContent).join('|')");
                return pairs.contains("Artist=") ? pairs : null;
            });
            assertThat(facts.split("\\|"))
                    .contains(
                            "Title=Clair de lune",
                            "Artist=Claude Debussy",
                            "Album=Suite bergamasque",
                            "Track=3",
                            "Year=1905");
            assertThat(browser.text("#viewer .audio"))
                    .contains("Clair de lune · Claude Debussy")
                    .contains("Suite bergamasque (1905)");
            browser.await(
                    "the cover art as the sound's picture",
                    () -> (Boolean) browser.js("const i = document.querySelector('#viewer .audio img.cover');"
                            + " return !!i && i.src.includes('/thumbnail') && i.complete && i.naturalWidth > 0"));
            assertThat(browser.find("#viewer .audio img.cover").getDomAttribute("alt"))
                    .isEqualTo("Cover of Suite bergamasque");
            browser.screenshot("sound-tags");
        }
    }

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void aPhotosFactsLinkItsPlaceToAMapAndShowEveryTagOnDemand(Browser.Screen screen) {
        TestMedia.jpegWithExif(
                root.resolve("eiffel.jpg"),
                640,
                480,
                TestMedia.ExifSpec.builder()
                        .make("Canon")
                        .model("Canon EOS 40D")
                        .dateTimeOriginal(LocalDateTime.parse("2025-07-14T21:30:00"))
                        .gps(48.8584, 2.2945)
                        .build());
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            browser.awaitVisible(".tile").click();
            String facts = browser.await("the facts", () -> {
                String text = browser.text("#viewer .facts");
                return text.contains("Camera") ? text : null;
            });
            assertThat(facts).contains("640 × 480", "Canon EOS 40D", "48.85840, 2.29450");
            // The make is not said twice when the model repeats it.
            assertThat(facts).doesNotContain("Canon Canon");
            WebElement map = browser.find("#viewer a.map");
            assertThat(map.getDomProperty("href"))
                    .startsWith("https://www.openstreetmap.org/?mlat=48.858400&mlon=2.294500");
            assertThat(map.getDomAttribute("rel")).contains("noreferrer");
            assertThat(browser.all("#viewer .exif h3")).isEmpty();
            browser.find("#viewer .exif summary").click();
            browser.await("every tag", () -> browser.all("#viewer .exif h3").size() > 1);
            assertThat(browser.find("#viewer .exif").getText()).contains("GPS");
            browser.screenshot("photo-facts");

            // Zoom: the original at its full size.
            browser.find("#viewer .photo").click();
            browser.await(
                    "the original", () -> (Boolean) browser.js("const i = document.querySelector('#viewer .photo');"
                            + " return i.src.endsWith('/original') && i.complete && i.naturalWidth === 640"));
        }
    }
}
