package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;

/** Signing in with the owner's token, signing out, and an ended session that comes back to where it was. */
class SessionTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void signsInWithTheOwnersTokenStaysSignedInThroughAReloadAndSignsOut(Browser.Screen screen) {
        Pictures.write(root, 8, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            browser.get(served.url("#/"));
            browser.awaitVisible("#token").sendKeys("not-the-token", Keys.ENTER);
            browser.await(
                    "the refusal", () -> browser.find("#signin-error").getText().contains("not the owner token"));
            assertThat(browser.find("#app").isDisplayed()).isFalse();
            browser.screenshot("signin-refused");

            browser.find("#token").sendKeys(served.token, Keys.ENTER);
            browser.awaitVisible(".tile img");
            assertThat(browser.all(".tile")).hasSize(8);
            browser.screenshot("signed-in");

            browser.driver.navigate().refresh();
            browser.awaitVisible(".tile img");
            assertThat(browser.find("#signin").isDisplayed()).isFalse();

            browser.find("#signout").click();
            browser.awaitVisible("#token");
            assertThat(browser.find("#app").isDisplayed()).isFalse();
            // The cookie is gone and its session ended: the API answers 401 to this browser.
            Object status =
                    browser.jsAsync("const done = arguments[0]; fetch('/api/v1/assets').then((r) => done(r.status));");
            assertThat(((Number) status).intValue()).isEqualTo(401);
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
            browser.awaitVisible("#token");
            assertThat(browser.find("#signin-error").getText()).contains("session has ended");
            browser.screenshot("session-ended");

            browser.find("#token").sendKeys(served.token, Keys.ENTER);
            browser.await(
                    "the favorites again", () -> "favorites".equals(browser.js("return document.body.dataset.view")));
            assertThat(browser.driver.getCurrentUrl()).endsWith("#/favorites");
            assertThat(browser.find("#app").isDisplayed()).isTrue();
        }
    }
}
