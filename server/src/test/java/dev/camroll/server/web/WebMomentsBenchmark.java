package dev.camroll.server.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of {@code bench/web-moments.sh}: the Moments view on a large camera roll, measured
 * in the browser with the Performance API. An index of {@code camroll.bench.moments} photos
 * (outings of 17 photos, one a day, at five towns in turn: 5,883 moments for 100,000) written by
 * {@link IndexRows}; how long after the page is opened its first moments are drawn with their
 * tiles (the first opening groups the whole index), what {@code GET /moments} weighs, and
 * scrolling through 600 moments: the reads of a moment's assets and the long tasks. Not a test
 * (its name keeps it out of the build's runs).
 */
@EnabledIfSystemProperty(named = "camroll.bench.moments", matches = "\\d+")
class WebMomentsBenchmark {
    private static final String FIRST_MOMENTS = """
            const done = arguments[arguments.length - 1];
            const check = () => {
              const tiles = document.querySelectorAll('.moment .tile').length;
              if (tiles > 0) {
                const resources = performance.getEntriesByType('resource');
                const moments = resources.find((r) => r.name.endsWith('/api/v1/moments'));
                done({
                  shownAt: performance.now(),
                  sections: document.querySelectorAll('.moment').length,
                  momentsAt: moments ? moments.responseEnd : -1,
                  momentsTook: moments ? moments.responseEnd - moments.requestStart : -1,
                  momentsBytes: moments ? moments.encodedBodySize : -1,
                  momentsDecoded: moments ? moments.decodedBodySize : -1,
                });
                return;
              }
              requestAnimationFrame(check);
            };
            check();
            """;

    private static final String SCROLL = """
            const done = arguments[arguments.length - 1];
            const target = arguments[0];
            const longTasks = [];
            new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)))
              .observe({ type: 'longtask' });
            performance.setResourceTimingBufferSize(100000);
            const scroller = document.querySelector('#scroller');
            const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
            const started = performance.now();
            (async () => {
              let still = 0;
              let known = 0;
              while (document.querySelectorAll('.moment').length < target && still < 400) {
                scroller.scrollTop += scroller.clientHeight * 0.5;
                await frame();
                const now = document.querySelectorAll('.moment').length;
                still = now === known ? still + 1 : 0;
                known = now;
              }
              await new Promise((resolve) => setTimeout(resolve, 200));
              const reads = performance.getEntriesByType('resource')
                .filter((r) => r.name.includes('/api/v1/assets?') && r.name.includes('album=moment-'));
              done({ sections: document.querySelectorAll('.moment').length, seconds: (performance.now() - started) / 1000,
                longTasks, reads: reads.length });
            })();
            """;

    @TempDir
    Path root;

    @Test
    @SuppressWarnings("unchecked")
    void firstMomentsAndScrolling() {
        int count = Integer.getInteger("camroll.bench.moments");
        IndexRows.writeOutings(root, count, 17);
        try (WebLibrary served = WebLibrary.serveIndex(root)) {
            for (int run = 1; run <= 3; run++) {
                try (Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
                    browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(10));
                    served.signIn(browser, "#/trash");
                    browser.get(java.net.URI.create("about:blank"));
                    browser.get(served.url("#/moments"));
                    Map<String, Object> first = (Map<String, Object>) browser.jsAsync(FIRST_MOMENTS);
                    System.out.printf(
                            "run %d: first moments (%s drawn) shown %.0f ms after the page was opened;"
                                    + " GET /moments answered at %.0f ms, in %.0f ms, %,d bytes gzipped (%,d)%n",
                            run,
                            first.get("sections"),
                            ((Number) first.get("shownAt")).doubleValue(),
                            ((Number) first.get("momentsAt")).doubleValue(),
                            ((Number) first.get("momentsTook")).doubleValue(),
                            ((Number) first.get("momentsBytes")).longValue(),
                            ((Number) first.get("momentsDecoded")).longValue());
                    if (run == 3) {
                        String css = System.getProperty("camroll.bench.css");
                        if (css != null) {
                            // A variant of the style sheet, to compare (a constructed sheet, which the page's policy
                            // allows).
                            browser.js(
                                    "const sheet = new CSSStyleSheet(); sheet.replaceSync(arguments[0]);"
                                            + " document.adoptedStyleSheets = [sheet]",
                                    css);
                        }
                        Map<String, Object> scroll = (Map<String, Object>) browser.jsAsync(SCROLL, 600);
                        List<Number> tasks = (List<Number>) scroll.get("longTasks");
                        System.out.printf(
                                "scrolling to %s moments in %.1f s: %s reads of a moment's assets, %d long tasks"
                                        + " (over 50 ms), the longest %.0f ms%n",
                                scroll.get("sections"),
                                ((Number) scroll.get("seconds")).doubleValue(),
                                scroll.get("reads"),
                                tasks.size(),
                                tasks.stream()
                                        .mapToDouble(Number::doubleValue)
                                        .max()
                                        .orElse(0));
                    }
                }
            }
        }
    }
}
