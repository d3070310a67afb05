package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.server.http.owner.OwnerPassword;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;

/**
 * The owner's first sign-in through the link {@code serve} prints, signing in with the password,
 * signing out, and an ended session that comes back to where it was.
 */
class SessionTest {
    @TempDir
    Path root;

    @Test
    void theFirstStartLinkChoosesThePasswordAndOpensTheLibrary() {
        Pictures.write(root, 4, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serveWithoutPassword(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            URI link = served.firstSignInLink();
            // Without a password the library's page sends the browser to a sign-in that says how to get one.
            browser.get(served.url("#/"));
            browser.awaitVisible("#no-password");
            assertThat(browser.text("#no-password")).contains("camroll owner password");

            browser.get(link);
            browser.awaitVisible("#new-password").sendKeys(WebLibrary.PASSWORD);
            browser.find("#repeat").sendKeys(WebLibrary.PASSWORD + "!", Keys.ENTER);
            browser.await("the refusal", () -> browser.text("#password-error").contains("differ"));
            browser.screenshot("first-sign-in-refused");
            assertThat(OwnerPassword.of(root.resolve(".camroll")).isSet()).isFalse();

            browser.find("#new-password").sendKeys(WebLibrary.PASSWORD);
            browser.find("#repeat").sendKeys(WebLibrary.PASSWORD);
            browser.screenshot("first-sign-in");
            browser.find("#repeat").sendKeys(Keys.ENTER);
            browser.awaitVisible(".tile img");
            assertThat(browser.all(".tile")).hasSize(4);
            assertThat(OwnerPassword.of(root.resolve(".camroll")).matches(WebLibrary.PASSWORD))
                    .isTrue();

            // The link was for once: opened again, it leads nowhere.
            browser.get(link);
            browser.awaitVisible("#link-gone");
        }
    }

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void signsInWithThePasswordStaysSignedInThroughAReloadAndSignsOut(Browser.Screen screen) {
        Pictures.write(root, 8, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            browser.get(served.url("#/"));
            browser.awaitVisible("#password").sendKeys("not the password", Keys.ENTER);
            browser.await("the refusal", () -> browser.text("#signin-error").contains("not the owner"));
            browser.screenshot("signin-refused");

            browser.find("#password").sendKeys(WebLibrary.PASSWORD, Keys.ENTER);
            browser.awaitVisible(".tile img");
            assertThat(browser.all(".tile")).hasSize(8);
            browser.screenshot("signed-in");
            // The cookie is out of the page's reach.
            assertThat((String) browser.js("return document.cookie")).doesNotContain("camroll_session");

            browser.driver.navigate().refresh();
            browser.awaitVisible(".tile img");

            browser.find("#signout").click();
            browser.awaitVisible("#password");
            // The cookie is gone and its session ended: the API answers 401 to this browser.
            assertThat(browser.driver.manage().getCookieNamed("camroll_session"))
                    .isNull();
            browser.get(served.url("api/v1/assets"));
            assertThat(browser.find("body").getText()).contains("\"unauthorized\"");
            browser.get(served.url("#/"));
            browser.awaitVisible("#password");
        }
    }

    @Test
    void anEndedSessionGoesToSignInThenBackToWhereThePersonWas() {
        Pictures.write(root, 3, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/albums");
            browser.awaitVisible(".albums-page");
            // The session ends (as a restart of the server ends it): the next call is refused.
            browser.driver.manage().deleteCookieNamed("camroll_session");
            browser.find(".nav a[data-view=favorites]").click();
            browser.awaitVisible("#password");
            assertThat(browser.text("#signin-error")).contains("session has ended");
            browser.screenshot("session-ended");

            browser.find("#password").sendKeys(WebLibrary.PASSWORD, Keys.ENTER);
            browser.await(
                    "the favorites again", () -> "favorites".equals(browser.js("return document.body.dataset.view")));
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/favorites");
            assertThat(browser.find("#app").isDisplayed()).isTrue();
        }
    }
}
