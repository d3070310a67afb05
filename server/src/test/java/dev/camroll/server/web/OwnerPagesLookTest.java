package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.AccessOperation;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConfirmationRequiredException;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.library.LocalMediaLibrary;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page of the owner beside the library, at a desktop's and a phone's size: a screenshot of
 * each (target/screenshots/owner-NAME-SCREEN.png), the library's style sheet and colours, its bar
 * on the pages of a signed-in owner, nothing wider than the screen, text no smaller than 12 px, a
 * name for every control a screen reader announces, and a focus ring seen at every stop of Tab.
 */
class OwnerPagesLookTest {
    private static final String VERIFIER = "a-verifier-of-the-app-long-enough-for-pkce-0123456789";

    /** The controls without a name a screen reader could say: their HTML, cut short. */
    private static final String UNNAMED = """
            const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const named = (el) => {
              if ((el.getAttribute('aria-label') || '').trim()) return true;
              const by = el.getAttribute('aria-labelledby');
              if (by && by.split(' ').some((id) => (document.getElementById(id)?.textContent || '').trim())) return true;
              if (el.labels && [...el.labels].some((label) => label.textContent.trim())) return true;
              if (el.matches('button, a')) return el.textContent.trim() !== '' || !!el.querySelector('img[alt]:not([alt=""])');
              return false;
            };
            return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')]
              .filter((el) => shown(el) && !named(el))
              .map((el) => el.outerHTML.slice(0, 120));
            """;

    /** The elements that reach past the right edge of the screen. */
    private static final String OVERFLOWING = """
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, .skip-link'))
              .filter((el) => el.getBoundingClientRect().right > width + 1)
              .map((el) => el.outerHTML.slice(0, 100));
            if (document.documentElement.scrollWidth > width) wide.push('the page: ' + document.documentElement.scrollWidth);
            return wide;
            """;

    /** The smallest text on the page, in CSS pixels. */
    private static final String SMALLEST_TEXT = """
            let smallest = 100;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const parent = walker.currentNode.parentElement;
              if (walker.currentNode.textContent.trim() && parent.getClientRects().length > 0
                  && !parent.closest('.visually-hidden, .skip-link, noscript')) {
                smallest = Math.min(smallest, parseFloat(getComputedStyle(parent).fontSize));
              }
            }
            return smallest;
            """;

    /** Whether the focused element shows a ring of 2 px or more (a tile's ring is its frame's). */
    private static final String FOCUS_SEEN = """
            const el = document.activeElement;
            if (!el || el === document.body) return 'nothing';
            const ringed = el.closest('.selection-item') || el;
            const style = getComputedStyle(ringed);
            const seen = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return seen ? 'seen' : el.outerHTML.slice(0, 120);
            """;

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void everyOwnerPageLooksLikeTheLibraryAndWorksByKeyboard(Browser.Screen screen) throws Exception {
        Pictures.write(root, 12, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            AppId app = library.apps()
                    .add("A photo frame with a rather long name for a phone")
                    .id();
            AppGrants grants = library.grants();
            List<String> ids = library.getAssets(AssetQuery.builder().first(20).build()).assets().stream()
                    .map(Asset::id)
                    .toList();
            grants.set(
                    app,
                    Grant.limited(Set.of(GranularPermission.PHOTO), false),
                    new Selection(Set.of(ids.get(0), ids.get(1)), Set.of()));
            ConsentRequest reselection = grants.requestReselection(app, Set.of(GranularPermission.PHOTO));
            catchThrowableOfType(ConfirmationRequiredException.class, () -> library.forApp(app)
                    .deleteAssets(List.of(ids.get(0))));
            String change = grants.pendingChanges().getFirst().id();
            // A line of the access log: its table, with an item's id, fits a phone too.
            library.accessLog().record(app, AccessOperation.READ_THUMBNAIL, List.of(ids.get(1)));
            String clientId = register(served);

            browser.get(served.url("owner/sign-in"));
            browser.awaitVisible("#password");
            check(browser, "sign-in", false);
            served.signIn(browser, "#/");
            browser.awaitVisible(".topbar .brand");
            String libraryBackground =
                    String.valueOf(browser.js("return getComputedStyle(document.body).backgroundColor"));
            String libraryBar = String.valueOf(
                    browser.js("return getComputedStyle(document.querySelector('.topbar')).backgroundColor"));

            assertThat(browser.find(".topbar .nav a[href='/apps']").getText())
                    .as("the library's bar leads to the apps")
                    .isEqualTo("Apps");

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put(
                    "consent",
                    "oauth/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                            + URLEncoder.encode("http://127.0.0.1:9/cb", StandardCharsets.UTF_8)
                            + "&scope=library.read%20media.photo%20media.location&state=s&code_challenge="
                            + challenge() + "&code_challenge_method=S256");
            pages.put("selection", "oauth/selection/" + reselection.id());
            pages.put("apps", "apps");
            pages.put("app", "apps/" + app.value());
            pages.put("changes", "oauth/changes");
            pages.put("change", "oauth/changes/" + change);
            pages.put("device", "oauth/device");
            pages.put("unknown-request", "oauth/selection/no-such-request");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(served.url(page.getValue()));
                browser.awaitVisible("h1");
                if (page.getKey().equals("selection")) {
                    browser.awaitVisible(".selection-item input");
                }
                check(browser, page.getKey(), true);
                assertThat(browser.js("return getComputedStyle(document.body).backgroundColor"))
                        .as(page.getKey() + ": the library's background")
                        .isEqualTo(libraryBackground);
                assertThat(browser.js("return getComputedStyle(document.querySelector('.topbar')).backgroundColor"))
                        .as(page.getKey() + ": the library's bar")
                        .isEqualTo(libraryBar);
                assertThat(browser.find(".topbar .brand").getDomAttribute("href"))
                        .isEqualTo("/");
            }
            browser.get(served.url("owner/password"));
            browser.awaitVisible("#current");
            check(browser, "password", false);
        }
    }

    private static void check(Browser browser, String name, boolean barred) {
        browser.screenshot("owner-" + name);
        assertThat(
                        browser.js(
                                "return [...document.styleSheets].some((sheet) => (sheet.href || '').endsWith('/web/style.css'))"))
                .as(name + ": the library's style sheet")
                .isEqualTo(true);
        assertThat(browser.all(".topbar")).as(name + ": the bar").hasSize(barred ? 1 : 0);
        assertThat(browser.js(OVERFLOWING)).as(name + ": wider than the screen").isEqualTo(List.of());
        assertThat(((Number) browser.js(SMALLEST_TEXT)).doubleValue())
                .as(name + ": the smallest text")
                .isGreaterThanOrEqualTo(12);
        assertThat(browser.js(UNNAMED)).as(name + ": controls without a name").isEqualTo(List.of());
        // From the top of the page, every stop of Tab shows where the focus is.
        browser.js("document.activeElement?.blur(); window.scrollTo(0, 0)");
        int stops = ((Number) browser.js(
                        "return document.querySelectorAll('a[href], button, input:not([type=hidden]), select').length"))
                .intValue();
        for (int i = 0; i < Math.min(stops, 24); i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(browser.js(FOCUS_SEEN))
                    .as(name + ": the focus at stop " + (i + 1))
                    .isIn("seen", "nothing");
        }
    }

    private String register(WebLibrary served) throws Exception {
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(served.url("oauth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"client_name\":\"Web gallery\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json.readTree(registered.body()).path("client_id").asText();
    }

    private static String challenge() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
