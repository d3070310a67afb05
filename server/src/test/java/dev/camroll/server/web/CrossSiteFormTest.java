package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.camroll.server.http.owner.OwnerPassword;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A page of another origin, served by the test, posts a form to the owner's password page in the
 * owner's signed-in browser: refused (403), the password unchanged. The other origin is the same
 * host on another port, so the browser sends the SameSite cookie along and the form's own
 * defence is what refuses it; the attacking page even holds the session's form token.
 */
class CrossSiteFormTest {
    @TempDir
    Path root;

    @Test
    void aFormOfAnotherOriginIsRefusedAndChangesNothing() throws IOException {
        Pictures.write(root, 2, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            served.signIn(browser, "#/");
            browser.get(served.url("owner/password"));
            browser.awaitVisible("#current");
            String token = browser.find("input[name=csrf]").getDomAttribute("value");
            String target = served.url("owner/password").toString();
            String page = "<!doctype html><html><body><h1>Win a prize</h1>"
                    + "<form method=\"post\" action=\"" + target + "\">"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"" + token + "\">"
                    + "<input type=\"hidden\" name=\"current\" value=\"" + WebLibrary.PASSWORD + "\">"
                    + "<input type=\"hidden\" name=\"password\" value=\"the attacker's password\">"
                    + "<input type=\"hidden\" name=\"repeat\" value=\"the attacker's password\">"
                    + "<button id=\"claim\" type=\"submit\">Claim</button></form></body></html>";
            HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            other.createContext("/", exchange -> {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            other.start();
            try {
                browser.driver.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
                browser.awaitVisible("#claim").click();
                browser.await("the refusal", () -> browser.text("h1").contains("Refused"));
                assertThat(browser.driver.findElement(By.tagName("body")).getText())
                        .contains("another site");
                browser.screenshot("cross-site-form-refused");
            } finally {
                other.stop(0);
            }

            assertThat(OwnerPassword.of(root.resolve(".camroll")).matches(WebLibrary.PASSWORD))
                    .isTrue();
            // The owner is still signed in: the refused post ended nothing.
            browser.get(served.url("#/"));
            browser.awaitVisible(".tile img");
        }
    }
}
