package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConfirmationRequiredException;
import dev.camroll.core.access.Grant;
import dev.camroll.core.library.LocalMediaLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The confirmation page in a real browser: an app that sees everything asks to delete two items it
 * did not create; nothing is done until the owner answers; the owner confirms one, which goes to
 * the trash, and declines the other, which stays.
 */
class ConfirmationPageTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void theOwnerConfirmsOneDeleteAndDeclinesAnother(Browser.Screen screen) {
        Pictures.write(root, 3, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            AppId appId = library.apps().add("Cleaner").id();
            AppGrants grants = library.grants();
            grants.set(appId, Grant.all(Set.of(GranularPermission.PHOTO), false));
            List<String> ids = ids(library);
            String confirmed = ids.get(0);
            String declined = ids.get(1);
            MediaLibrary app = library.forApp(appId);
            String confirmRequest = catchThrowableOfType(
                            ConfirmationRequiredException.class, () -> app.deleteAssets(List.of(confirmed)))
                    .details()
                    .get("request")
                    .toString();
            String declineRequest = catchThrowableOfType(
                            ConfirmationRequiredException.class, () -> app.deleteAssets(List.of(declined)))
                    .details()
                    .get("request")
                    .toString();
            assertThat(ids(library)).containsExactlyInAnyOrderElementsOf(ids);

            served.signIn(browser, "#/");
            browser.get(served.url("oauth/changes"));
            browser.awaitVisible("#change-" + confirmRequest + " img");
            assertThat(browser.all("section.change")).hasSize(2);
            assertThat(browser.text("#change-" + confirmRequest))
                    .contains("Cleaner")
                    .contains("move 1 item to the trash");
            browser.screenshot("confirmation-page-" + screen.name().toLowerCase(Locale.ROOT));
            browser.click("#change-" + confirmRequest + " .change-confirm");
            browser.await(
                    "the confirmed change gone from the page",
                    () -> browser.all("section.change").size() == 1);
            browser.click("#change-" + declineRequest + " .change-decline");
            browser.await("no change left", () -> browser.all("section.change").isEmpty());

            assertThat(ids(library))
                    .doesNotContain(confirmed)
                    .contains(declined)
                    .hasSize(2);
            assertThat(grants.findChange(confirmRequest).orElseThrow().confirmed())
                    .contains(true);
            assertThat(grants.findChange(declineRequest).orElseThrow().confirmed())
                    .contains(false);
            assertThat(grants.pendingChanges()).isEmpty();
        }
    }

    private static List<String> ids(MediaLibrary library) {
        return library.getAssets(AssetQuery.builder().first(100).build()).assets().stream()
                .map(Asset::id)
                .toList();
    }
}
