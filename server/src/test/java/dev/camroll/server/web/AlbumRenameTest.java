package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Renaming an album in its view: a taken name is refused in the dialog, a free one renames it in place. */
class AlbumRenameTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void theAlbumViewRenamesItsAlbumKeepingItsIdAndAssets(Browser.Screen screen) {
        Pictures.write(root.resolve("Trips"), 3, Instant.parse("2026-05-10T09:00:00Z"), Duration.ofHours(1));
        Pictures.write(root.resolve("Work"), 1, Instant.parse("2026-04-10T09:00:00Z"), Duration.ofHours(1));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            Album trips = served.library.getAlbum("Trips");
            served.signIn(browser, "#/album/" + trips.id());
            browser.await("the album's assets", () -> browser.all(".tile").size() == 3);
            browser.await("its title", () -> browser.text(".view-header h1").equals("Trips"));

            browser.awaitVisible("#album-rename").click();
            WebElement input = browser.awaitVisible("#rename-title");
            assertThat(input.getDomProperty("value")).isEqualTo("Trips");
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Work", Keys.ENTER);
            browser.await("the server's refusal in the dialog", () -> browser.text("#rename-error")
                    .contains("named Work already"));
            assertThat(browser.find("#rename-dialog").isDisplayed()).isTrue();
            browser.screenshot("album-rename-taken");
            assertThat(served.library.getAlbum("Trips").id()).isEqualTo(trips.id());

            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Italy 2026", Keys.ENTER);
            browser.await("the new title", () -> browser.text(".view-header h1").equals("Italy 2026"));
            assertThat(browser.find("#rename-dialog").isDisplayed()).isFalse();
            Album renamed = served.library.getAlbum("Italy 2026");
            assertThat(renamed.id()).isEqualTo(trips.id());
            assertThat(renamed.assetCount()).isEqualTo(3);
            assertThat(root.resolve("Italy 2026")).isDirectory();
            assertThat(root.resolve("Trips")).doesNotExist();
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/album/" + trips.id());
            browser.await("the assets still shown", () -> browser.all(".tile").size() == 3);
            browser.screenshot("album-renamed");

            browser.find(".nav a[data-view=albums]").click();
            browser.await("the album list's new name", () -> browser.text(".album-grid")
                    .contains("Italy 2026"));
            assertThat(browser.text(".album-grid")).doesNotContain("Trips");
        }
    }
}
