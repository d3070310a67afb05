package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Moments view over camera JPEGs with EXIF times and GPS: the moments newest first, each
 * under its towns and its dates as a phone writes them, with its photos; a long camera roll is
 * read moment page by moment page as it scrolls.
 */
class MomentsViewTest {
    static final double[] PARIS = {48.8530, 2.3499};
    static final double[] LYON = {45.7640, 4.8357};

    @TempDir
    Path root;

    @TempDir
    Path scratch;

    static void photo(Path file, String time, double[] place) {
        TestMedia.ExifSpec.Builder exif = TestMedia.ExifSpec.builder().dateTimeOriginal(LocalDateTime.parse(time));
        if (place != null) {
            exif.gps(place[0], place[1]);
        }
        TestMedia.jpegWithExif(file, 48, 32, exif.build());
    }

    /** The text of each moment's heading (its towns, then its dates) and its number of tiles, top to bottom. */
    @SuppressWarnings("unchecked")
    static List<List<Object>> sections(Browser browser) {
        return (List<List<Object>>) browser.js("return [...document.querySelectorAll('.moment')].map(m =>"
                + " [m.querySelector('.moment-place').textContent, m.querySelector('.moment-dates').textContent,"
                + " m.querySelectorAll('.tile').length])");
    }

    @Test
    void twoPlacesAndTimesAreTwoMomentsUnderTheirTownsAndDates() throws Exception {
        // An evening and night in Lyon across midnight (no pause of 3 hours), a morning in Paris
        // a month before, and a day without GPS before that.
        photo(root.resolve("DCIM/lyon-1.jpg"), "2024-06-12T21:00:00", LYON);
        photo(root.resolve("DCIM/lyon-2.jpg"), "2024-06-12T23:30:00", LYON);
        photo(root.resolve("DCIM/lyon-3.jpg"), "2024-06-13T01:30:00", LYON);
        photo(root.resolve("DCIM/paris-1.jpg"), "2024-05-01T10:00:00", PARIS);
        photo(root.resolve("DCIM/paris-2.jpg"), "2024-05-01T10:30:00", PARIS);
        photo(root.resolve("DCIM/home.jpg"), "2024-04-20T18:00:00", null);
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            browser.click(".nav a[data-view=moments]");
            browser.await(
                    "three moments with their photos",
                    () -> sections(browser).size() == 3
                            && sections(browser).stream().allMatch(s -> ((Number) s.get(2)).intValue() > 0));
            assertThat(sections(browser))
                    .containsExactly(
                            List.of("Lyon, France", "12–13 June 2024", 3L),
                            List.of("Paris, France", "1 May 2024", 2L),
                            List.of("", "20 April 2024", 1L));
            assertThat(browser.find(".moment").getAttribute("aria-label")).isEqualTo("Lyon, France, 12–13 June 2024");
            browser.screenshot("moments");

            // A photo copied into the folder joins its moment on the page; the others are not read again.
            String paris = (String) browser.js("return document.querySelectorAll('.moment')[1].dataset.id");
            photo(scratch.resolve("lyon-4.jpg"), "2024-06-13T03:00:00", LYON);
            Files.move(scratch.resolve("lyon-4.jpg"), root.resolve("DCIM/lyon-4.jpg"), StandardCopyOption.ATOMIC_MOVE);
            browser.await(
                    "the new photo in its moment",
                    () -> sections(browser).getFirst().equals(List.of("Lyon, France", "12–13 June 2024", 4L)));
            assertThat(sections(browser)).hasSize(3);
            assertThat(assetRequests(browser, paris))
                    .as("reads of the unchanged moment's assets")
                    .isEqualTo(1L);

            // A moment's heading opens the moment alone, as an album of its assets.
            browser.click(".moment .moment-link");
            browser.await(
                    "the moment's view", () -> browser.text(".view-header h1").equals("Lyon, France"));
            browser.await("its four photos", () -> browser.all(".tile").size() == 4);
            assertThat(browser.text(".view-header .moment-dates")).isEqualTo("12–13 June 2024");
            assertThat(browser.driver.getCurrentUrl()).contains("#/moment/moment-");
            browser.screenshot("moment-opened");
        }
    }

    @Test
    void aLongCameraRollIsReadPageByPageAsItScrolls() {
        // 60 days with one photo each: 60 moments, without places.
        for (int day = 0; day < 60; day++) {
            LocalDateTime time = LocalDateTime.parse("2023-01-01T12:00:00").plusDays(day);
            photo(root.resolve("DCIM/day-%02d.jpg".formatted(day)), time.toString(), null);
        }
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/moments");
            browser.await("the first moments", () -> !sections(browser).isEmpty());
            int first = sections(browser).size();
            assertThat(first).as("moments drawn at first").isLessThan(60);
            assertThat(assetRequests(browser))
                    .as("moments whose assets were read at first")
                    .isLessThan(60);
            assertThat(sections(browser).getFirst().get(1)).isEqualTo("1 March 2023");

            browser.await("every moment after scrolling to the end", () -> {
                browser.js("const s = document.querySelector('#scroller'); s.scrollTop = s.scrollHeight");
                return sections(browser).size() == 60;
            });
            browser.await("every moment's photo", () -> sections(browser).stream()
                    .allMatch(s -> ((Number) s.get(2)).intValue() == 1));
            assertThat(sections(browser).getLast().get(1)).isEqualTo("1 January 2023");
            assertThat(assetRequests(browser))
                    .as("each moment's assets read once")
                    .isEqualTo(60L);
            browser.screenshot("moments-scrolled");
        }
    }

    /** How many reads of a moment's assets the page made. */
    private static long assetRequests(Browser browser) {
        return assetRequests(browser, "moment-");
    }

    /** How many reads of the assets of moments whose id starts so the page made. */
    private static long assetRequests(Browser browser, String moment) {
        return (Long) browser.js(
                "return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/api/v1/assets?') && e.name.includes('album=' + arguments[0])).length",
                moment);
    }
}
