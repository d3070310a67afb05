package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.AccessOperation;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConfirmationRequiredException;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.library.LocalMediaLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The page of one app in a real browser: from the list of apps, its grant in words, its
 * selection with thumbnails, what waits for the owner, its access log newest first and paged;
 * revoked from there, it sees nothing at once.
 */
class AppPageTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void theOwnerSeesWhatAnAppMaySeeAndDidAndRevokesIt(Browser.Screen screen) throws Exception {
        Pictures.write(root, 4, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        Files.createDirectories(root.resolve("Trip"));
        Pictures.write(root.resolve("Trip").resolve("trip.jpg"), 80, 60, 100);
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            AppId appId = library.apps().add("Photo frame").id();
            AppGrants grants = library.grants();
            Album trip = library.getAlbums(false).stream()
                    .filter(album -> album.title().equals("Trip"))
                    .findFirst()
                    .orElseThrow();
            List<String> loose = library
                    .getAssets(AssetQuery.builder().first(100).build())
                    .assets()
                    .stream()
                    .map(Asset::id)
                    .filter(id -> !id.equals(tripAsset(library, trip)))
                    .toList();
            grants.set(
                    appId,
                    Grant.limited(Set.of(GranularPermission.PHOTO), false),
                    new Selection(Set.of(loose.get(0), loose.get(1)), Set.of(trip.id())));
            // Older entries first, then the app's own read: the newest entry of the log.
            library.accessLog().record(appId, AccessOperation.READ_THUMBNAIL, Collections.nCopies(60, loose.get(1)));
            MediaLibrary app = library.forApp(appId);
            app.getAssetInfo(loose.get(0));
            grants.requestReselection(appId, Set.of(GranularPermission.PHOTO));
            catchThrowableOfType(ConfirmationRequiredException.class, () -> app.deleteAssets(List.of(loose.get(0))));

            served.signIn(browser, "#/");
            browser.get(served.url("apps"));
            browser.awaitVisible(".apps a").click();
            browser.awaitVisible(".app-grant");
            assertThat(browser.text("h1")).contains("Photo frame");
            assertThat(browser.text(".app-grant"))
                    .contains("Sees the selected photos")
                    .contains("Without locations");
            assertThat(browser.text(".app-selection")).isEqualTo("2 items, 1 album");
            assertThat(browser.text(".selection-albums")).contains("Trip");
            assertThat(browser.all(".selection-grid img")).hasSize(2);
            assertThat(browser.all(".app-requests li")).hasSize(2);
            assertThat(browser.text(".app-requests"))
                    .contains("A new selection")
                    .contains("move 1 item to the trash");
            assertThat(browser.all(".access-log tbody tr")).hasSize(50);
            assertThat(browser.text(".access-log tbody tr:first-child"))
                    .contains(loose.get(0))
                    .contains("read info");
            browser.screenshot("app-page-" + screen.name().toLowerCase(Locale.ROOT));
            browser.click("#older");
            browser.awaitVisible("#newer");
            assertThat(browser.all(".access-log tbody tr")).hasSize(11);
            assertThat(browser.text(".access-log tbody"))
                    .contains("read thumbnail")
                    .doesNotContain("read info");

            browser.click("#revoke");
            browser.await("the revoked app", () -> browser.text(".app-grant").contains("Revoked"));
            assertThat(browser.all("#revoke")).isEmpty();
            assertThat(library.apps().active(appId)).isEmpty();
            assertThat(library.forApp(appId)
                            .getAssets(AssetQuery.builder().build())
                            .totalCount())
                    .isZero();
        }
    }

    private static String tripAsset(LocalMediaLibrary library, Album trip) {
        return library.getAssets(AssetQuery.builder().album(trip.id()).build())
                .assets()
                .getFirst()
                .id();
    }
}
