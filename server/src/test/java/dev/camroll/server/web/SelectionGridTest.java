package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.library.LocalMediaLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The selection page's grid over a whole library: 20,000 photos scrolled to the end, one ticked
 * there and one near the start, the first still ticked after scrolling away and back; the app's
 * selection is then exactly those two, and the page never held more than a few hundred tiles. And
 * the grid by keyboard alone: arrows move, Space ticks, the focus is seen.
 */
class SelectionGridTest {
    private static final int COUNT = 20_000;
    /** "A few hundred": about three screens of tiles at most. */
    private static final int MAX_TILES = 400;

    /** Whether the focused tile is in view, neither under the page's bar nor under the answers. */
    private static final String UNCOVERED = """
            const tile = document.activeElement.closest('.selection-item').getBoundingClientRect();
            const top = document.querySelector('.owner-topbar').getBoundingClientRect().bottom;
            const bottom = document.querySelector('.selection-answers').getBoundingClientRect().top;
            return tile.top >= top && tile.bottom <= bottom;
            """;

    @TempDir
    Path root;

    @Test
    void aLibraryOfTwentyThousandIsSelectedFromEndToStart() {
        IndexRows.write(root, COUNT);
        try (WebLibrary served = WebLibrary.serveIndex(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            List<Asset> owners = library.getAssets(AssetQuery.builder()
                            .mediaTypes(Set.of(dev.camroll.api.MediaType.PHOTO))
                            .first(COUNT)
                            .build())
                    .assets();
            assertThat(owners).hasSize(COUNT);
            AppId app = library.apps().add("Photo frame").id();
            AppGrants grants = library.grants();
            grants.set(app, Grant.limited(Set.of(GranularPermission.PHOTO), false), Selection.empty());
            ConsentRequest reselection = grants.requestReselection(app, Set.of(GranularPermission.PHOTO));

            served.signIn(browser, "#/");
            browser.get(served.url("oauth/selection/" + reselection.id()));
            browser.awaitVisible(".selection-item input");
            // Counts the tiles in the page after every change of the grid, so no moment escapes.
            browser.js("""
                    window.mostTiles = 0;
                    const grid = document.getElementById('selection-grid');
                    const count = () => {
                      window.mostTiles = Math.max(window.mostTiles, grid.querySelectorAll('.selection-item').length);
                    };
                    count();
                    new MutationObserver(count).observe(grid, { childList: true, subtree: true });
                    """);
            assertThat(browser.text("#selection-count")).isEqualTo("0 items selected of 20,000");

            long started = System.nanoTime();
            String last = toTheEnd(browser);
            System.out.println("the selection page reached the last of " + COUNT + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertThat(last).isEqualTo(owners.getLast().id());
            browser.click("input[data-index='" + (COUNT - 1) + "']");
            browser.js("window.scrollTo(0, 0)");
            browser.await("the first rows drawn again", () -> !browser.all("input[data-index='3']")
                    .isEmpty());
            assertThat(browser.all("input[data-index='" + (COUNT - 1) + "']"))
                    .as("the end's rows left the page")
                    .isEmpty();
            browser.click("input[data-index='3']");
            String nearStart = browser.find("input[data-index='3']").getDomAttribute("value");
            assertThat(nearStart).isEqualTo(owners.get(3).id());

            // Away and back: the tick at the end is still there.
            toTheEnd(browser);
            assertThat(browser.find("input[data-index='" + (COUNT - 1) + "']").isSelected())
                    .isTrue();
            assertThat(browser.text("#selection-count")).isEqualTo("2 items selected of 20,000");
            browser.screenshot("selection-grid-end");
            long most = ((Number) browser.js("return window.mostTiles")).longValue();
            System.out.println("the selection page held at most " + most + " tiles of " + COUNT);
            assertThat(most).as("tiles in the page at once").isLessThan(MAX_TILES);

            browser.click("#selection-confirm");
            browser.await("the saved selection", () -> browser.text("h1").contains("Selection saved"));
            assertThat(grants.selection(app).assetIds()).containsExactlyInAnyOrder(last, nearStart);
            assertThat(grants.selection(app).albumIds()).isEmpty();
            assertThat(library.forApp(app)
                            .getAssets(AssetQuery.builder().build())
                            .totalCount())
                    .isEqualTo(2);
        }
    }

    @Test
    void theGridIsOperatedByKeyboard() {
        Pictures.write(root, 30, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(5));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            AppId app = library.apps().add("Photo frame").id();
            AppGrants grants = library.grants();
            grants.set(app, Grant.limited(Set.of(GranularPermission.PHOTO), false), Selection.empty());
            ConsentRequest reselection = grants.requestReselection(app, Set.of(GranularPermission.PHOTO));
            served.signIn(browser, "#/");
            browser.get(served.url("oauth/selection/" + reselection.id()));
            browser.awaitVisible(".selection-item input");
            long columns = ((Number)
                            browser.js("return Number(getComputedStyle(document.getElementById('selection-grid'))"
                                    + ".getPropertyValue('--columns'))"))
                    .longValue();
            assertThat(columns).isGreaterThan(1);

            // Tab reaches the grid at one tile only (the others are one arrow away).
            assertThat(browser.all("#selection-grid input[tabindex='0']")).hasSize(1);
            tabUntil(browser, "input[data-index]");
            assertThat(active(browser, "dataset.index")).isEqualTo("0");
            new Actions(browser.driver)
                    .sendKeys(Keys.ARROW_RIGHT)
                    .sendKeys(Keys.ARROW_DOWN)
                    .perform();
            String index = String.valueOf(1 + columns);
            assertThat(active(browser, "dataset.index")).isEqualTo(index);
            assertThat(browser.js("""
                    const tile = document.activeElement.closest('.selection-item');
                    const style = getComputedStyle(tile);
                    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                    """)).as("the focused tile is seen").isEqualTo(true);
            new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
            String ticked = active(browser, "value");
            assertThat(browser.find("input[data-index='" + index + "']").isSelected())
                    .isTrue();
            new Actions(browser.driver).sendKeys(Keys.END).perform();
            assertThat(active(browser, "dataset.index")).isEqualTo("29");
            assertThat(browser.js(UNCOVERED))
                    .as("the last tile between the bars")
                    .isEqualTo(true);
            new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
            String end = active(browser, "value");
            new Actions(browser.driver)
                    .sendKeys(Keys.HOME)
                    .sendKeys(Keys.SPACE)
                    .sendKeys(Keys.SPACE)
                    .perform();
            assertThat(browser.js(UNCOVERED))
                    .as("the first tile between the bars")
                    .isEqualTo(true);
            assertThat(browser.text("#selection-count")).isEqualTo("2 items selected of 30");
            // Enter on a tile does not send the form: the buttons say what the answer is.
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            assertThat(grants.find(reselection.id()).orElseThrow().pending()).isTrue();
            browser.screenshot("selection-grid-keyboard");

            tabUntil(browser, "#selection-confirm");
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            browser.await("the saved selection", () -> browser.text("h1").contains("Selection saved"));
            assertThat(grants.selection(app).assetIds()).containsExactlyInAnyOrder(ticked, end);
        }
    }

    /** Scrolls to the foot of the grid until its last tile is drawn; its asset's id. */
    private static String toTheEnd(Browser browser) {
        String last = "input[data-index='" + (COUNT - 1) + "']";
        return browser.await("the last tile drawn", Duration.ofSeconds(90), () -> {
            browser.js("window.scrollTo(0, document.documentElement.scrollHeight)");
            List<org.openqa.selenium.WebElement> found = browser.all(last);
            return found.isEmpty() ? null : found.getFirst().getDomAttribute("value");
        });
    }

    private static void tabUntil(Browser browser, String css) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(browser.js("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    private static String active(Browser browser, String property) {
        return String.valueOf(browser.js("return document.activeElement." + property));
    }
}
