package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * The date scrubber at a phone's size: the column of months does not fit, so a thumb-sized handle
 * appears while the grid scrolls; a finger dragging it (Selenium's pointer input of kind touch)
 * shows the month it points at, and letting go jumps there.
 */
class TouchScrubberTest {
    /** A picture every 12 hours: about five months. */
    private static final int COUNT = 300;

    private static final Instant NEWEST = Instant.parse("2026-06-30T12:00:00Z");

    @TempDir
    Path root;

    @Test
    void aFingerDragsTheHandleToAnOlderMonthAndTheGridJumpsThere() {
        Pictures.write(root.resolve("Camera"), COUNT, NEWEST, Duration.ofHours(12));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.PHONE)) {
            served.signIn(browser, "#/");
            browser.await("the grid", () -> !browser.all(".tile").isEmpty());
            browser.await("the months from the server", () -> "4"
                    .equals(browser.find("#scrub-handle").getDomAttribute("aria-valuemax")));
            assertThat(browser.find("#scrubber").isDisplayed())
                    .as("no column of months")
                    .isFalse();
            assertThat(browser.find("#scrub-handle").isDisplayed())
                    .as("no handle before a scroll")
                    .isFalse();

            // What the handle shows while the finger moves, kept by the page as it changes.
            browser.js("""
                    window.shownWhileDragging = [];
                    const handle = document.querySelector('#scrub-handle');
                    new MutationObserver(() => {
                      if (handle.classList.contains('dragging')) {
                        const label = handle.querySelector('.scrub-label');
                        window.shownWhileDragging.push(getComputedStyle(label).display + ' ' + label.textContent);
                      }
                    }).observe(handle, { attributes: true, childList: true, subtree: true, characterData: true });
                    """);
            // A scroll of the grid (as a finger's swipe gives) shows the handle.
            browser.js("document.querySelector('#scroller').scrollBy(0, 400)");
            browser.await(
                    "the handle",
                    () -> browser.find("#scrub-handle").isDisplayed()
                            && (Boolean)
                                    browser.js(
                                            "return getComputedStyle(document.querySelector('#scrub-handle')).opacity === '1'"));
            WebElement handle = browser.find("#scrub-handle");
            Rectangle grip = handle.getRect();
            assertThat(grip.getWidth()).as("thumb-sized").isGreaterThanOrEqualTo(44);
            assertThat(grip.getHeight()).isGreaterThanOrEqualTo(44);
            browser.screenshot("touch-scrubber-shown");

            String firstDay = topDay(browser);

            // A finger on the handle (shown again by a small scroll: it goes away when the grid
            // rests), dragged most of the way down the screen, then lifted.
            browser.js("document.querySelector('#scroller').scrollBy(0, 10)");
            browser.await(
                    "the handle again",
                    () -> (Boolean)
                            browser.js(
                                    "const h = document.querySelector('#scrub-handle'); return !h.hidden && h.classList.contains('visible')"));
            grip = handle.getRect();
            Rectangle grid = browser.find("#scroller").getRect();
            int x = grip.getX() + grip.getWidth() / 2;
            int fromY = grip.getY() + grip.getHeight() / 2;
            int toY = grid.getY() + grid.getHeight() * 3 / 4;
            PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
            Sequence drag = new Sequence(finger, 0)
                    .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x, fromY))
                    .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            for (int step = 1; step <= 5; step++) {
                drag.addAction(finger.createPointerMove(
                        Duration.ofMillis(40), PointerInput.Origin.viewport(), x, fromY + (toY - fromY) * step / 5));
            }
            drag.addAction(new Pause(finger, Duration.ofMillis(100)));
            drag.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            browser.driver.perform(List.of(drag));

            String month = handle.getDomAttribute("aria-valuetext");
            assertThat(month).matches("[A-Z][a-z]+ 2026").isNotEqualTo("June 2026");
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.js("return window.shownWhileDragging");
            assertThat(shown).as("the month shown beside the finger").contains("block " + month);

            String name = month.substring(0, month.indexOf(' '));
            browser.await("the grid at " + month, () -> {
                String top = topDay(browser);
                return top.contains(name) && top.endsWith("2026");
            });
            assertThat(topDay(browser)).isNotEqualTo(firstDay);
            browser.await("the handle to go away", Duration.ofSeconds(5), () -> !browser.find("#scrub-handle")
                    .isDisplayed());
            browser.screenshot("touch-scrubber-jumped");
        }
    }

    /** The label of the first day header at the top of the grid. */
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
