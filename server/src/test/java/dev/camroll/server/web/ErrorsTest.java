package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/** Errors a person can act on: a thumbnail that cannot be made, a server that goes away and comes back. */
class ErrorsTest {
    @TempDir
    Path root;

    @Test
    void anAssetWithoutAThumbnailShowsItsNameInItsPlace() {
        // Sound without cover art has no picture to show.
        TestMedia.audio(root.resolve("birdsong.mp3"), 2);
        Pictures.write(root, 2, Instant.parse("2026-01-01T10:00:00Z"), Duration.ofHours(1));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            browser.await(
                    "the placeholder", () -> browser.text(".tile.broken .name").equals("birdsong.mp3"));
            assertThat(browser.all(".tile.broken")).hasSize(1);
            assertThat(browser.all(".tile img")).hasSize(2);
            browser.screenshot("no-thumbnail");
        }
    }

    @Test
    void aServerGoneShowsABannerAndItsReturnLeadsBackThroughSignIn() {
        Pictures.write(root, 3, Instant.parse("2026-01-01T10:00:00Z"), Duration.ofHours(1));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/albums");
            browser.awaitVisible(".albums-page");
            served.stopServer();
            browser.await(
                    "the banner",
                    () -> browser.find("#banner").isDisplayed()
                            && browser.text("#banner").contains("cannot be reached"));
            browser.screenshot("server-gone");

            // A restarted server has forgotten its sessions: sign in again, and be back on the albums.
            served.startServerAgain();
            browser.await("the sign-in page once the server answers", Duration.ofSeconds(20), () -> browser.driver
                    .getCurrentUrl()
                    .contains("/owner/sign-in"));
            browser.awaitVisible("#password").sendKeys(WebLibrary.PASSWORD, Keys.ENTER);
            browser.awaitVisible(".albums-page");
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/albums");
        }
    }
}
