package dev.camroll.server.web;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of {@code bench/web-timeline.sh}, measured in the browser with the Performance API
 * against a running {@code camroll serve}: how long after the page is opened its first screen of
 * thumbnails is shown, and the longest task while 10,000 assets scroll by (the thumbnails made by
 * a first run, as {@code serve} makes them ahead). Not a test (its name
 * keeps it out of the build's runs); the script runs it with the server's URL and token.
 */
@EnabledIfSystemProperty(named = "camroll.bench.url", matches = ".+")
class WebTimelineBenchmark {
    private static final String FIRST_SCREEN = """
            const done = arguments[arguments.length - 1];
            const check = () => {
              const scroller = document.querySelector('#scroller');
              const images = [...document.querySelectorAll('.tile img')];
              if (scroller && images.length > 0) {
                const box = scroller.getBoundingClientRect();
                const inView = images.filter((image) => {
                  const r = image.getBoundingClientRect();
                  return r.bottom > box.top && r.top < box.bottom;
                });
                if (inView.length > 0 && inView.every((image) => image.complete && image.naturalWidth > 0)) {
                  const resources = performance.getEntriesByType('resource');
                  const end = (part) => Math.max(0, ...resources.filter((r) => r.name.includes(part)).map((r) => r.responseEnd));
                  done({
                    shownAt: performance.now(),
                    tiles: inView.length,
                    modules: end('/web/js/'),
                    page: end('/api/v1/assets?'),
                    thumbnails: end('/thumbnail'),
                  });
                  return;
                }
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
            const scroller = document.querySelector('#scroller');
            const seen = new Set();
            const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
            const started = performance.now();
            (async () => {
              let still = 0;
              while (seen.size < target && still < 400) {
                scroller.scrollTop += scroller.clientHeight * 0.5;
                await frame();
                const known = seen.size;
                document.querySelectorAll('.tile').forEach((tile) => seen.add(tile.dataset.id));
                still = seen.size === known ? still + 1 : 0;
              }
              await new Promise((resolve) => setTimeout(resolve, 200));
              done({ seen: seen.size, seconds: (performance.now() - started) / 1000, longTasks });
            })();
            """;

    @Test
    @SuppressWarnings("unchecked")
    void firstScreenAndScrolling() {
        URI url = URI.create(System.getProperty("camroll.bench.url"));
        String token = System.getProperty("camroll.bench.token");
        int scrolled = Integer.getInteger("camroll.bench.scroll", 10_000);
        for (int run = 1; run <= 3; run++) {
            try (Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
                // Scrolling 10,000 assets on a busy machine takes longer than a test's script may.
                browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(10));
                // Signed in first, so that what is timed is the opening of the page itself.
                browser.get(url.resolve("/web/icon.svg"));
                browser.jsAsync("""
                        const done = arguments[arguments.length - 1];
                        fetch('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                          body: JSON.stringify({ token: arguments[0] }) })
                          .then((r) => r.json()).then((s) => { sessionStorage.setItem('camroll.csrf', s.csrfToken); done(); });
                        """, token);
                browser.get(url.resolve("/#/"));
                Map<String, Object> first = (Map<String, Object>) browser.jsAsync(FIRST_SCREEN);
                System.out.printf(
                        "run %d: first screen of thumbnails (%s tiles) shown %.0f ms after the page was opened"
                                + " (modules loaded at %.0f ms, first page of assets at %.0f, thumbnails at %.0f)%n",
                        run,
                        first.get("tiles"),
                        ((Number) first.get("shownAt")).doubleValue(),
                        ((Number) first.get("modules")).doubleValue(),
                        ((Number) first.get("page")).doubleValue(),
                        ((Number) first.get("thumbnails")).doubleValue());
                if (run == 1) {
                    // The first run makes the server's thumbnails of what is scrolled (as serve makes them ahead).
                    browser.jsAsync(SCROLL, scrolled);
                } else if (run == 3) {
                    Map<String, Object> scroll = (Map<String, Object>) browser.jsAsync(SCROLL, scrolled);
                    java.util.List<Number> tasks = (java.util.List<Number>) scroll.get("longTasks");
                    double longest = tasks.stream()
                            .mapToDouble(Number::doubleValue)
                            .max()
                            .orElse(0);
                    System.out.printf(
                            "scrolling %s assets in %.1f s: %d long tasks (over 50 ms), the longest %.0f ms%n",
                            scroll.get("seen"), ((Number) scroll.get("seconds")).doubleValue(), tasks.size(), longest);
                }
            }
        }
    }
}
