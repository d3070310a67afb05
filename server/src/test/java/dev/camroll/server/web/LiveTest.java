package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes made elsewhere (another library object on the same folder, as the command line is) appear
 * in an open page within a second, without a reload and without moving what the person looks at.
 */
class LiveTest {
    private static final Instant NEWEST = Instant.parse("2026-04-30T18:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void aChangeMadeElsewhereAppearsWithinASecondAndTheGridStaysWhereItWas() throws Exception {
        Pictures.write(root.resolve("Camera"), 400, NEWEST, Duration.ofHours(3));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            List<Asset> assets = served.library
                    .getAssets(AssetQuery.builder()
                            .first(400)
                            .mediaTypes(MediaType.PHOTO)
                            .sortBy(SortKey.desc(SortField.CREATION_TIME))
                            .build())
                    .assets();
            served.signIn(browser, "#/");
            browser.awaitVisible(".tile img");
            browser.js("window.notReloaded = true; document.querySelector('#scroller').scrollTop = 2500;");
            Map<String, Object> before = settled(browser);

            // Another writer of the same folder adds a picture a little older than those in view.
            String visible = (String) before.get("id");
            int index = assets.stream().map(Asset::id).toList().indexOf(visible);
            Instant time =
                    Instant.ofEpochMilli(assets.get(index + 12).creationTime()).plusSeconds(60);
            // Dated by EXIF: a copy into the library does not keep the file's modification time.
            Path picture = TestMedia.jpegWithExif(
                    elsewhere.resolve("arrived.jpg"),
                    90,
                    60,
                    TestMedia.ExifSpec.builder()
                            .dateTimeOriginal(LocalDateTime.ofInstant(time, ZoneOffset.UTC))
                            .offsetTimeOriginal("+00:00")
                            .build());
            try (MediaLibrary other = MediaLibrary.open(
                    root, LibraryOptions.defaults().withScanOnOpen(false).withWatch(false))) {
                long start = System.nanoTime();
                Asset arrived = other.createAsset(AssetSource.file(picture), null);
                browser.await("the new picture in the grid", () -> !browser.all(".tile[data-id='" + arrived.id() + "']")
                        .isEmpty());
                long millis = (System.nanoTime() - start) / 1_000_000;
                // Within a second on a quiet machine (the other writer's commit is seen by polling every 250 ms);
                // half a second more for a 2-core machine busy with other builds, and Selenium's own polling.
                assertThat(millis).as("milliseconds from the write to the tile").isLessThan(1_500);

                assertThat(settled(browser)).isEqualTo(before);
                assertThat(browser.js("return window.notReloaded === true")).isEqualTo(true);
                browser.screenshot("live-insert");

                // And a delete from there takes the tile away.
                start = System.nanoTime();
                other.deleteAssets(List.of(assets.get(index + 1).id()));
                browser.await("the deleted picture to go", () -> browser.all(
                                ".tile[data-id='" + assets.get(index + 1).id() + "']")
                        .isEmpty());
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
                assertThat(browser.js("return window.notReloaded === true")).isEqualTo(true);
            }
        }
    }

    /**
     * The first visible tile once the grid has drawn the rows at the scroll position: right after a
     * scroll the rows of the new position are drawn in the next frame, so for a moment no tile is in
     * view. The same answer twice in a row means the grid is still.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Object> settled(Browser browser) {
        Map<String, Object>[] last = new Map[1];
        return browser.await("the grid to draw the rows in view", () -> {
            Map<String, Object> now = firstVisible(browser);
            boolean still = now != null && now.equals(last[0]);
            last[0] = now;
            return still ? now : null;
        });
    }

    /** The first tile whose top is in the viewport, with its position; null while none is. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstVisible(Browser browser) {
        return (Map<String, Object>) browser.js("""
                const scroller = document.querySelector('#scroller');
                const top = scroller.getBoundingClientRect().top;
                const tiles = [...document.querySelectorAll('.tile')]
                  .map((tile) => ({ id: tile.dataset.id, y: Math.round(tile.getBoundingClientRect().top - top) }))
                  .filter((tile) => tile.y >= 0)
                  .sort((a, b) => a.y - b.y);
                if (tiles.length === 0) return null;
                return { id: tiles[0].id, y: tiles[0].y, scrollTop: Math.round(scroller.scrollTop) };
                """);
    }
}
