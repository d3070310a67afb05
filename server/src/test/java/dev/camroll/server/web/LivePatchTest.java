package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of one asset in a library of 10,000, all loaded in the page: the page reads that asset
 * alone ({@code GET /api/v1/assets?id=}), not its whole loaded range, and has it within a second
 * of the write, measured with the Performance API's mark of each change handled.
 */
class LivePatchTest {
    private static final int COUNT = 10_000;
    private static final Instant NEWEST = Instant.parse("2026-06-30T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void aChangeOfOneAssetReachesAPageHoldingTenThousandWithinASecond() {
        Pictures.write(root.resolve("Camera"), COUNT, NEWEST, Duration.ofHours(1));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            browser.awaitVisible("#scrubber .month");
            // The oldest month: every page up to it is loaded, the whole library.
            List<org.openqa.selenium.WebElement> months = browser.all("#scrubber .month");
            String oldest = months.getLast().getDomAttribute("data-month");
            browser.click("#scrubber .month[data-month='" + oldest + "']");
            browser.await("the oldest month at the top", Duration.ofSeconds(60), () -> "true"
                    .equals(browser.find("#scrubber .month[data-month='" + oldest + "']")
                            .getDomAttribute("aria-current")));
            // An asset in view, far past the first pages.
            String shown = String.valueOf(browser.js("""
                    const box = document.querySelector('#scroller').getBoundingClientRect();
                    const tile = [...document.querySelectorAll('.tile')]
                      .find((t) => t.getBoundingClientRect().top >= box.top && t.getBoundingClientRect().bottom <= box.bottom);
                    return tile ? tile.dataset.id : '';
                    """));
            assertThat(shown).isNotEmpty();
            Asset changed = served.library.getAssetInfo(shown).asset();
            String topBefore = topDay(browser);
            browser.js("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(10000);");

            for (int round = 0; round < 3; round++) {
                long marks = ((Number)
                                browser.js("return performance.getEntriesByName('camroll:change-applied').length"))
                        .longValue();
                long before = System.currentTimeMillis();
                served.library.setFavorite(changed.id(), round % 2 == 0);
                browser.await(
                        "the change handled",
                        () -> ((Number) browser.js(
                                                "return performance.getEntriesByName('camroll:change-applied').length"))
                                        .longValue()
                                > marks);
                double handledAt = ((Number) browser.js("""
                                const marks = performance.getEntriesByName('camroll:change-applied');
                                return performance.timeOrigin + marks[marks.length - 1].startTime;
                                """)).doubleValue();
                long latency = Math.round(handledAt - before);
                System.out.println("a change of one asset among " + COUNT + " reached the page in " + latency + " ms");
                assertThat(latency).as("from the write to the page, in ms").isLessThan(1_000);
            }

            @SuppressWarnings("unchecked")
            List<String> reads = (List<String>) browser.js("""
                    return performance.getEntriesByType('resource')
                      .map((entry) => entry.name)
                      .filter((name) => name.includes('/api/v1/assets?'));
                    """);
            assertThat(reads).isNotEmpty().allSatisfy(url -> assertThat(url).contains("id=" + changed.id()));
            assertThat(topDay(browser)).as("the view unmoved").isEqualTo(topBefore);
            assertThat(browser.js("return performance.getEntriesByType('navigation').length"))
                    .as("no reload")
                    .isEqualTo(1L);
        }
    }

    private static String topDay(Browser browser) {
        return String.valueOf(browser.js("""
                const box = document.querySelector('#scroller').getBoundingClientRect();
                const days = [...document.querySelectorAll('.day')]
                  .filter((day) => day.getBoundingClientRect().bottom > box.top)
                  .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
                return days.length ? days[0].textContent : '';
                """));
    }
}
