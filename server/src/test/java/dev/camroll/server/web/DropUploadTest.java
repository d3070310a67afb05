package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;
import dev.camroll.server.http.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Files dropped on the page: Selenium cannot drag files from the desktop, so the page is given
 * the drag events a drop of real files dispatches, with a DataTransfer built in the page from
 * the files' bytes. Two pictures arrive, each with its progress; a file that is not media and one
 * over the server's upload limit each show their own reason, "too large" for the second, and
 * neither stops the others.
 */
class DropUploadTest {
    private static final long LIMIT = 200_000;

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void droppedFilesUploadEachWithItsProgressOrItsReason(Browser.Screen screen) throws Exception {
        Pictures.write(root, 2, Instant.parse("2026-01-01T10:00:00Z"), Duration.ofHours(1));
        List<Path> pictures = Pictures.write(elsewhere, 2, Instant.now(), Duration.ofMinutes(1));
        try (WebLibrary served = WebLibrary.serve(root, ServerOptions.defaults().withUploadLimit(LIMIT));
                Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            browser.await("two tiles", () -> browser.all(".tile").size() == 2);

            byte[] big = new byte[(int) LIMIT + 50_000];
            System.arraycopy(Files.readAllBytes(pictures.get(0)), 0, big, 0, (int) Files.size(pictures.get(0)));
            List<List<String>> files = List.of(
                    List.of("first.jpg", base64(Files.readAllBytes(pictures.get(0)))),
                    List.of("notes.jpg", base64("not a picture at all".getBytes())),
                    List.of("huge.jpg", base64(big)),
                    List.of("second.jpg", base64(Files.readAllBytes(pictures.get(1)))));

            // What a drop of files gives the page: dragenter and dragover, then drop, on the page.
            browser.js("""
                    const files = arguments[0].map(([name, data]) => new File(
                        [Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'image/jpeg' }));
                    const transfer = new DataTransfer();
                    files.forEach((file) => transfer.items.add(file));
                    window.droppedTransfer = transfer;
                    const target = document.querySelector('#scroller');
                    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
                    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
                    """, files);
            browser.await("the drop zone", () -> browser.find("#drop-zone").isDisplayed());
            browser.screenshot("drop-zone");
            browser.js("""
                    document.querySelector('#scroller').dispatchEvent(new DragEvent('drop',
                        { dataTransfer: window.droppedTransfer, bubbles: true, cancelable: true }));
                    """);
            assertThat(browser.find("#drop-zone").isDisplayed()).isFalse();

            browser.await(
                    "four uploads listed and finished",
                    () -> browser.all("#upload-list .upload").size() == 4
                            && browser.all("#upload-list .upload.done, #upload-list .upload.failed")
                                            .size()
                                    == 4);
            List<WebElement> uploads = browser.all("#upload-list .upload");
            assertThat(uploads)
                    .extracting(WebElement::getText)
                    .satisfiesExactly(
                            first -> assertThat(first).contains("first.jpg"),
                            notes -> assertThat(notes).contains("notes.jpg"),
                            huge -> assertThat(huge).contains("huge.jpg"),
                            second -> assertThat(second).contains("second.jpg"));
            for (int done : new int[] {0, 3}) {
                assertThat(uploads.get(done).getDomAttribute("class")).contains("done");
                assertThat(uploads.get(done)
                                .findElement(By.cssSelector("progress"))
                                .getDomProperty("value"))
                        .isEqualTo("1");
            }
            assertThat(uploads.get(1).getDomAttribute("class")).contains("failed");
            assertThat(uploads.get(1).getDomAttribute("data-code")).isEqualTo("not_media");
            assertThat(uploads.get(2).getDomAttribute("class")).contains("failed");
            assertThat(uploads.get(2).getDomAttribute("data-code")).isEqualTo("too_large");
            assertThat(uploads.get(2).getText()).contains("too large").contains("195 KB");
            browser.screenshot("drop-uploads");

            browser.await("four tiles", () -> browser.all(".tile").size() == 4);
            assertThat(served.library
                            .getAssets(AssetQuery.builder()
                                    .first(10)
                                    .mediaTypes(MediaType.PHOTO)
                                    .build())
                            .totalCount())
                    .isEqualTo(4);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
