package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import dev.camroll.server.http.owner.OwnerPassword;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the password through the first-start link, signing in with it, and the slow-down of guesses. */
class SignInPagesTest {
    static final String PASSWORD = "the owner's long password";

    @TempDir
    Path root;

    @Test
    void theFirstStartLinkChoosesThePasswordOnceAndSignsIn() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            URI link = server.server.firstSignInLink().orElseThrow();
            assertThat(link.getPath()).isEqualTo("/owner/welcome");
            String path = link.getPath() + "?" + link.getQuery();
            String code = link.getQuery().substring("code=".length());
            assertThat(code).hasSizeGreaterThanOrEqualTo(22);
            PageClient browser = new PageClient(server);

            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("name=\"password\"").contains("name=\"repeat\"");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'");

            // Too short, then two that differ: refused, and the link still works.
            HttpResponse<String> tooShort =
                    browser.post("/owner/welcome", Map.of("code", code, "password", "short", "repeat", "short"));
            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(tooShort.body()).contains("at least 12 characters");
            HttpResponse<String> differ = browser.post(
                    "/owner/welcome", Map.of("code", code, "password", PASSWORD, "repeat", PASSWORD + "x"));
            assertThat(differ.statusCode()).isEqualTo(400);
            assertThat(OwnerPassword.of(server.data).isSet()).isFalse();

            HttpResponse<String> chosen =
                    browser.post("/owner/welcome", Map.of("code", code, "password", PASSWORD, "repeat", PASSWORD));
            assertThat(chosen.statusCode()).isEqualTo(303);
            assertThat(chosen.headers().firstValue("Location")).hasValue("/");
            assertThat(PageClient.setCookie(chosen))
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    .doesNotContainIgnoringCase("Secure");
            assertThat(OwnerPassword.of(server.data).matches(PASSWORD)).isTrue();
            assertThat(browser.get("/api/v1/assets").statusCode()).isEqualTo(200);
            assertThat(TestServer.json(browser.get("/api/v1/session"))
                            .path("csrfToken")
                            .asText())
                    .isNotEmpty();

            // Used: the link opens nothing any more, not even to choose the same password again.
            assertThat(server.server.firstSignInLink()).isEmpty();
            PageClient other = new PageClient(server);
            assertThat(other.get(path).statusCode()).isEqualTo(410);
            HttpResponse<String> again = other.post(
                    "/owner/welcome",
                    Map.of("code", code, "password", "someone else's password", "repeat", "someone else's password"));
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(other.cookie).isNull();
            assertThat(OwnerPassword.of(server.data).matches(PASSWORD)).isTrue();
        }
    }

    @Test
    void aWrongCodeOpensNothingAndAPasswordSetAtTheTerminalEndsTheLink() {
        try (TestServer server = TestServer.start(root)) {
            PageClient browser = new PageClient(server);
            assertThat(browser.get("/owner/welcome?code=guessed").statusCode()).isEqualTo(410);
            assertThat(browser.get("/owner/welcome").statusCode()).isEqualTo(410);
            URI link = server.server.firstSignInLink().orElseThrow();

            OwnerPassword.of(server.data).set(PASSWORD);

            assertThat(browser.get(link.getPath() + "?" + link.getQuery()).statusCode())
                    .isEqualTo(410);
        }
    }

    @Test
    void aServerStartedWithAPasswordPrintsNoLinkAndSignsInWithIt() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            assertThat(server.server.firstSignInLink()).isEmpty();
            PageClient browser = new PageClient(server);
            HttpResponse<String> page = browser.get("/owner/sign-in");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("type=\"password\"");

            HttpResponse<String> wrong =
                    browser.post("/owner/sign-in", Map.of("password", "not the password", "next", "/"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("This is not the owner&#39;s password");
            assertThat(browser.cookie).isNull();
            assertThat(browser.get("/api/v1/assets").statusCode()).isEqualTo(401);

            HttpResponse<String> right =
                    browser.post("/owner/sign-in", Map.of("password", PASSWORD, "next", "/#/albums"));
            assertThat(right.statusCode()).isEqualTo(303);
            assertThat(right.headers().firstValue("Location")).hasValue("/#/albums");
            assertThat(browser.get("/api/v1/assets").statusCode()).isEqualTo(200);
            // The owner's token still works for scripts, as a bearer token and to open a session.
            assertThat(server.get("/api/v1/assets").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void beforeAnyPasswordTheSignInPageSaysHowToSetOne() {
        try (TestServer server = TestServer.start(root)) {
            PageClient browser = new PageClient(server);
            assertThat(browser.get("/owner/sign-in").body()).contains("camroll owner password");
            HttpResponse<String> attempt =
                    browser.post("/owner/sign-in", Map.of("password", "anything at all here", "next", "/"));
            assertThat(attempt.statusCode()).isEqualTo(409);
            assertThat(browser.cookie).isNull();
        }
    }

    @Test
    void wrongPasswordsSlowTheirAddressDownWithoutLockingTheOwnerOut() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.start(
                root, ServerOptions.defaults().withBaseUrl(URI.create("https://photos.example/")), clock)) {
            PageClient guesser = new PageClient(server).withHeader("X-Forwarded-For", "203.0.113.7");
            guesser.withHeader("Origin", "https://photos.example");
            for (int i = 0; i < 5; i++) {
                assertThat(guesser.post("/owner/sign-in", Map.of("password", "guess number " + i))
                                .statusCode())
                        .as("guess %d", i)
                        .isEqualTo(401);
            }
            // The address must wait now: even the right password is not looked at.
            HttpResponse<String> slowed = guesser.post("/owner/sign-in", Map.of("password", PASSWORD));
            assertThat(slowed.statusCode()).isEqualTo(429);
            assertThat(slowed.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(guesser.cookie).isNull();

            // The owner at another address is not held up.
            PageClient owner = new PageClient(server).withHeader("X-Forwarded-For", "198.51.100.2");
            owner.withHeader("Origin", "https://photos.example");
            assertThat(owner.post("/owner/sign-in", Map.of("password", PASSWORD))
                            .statusCode())
                    .isEqualTo(303);

            // After the wait the guesser may try again; a further wrong guess doubles the wait.
            clock.advance(Duration.ofSeconds(1));
            assertThat(guesser.post("/owner/sign-in", Map.of("password", "guess number 5"))
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> longer = guesser.post("/owner/sign-in", Map.of("password", PASSWORD));
            assertThat(longer.statusCode()).isEqualTo(429);
            assertThat(longer.headers().firstValue("Retry-After")).hasValue("2");

            // Never more than a minute: the owner behind the same address gets in after it.
            for (int i = 0; i < 20; i++) {
                clock.advance(Duration.ofMinutes(1));
                guesser.post("/owner/sign-in", Map.of("password", "guess again " + i));
            }
            assertThat(guesser.post("/owner/sign-in", Map.of("password", PASSWORD))
                            .headers()
                            .firstValue("Retry-After"))
                    .hasValue("60");
            clock.advance(Duration.ofMinutes(1));
            assertThat(guesser.post("/owner/sign-in", Map.of("password", PASSWORD))
                            .statusCode())
                    .isEqualTo(303);
        }
    }

    @Test
    void theForwardedAddressIsBelievedOnlyBehindAProxy() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            // No --base-url: a new X-Forwarded-For with each guess does not escape the slow-down.
            for (int i = 0; i < 5; i++) {
                PageClient guesser = new PageClient(server).withHeader("X-Forwarded-For", "203.0.113." + i);
                assertThat(guesser.post("/owner/sign-in", Map.of("password", "guess number " + i))
                                .statusCode())
                        .isEqualTo(401);
            }
            PageClient next = new PageClient(server).withHeader("X-Forwarded-For", "203.0.113.99");
            assertThat(next.post("/owner/sign-in", Map.of("password", PASSWORD)).statusCode())
                    .isEqualTo(429);
        }
    }

    @Test
    void theCookieIsSecureBehindAProxyOfAnHttpsBaseUrl() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer proxied =
                TestServer.start(root, ServerOptions.defaults().withBaseUrl(URI.create("https://photos.example/")))) {
            PageClient browser = new PageClient(proxied)
                    .withHeader("X-Forwarded-Proto", "https")
                    .withHeader("Origin", "https://photos.example");
            HttpResponse<String> signIn = browser.post("/owner/sign-in", Map.of("password", PASSWORD));
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(PageClient.setCookie(signIn)).containsIgnoringCase("Secure");
        }
    }

    @Test
    void theForwardedProtocolAloneDoesNotMakeTheCookieSecure() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer direct = TestServer.start(root)) {
            // The header alone, without a proxy of an https URL, is anyone's to send.
            PageClient browser = new PageClient(direct).withHeader("X-Forwarded-Proto", "https");
            HttpResponse<String> signIn = browser.post("/owner/sign-in", Map.of("password", PASSWORD));
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(PageClient.setCookie(signIn)).doesNotContainIgnoringCase("Secure");
        }
    }
}
