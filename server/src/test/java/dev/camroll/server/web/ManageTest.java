package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Favorite, select many, delete, restore, empty the trash, make an album: in the page, seen in the library. */
class ManageTest {
    @TempDir
    Path root;

    private static List<Asset> assets(WebLibrary served) {
        return served.library
                .getAssets(AssetQuery.builder()
                        .first(100)
                        .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                        .sortBy(SortKey.desc(SortField.CREATION_TIME))
                        .build())
                .assets();
    }

    private static WebElement tile(Browser browser, String id) {
        return browser.awaitVisible(".tile[data-id='" + id + "']");
    }

    private static void go(Browser browser, String view) {
        browser.find(".nav a[data-view=" + view + "]").click();
        browser.await(view + " to be shown", () -> view.equals(browser.js("return document.body.dataset.view")));
    }

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void favoritesDeletesRestoresAndEmptiesTheTrashAndMakesAnAlbum(Browser.Screen screen) {
        Pictures.write(root, 6, Instant.parse("2026-05-10T09:00:00Z"), Duration.ofHours(1));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            List<Asset> assets = assets(served);
            served.signIn(browser, "#/");

            // Favorite from the detail view.
            tile(browser, assets.get(1).id()).click();
            browser.awaitVisible("#viewer .favorite").click();
            browser.await("the heart to fill", () -> "true"
                    .equals(browser.find("#viewer .favorite").getDomAttribute("aria-pressed")));
            browser.await(
                    "the library to know",
                    () -> served.library.getAssetInfo(assets.get(1).id()).isFavorite());
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
            go(browser, "favorites");
            tile(browser, assets.get(1).id());
            assertThat(browser.all(".tile")).hasSize(1);
            browser.screenshot("favorites");

            // Select three (a click with Ctrl, then Shift), delete them.
            go(browser, "timeline");
            new Actions(browser.driver)
                    .keyDown(Keys.CONTROL)
                    .click(tile(browser, assets.get(0).id()))
                    .keyUp(Keys.CONTROL)
                    .perform();
            new Actions(browser.driver)
                    .keyDown(Keys.SHIFT)
                    .click(tile(browser, assets.get(2).id()))
                    .keyUp(Keys.SHIFT)
                    .perform();
            browser.await(
                    "three selected",
                    () -> browser.find("#selection-count").getText().equals("3 selected"));
            assertThat(browser.all(".tile.selected")).hasSize(3);
            browser.screenshot("selection");
            browser.find("#selection-delete").click();
            browser.await("three tiles to go", () -> browser.all(".tile").size() == 3);
            assertThat(served.library.trashedAssets())
                    .containsExactlyInAnyOrder(
                            assets.get(0).id(),
                            assets.get(1).id(),
                            assets.get(2).id());

            // The trash: restore one, then all.
            go(browser, "trash");
            browser.await(
                    "three in the trash", () -> browser.all(".trash-grid .tile").size() == 3);
            browser.screenshot("trash");
            browser.find(".trash-grid .tile[data-id='" + assets.get(1).id() + "']")
                    .click();
            browser.awaitVisible("#selection-restore").click();
            browser.await(
                    "two in the trash", () -> browser.all(".trash-grid .tile").size() == 2);
            assertThat(served.library.trashedAssets())
                    .hasSize(2)
                    .doesNotContain(assets.get(1).id());
            browser.click(".view-header button.quiet");
            browser.await("the trash to be empty", () -> browser.all(".trash-grid .tile")
                    .isEmpty());
            assertThat(served.library.trashedAssets()).isEmpty();
            go(browser, "timeline");
            browser.await("all six back", () -> browser.all(".tile").size() == 6);

            // Delete one, then empty the trash for good.
            new Actions(browser.driver)
                    .keyDown(Keys.CONTROL)
                    .click(tile(browser, assets.get(5).id()))
                    .keyUp(Keys.CONTROL)
                    .perform();
            browser.awaitVisible("#selection-delete").click();
            browser.await("five left", () -> browser.all(".tile").size() == 5);
            go(browser, "trash");
            browser.await(
                    "one in the trash", () -> browser.all(".trash-grid .tile").size() == 1);
            browser.click(".view-header button.danger");
            browser.awaitVisible("#confirm-ok").click();
            browser.await("the trash to be empty", () -> browser.all(".trash-grid .tile")
                    .isEmpty());
            assertThat(served.library.trashedAssets()).isEmpty();
            assertThat(served.library.getAssetInfo(assets.get(5).id())).isNull();

            // A new album of two.
            go(browser, "timeline");
            new Actions(browser.driver)
                    .keyDown(Keys.CONTROL)
                    .click(tile(browser, assets.get(3).id()))
                    .keyUp(Keys.CONTROL)
                    .perform();
            new Actions(browser.driver)
                    .keyDown(Keys.CONTROL)
                    .click(tile(browser, assets.get(4).id()))
                    .keyUp(Keys.CONTROL)
                    .perform();
            browser.awaitVisible("#selection-album").click();
            browser.awaitVisible("#new-album").sendKeys("Trip");
            browser.find("#new-album-create").click();
            browser.await("the album", () -> served.library.getAlbums(false).stream()
                    .anyMatch(album -> album.title().equals("Trip") && album.assetCount() == 2));
            go(browser, "albums");
            browser.await("the album's card with its count", () -> browser.text(".album-grid")
                    .contains("Trip\n2 items"));
            browser.await(
                    "its cover",
                    () -> (Boolean) browser.js("const i = document.querySelector('.album-grid .album-card img');"
                            + " return !!i && i.complete && i.naturalWidth > 0"));
            browser.screenshot("albums");
            browser.js(
                    "[...document.querySelectorAll('.album-card')].find((c) => c.textContent.includes('Trip')).click()");
            browser.await("the album's assets", () -> browser.all(".tile").size() == 2);
            Album trip = served.library.getAlbum("Trip");
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/album/" + trip.id());
        }
    }
}
