package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.WebElement;

/** Upload through the file input: several files, each with its progress, a refused one with the server's words. */
class UploadTest {
    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void uploadsTwoFilesAndShowsTheRefusalOfAThirdBesideThem(Browser.Screen screen) throws Exception {
        Pictures.write(root, 2, Instant.parse("2026-01-01T10:00:00Z"), Duration.ofHours(1));
        List<Path> chosen = Pictures.write(elsewhere.resolve("chosen"), 2, Instant.now(), Duration.ofMinutes(1));
        Path refused = Files.writeString(elsewhere.resolve("notes.jpg"), "not a picture at all");
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            browser.await("two tiles", () -> browser.all(".tile").size() == 2);

            browser.find("#file-input").sendKeys(chosen.get(0) + "\n" + refused + "\n" + chosen.get(1));
            browser.await(
                    "three uploads listed and finished",
                    () -> browser.all("#upload-list .upload").size() == 3
                            && browser.all("#upload-list .upload.done, #upload-list .upload.failed")
                                            .size()
                                    == 3);
            List<WebElement> uploads = browser.all("#upload-list .upload");
            assertThat(uploads.get(0).getAttribute("class")).contains("done");
            assertThat(uploads.get(2).getAttribute("class")).contains("done");
            assertThat(uploads.get(1).getAttribute("class")).contains("failed");
            assertThat(uploads.get(1).getDomAttribute("data-code")).isEqualTo("not_media");
            assertThat(uploads.get(1).getText()).contains("notes.jpg").contains("not");
            assertThat(uploads.get(0)
                            .findElement(org.openqa.selenium.By.cssSelector("progress"))
                            .getDomProperty("value"))
                    .isEqualTo("1");

            // The event stream brings them into the grid, with no reload.
            browser.await("four tiles", () -> browser.all(".tile").size() == 4);
            browser.screenshot("uploads");
            assertThat(served.library
                            .getAssets(AssetQuery.builder()
                                    .first(10)
                                    .mediaTypes(MediaType.PHOTO)
                                    .build())
                            .totalCount())
                    .isEqualTo(4);
        }
    }
}
