package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** The timeline of 2,000 assets in a real Chromium: endless scrolling, day headers, the keyboard, the detail view. */
class TimelineTest {
    private static final int COUNT = 2_000;
    private static final Instant NEWEST = Instant.parse("2026-06-30T12:00:00Z");

    @TempDir
    static Path root;

    private static WebLibrary served;

    @BeforeAll
    static void library() {
        Browser.assumeChromium();
        Pictures.write(root.resolve("Camera"), COUNT, NEWEST, Duration.ofHours(4));
        served = WebLibrary.serve(root);
    }

    @AfterAll
    static void close() {
        if (served != null) {
            served.close();
        }
    }

    private static List<Asset> newest(int first) {
        return served.library
                .getAssets(AssetQuery.builder()
                        .first(first)
                        .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                        .sortBy(SortKey.desc(SortField.CREATION_TIME))
                        .build())
                .assets();
    }

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void scrollsTheWholeLibraryToTheEndWithOnlyTheRowsNearTheViewportInThePage(Browser.Screen screen) {
        try (Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            browser.awaitVisible(".tile img");
            // Placeholders are sized from the index: a tile's box is the same before and after its picture.
            @SuppressWarnings("unchecked")
            List<Object> before = (List<Object>)
                    browser.js(
                            "return [...document.querySelectorAll('.tile')].slice(0, 12).map(t => t.getBoundingClientRect().toJSON())");
            browser.await(
                    "the first thumbnails to load",
                    () -> (Boolean)
                            browser.js(
                                    "return [...document.querySelectorAll('.tile img')].slice(0, 12).every(i => i.complete && i.naturalWidth > 0)"));
            @SuppressWarnings("unchecked")
            List<Object> after = (List<Object>)
                    browser.js(
                            "return [...document.querySelectorAll('.tile')].slice(0, 12).map(t => t.getBoundingClientRect().toJSON())");
            assertThat(after).isEqualTo(before);
            assertThat(browser.find(".day h2").getText()).isEqualTo(dayLabel(NEWEST));
            browser.screenshot("timeline");

            @SuppressWarnings("unchecked")
            Map<String, Object> scrolled = (Map<String, Object>) browser.jsAsync("""
                    const done = arguments[arguments.length - 1];
                    const scroller = document.querySelector('#scroller');
                    const seen = new Set();
                    let most = 0;
                    let still = 0;
                    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
                    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                    const inView = () => {
                      const box = scroller.getBoundingClientRect();
                      return [...document.querySelectorAll('.tile')].some((tile) => {
                        const r = tile.getBoundingClientRect();
                        return r.bottom > box.top && r.top < box.bottom;
                      });
                    };
                    (async () => {
                      for (let step = 0; step < 3000 && still < 40; step++) {
                        scroller.scrollTop += scroller.clientHeight * 0.9;
                        await frame();
                        await frame();
                        // Scrolled past what is loaded: the next page is on its way, as a person would wait for it.
                        for (let wait = 0; wait < 200 && !inView(); wait++) {
                          await sleep(25);
                        }
                        const tiles = document.querySelectorAll('.tile');
                        most = Math.max(most, tiles.length);
                        const known = seen.size;
                        tiles.forEach((tile) => seen.add(tile.dataset.id));
                        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
                        if (atEnd && seen.size === known) {
                          still++;
                          await sleep(25);
                        } else {
                          still = 0;
                        }
                      }
                      const days = [...document.querySelectorAll('.day h2')].map((h) => h.textContent);
                      done({ seen: seen.size, most, lastDay: days[days.length - 1] });
                    })();
                    """);
            assertThat(((Number) scrolled.get("seen")).intValue())
                    .as(browser.console())
                    .isEqualTo(COUNT);
            assertThat(((Number) scrolled.get("most")).intValue())
                    .as("tiles in the page at once")
                    .isLessThan(300);
            Instant oldest = NEWEST.minus(Duration.ofHours(4L * (COUNT - 1)));
            assertThat(scrolled.get("lastDay")).isEqualTo(dayLabel(oldest));
            browser.screenshot("timeline-end");
        }
    }

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void theArrowKeysMoveThroughTheGridAndTheDetailView(Browser.Screen screen) {
        List<Asset> first = newest(4);
        try (Browser browser = Browser.open(screen)) {
            served.signIn(browser, "#/");
            browser.awaitVisible(".tile img");
            browser.find("#scroller").sendKeys(Keys.ARROW_RIGHT);
            browser.await(
                    "the first tile to have the focus",
                    () -> first.get(0).id().equals(browser.js("return document.activeElement.dataset.id")));
            new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();
            browser.await(
                    "the second tile to have the focus",
                    () -> first.get(1).id().equals(browser.js("return document.activeElement.dataset.id")));
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            browser.awaitVisible("#viewer .photo");
            assertThat(browser.find("#viewer").getDomAttribute("data-id"))
                    .isEqualTo(first.get(1).id());
            browser.await("the preview to load", () -> (Boolean) browser.js(
                    "const i = document.querySelector('#viewer .photo'); return i.complete && i.naturalWidth > 0"));
            browser.await("the facts of the asset", () -> browser.text("#viewer .facts")
                    .contains("picture-"));
            browser.screenshot("viewer");

            new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();
            browser.await(
                    "the third asset",
                    () -> first.get(2).id().equals(browser.find("#viewer").getDomAttribute("data-id")));
            new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();
            browser.await(
                    "the fourth asset",
                    () -> first.get(3).id().equals(browser.find("#viewer").getDomAttribute("data-id")));
            new Actions(browser.driver).sendKeys(Keys.ARROW_LEFT).perform();
            browser.await(
                    "the third asset again",
                    () -> first.get(2).id().equals(browser.find("#viewer").getDomAttribute("data-id")));
            assertThat(browser.driver.getCurrentUrl())
                    .endsWith("asset=" + first.get(2).id());

            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
            browser.await("the viewer to close", () -> !browser.find("#viewer").isDisplayed());
            assertThat(browser.js("return document.activeElement.dataset.id"))
                    .isEqualTo(first.get(2).id());
        }
    }

    @org.junit.jupiter.api.Test
    void theScrubberJumpsToAMonthWithItsCountFromTheServer() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            browser.awaitVisible("#scrubber .month");
            Instant oldest = NEWEST.minus(Duration.ofHours(4L * (COUNT - 1)));
            // The second month of the library: far past the first page.
            LocalDate month = oldest.atZone(ZoneId.systemDefault())
                    .toLocalDate()
                    .plusMonths(1)
                    .withDayOfMonth(1);
            String key = month.toString().substring(0, 7);
            long count = newest(COUNT).stream()
                    .filter(asset -> Instant.ofEpochMilli(asset.creationTime())
                            .atZone(ZoneId.systemDefault())
                            .toLocalDate()
                            .toString()
                            .startsWith(key))
                    .count();
            String label = month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
            assertThat(browser.find("#scrubber .month[data-month='" + key + "']")
                            .getDomAttribute("aria-label"))
                    .isEqualTo(label + " · " + count);
            browser.click("#scrubber .month[data-month='" + key + "']");
            browser.await("the month's first day at the top", () -> {
                Object top = browser.js("""
                        const box = document.querySelector('#scroller').getBoundingClientRect();
                        const days = [...document.querySelectorAll('.day')]
                          .filter((day) => day.getBoundingClientRect().bottom > box.top)
                          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
                        return days.length ? days[0].textContent : '';
                        """);
                return String.valueOf(top).contains(month.getMonth().getDisplayName(TextStyle.FULL, Locale.US))
                        && String.valueOf(top).endsWith(String.valueOf(month.getYear()));
            });
            assertThat(browser.find("#scrubber .month[data-month='" + key + "']")
                            .getDomAttribute("aria-current"))
                    .isEqualTo("true");
            browser.screenshot("scrubber");
        }
    }

    /** The page's words for a day, in the browser's zone (the machine's) and language (American English). */
    private static String dayLabel(Instant time) {
        LocalDate day = time.atZone(ZoneId.systemDefault()).toLocalDate();
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US) + ", "
                + day.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + day.getDayOfMonth() + ", "
                + day.getYear();
    }
}
