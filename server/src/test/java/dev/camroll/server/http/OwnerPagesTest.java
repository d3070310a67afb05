package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.server.http.owner.OwnerPassword;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of the owner (the password page): only for a signed-in owner, who is sent to sign in
 * and back; its form refused from another site; and a new password ending every session.
 */
class OwnerPagesTest {
    static final String PASSWORD = SignInPagesTest.PASSWORD;
    static final String NEW_PASSWORD = "a new and longer password";

    @TempDir
    Path root;

    @Test
    void aPageOfTheOwnerSendsAnyoneElseToSignInAndThenBack() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            PageClient browser = new PageClient(server);
            HttpResponse<String> away = browser.get("/owner/password?tab=1");
            assertThat(away.statusCode()).isEqualTo(303);
            String location = away.headers().firstValue("Location").orElseThrow();
            assertThat(location)
                    .isEqualTo("/owner/sign-in?next="
                            + URLEncoder.encode("/owner/password?tab=1", StandardCharsets.UTF_8));
            HttpResponse<String> signInPage = browser.get(location);
            assertThat(signInPage.body()).contains("name=\"next\" value=\"/owner/password?tab=1\"");

            HttpResponse<String> signedIn =
                    browser.post("/owner/sign-in", Map.of("password", PASSWORD, "next", "/owner/password?tab=1"));
            assertThat(signedIn.headers().firstValue("Location")).hasValue("/owner/password?tab=1");
            HttpResponse<String> page = browser.get("/owner/password");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("name=\"csrf\"");
        }
    }

    @Test
    void afterSignInOnlyAPathOfThisServerIsFollowed() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            for (String next : new String[] {
                "//evil.example/",
                "/\\evil.example",
                "https://evil.example/",
                "evil.example",
                "/\t/evil.example",
                "javascript:alert(1)"
            }) {
                PageClient browser = new PageClient(server);
                assertThat(browser.get("/owner/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                                .body())
                        .as(next)
                        .contains("name=\"next\" value=\"/\"");
                HttpResponse<String> signedIn =
                        browser.post("/owner/sign-in", Map.of("password", PASSWORD, "next", next));
                assertThat(signedIn.statusCode()).as(next).isEqualTo(303);
                assertThat(signedIn.headers().firstValue("Location")).as(next).hasValue("/");
            }
        }
    }

    @Test
    void aFormPostOfAnotherSiteIsRefusedAndChangesNothing() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            PageClient owner = signedIn(server);
            String token = PageClient.formToken(owner.get("/owner/password"));
            Map<String, String> change =
                    Map.of("csrf", token, "current", PASSWORD, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD);

            // The browser says another site made the post: refused even with the right token.
            owner.withHeader("Sec-Fetch-Site", "cross-site");
            assertThat(owner.post("/owner/password", change).statusCode()).isEqualTo(403);
            owner.withHeader("Sec-Fetch-Site", "same-site");
            assertThat(owner.post("/owner/password", change).statusCode()).isEqualTo(403);
            // An older browser says it by its Origin only.
            owner.withHeader("Sec-Fetch-Site", null).withHeader("Origin", "http://127.0.0.1:1");
            HttpResponse<String> otherOrigin = owner.post("/owner/password", change);
            assertThat(otherOrigin.statusCode()).isEqualTo(403);
            assertThat(otherOrigin.body()).contains("another origin");
            owner.withHeader("Origin", "null");
            assertThat(owner.post("/owner/password", change).statusCode()).isEqualTo(403);
            // From this server's page but without the form's token, or with another one.
            owner.withHeader("Origin", "http://127.0.0.1:" + server.server.port())
                    .withHeader("Sec-Fetch-Site", "same-origin");
            assertThat(owner.post(
                                    "/owner/password",
                                    Map.of("current", PASSWORD, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(owner.post(
                                    "/owner/password",
                                    Map.of(
                                            "csrf",
                                            token + "x",
                                            "current",
                                            PASSWORD,
                                            "password",
                                            NEW_PASSWORD,
                                            "repeat",
                                            NEW_PASSWORD))
                            .statusCode())
                    .isEqualTo(403);

            assertThat(OwnerPassword.of(server.data).matches(PASSWORD)).isTrue();
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(200);

            // The same post from the page itself goes through.
            HttpResponse<String> changed = owner.post("/owner/password", change);
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(OwnerPassword.of(server.data).matches(NEW_PASSWORD)).isTrue();
        }
    }

    @Test
    void aNewPasswordEndsEverySessionButGivesThisBrowserANewOne() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            PageClient owner = signedIn(server);
            PageClient elsewhere = signedIn(server);
            String token = PageClient.formToken(owner.get("/owner/password"));

            HttpResponse<String> wrongCurrent = owner.post(
                    "/owner/password",
                    Map.of(
                            "csrf",
                            token,
                            "current",
                            "not the password",
                            "password",
                            NEW_PASSWORD,
                            "repeat",
                            NEW_PASSWORD));
            assertThat(wrongCurrent.statusCode()).isEqualTo(401);
            assertThat(OwnerPassword.of(server.data).matches(PASSWORD)).isTrue();

            String before = owner.cookie;
            HttpResponse<String> changed = owner.post(
                    "/owner/password",
                    Map.of("csrf", token, "current", PASSWORD, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD));
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(owner.cookie).isNotEqualTo(before);
            assertThat(owner.get("/owner/password?changed").body()).contains("has been changed");
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(200);
            assertThat(elsewhere.get("/api/v1/assets").statusCode()).isEqualTo(401);
            assertThat(elsewhere.get("/owner/password").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aPasswordSetAtTheTerminalEndsTheSessionsOfARunningServer() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            PageClient owner = signedIn(server);
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(200);

            // As camroll owner password in another process does it: the file changes.
            OwnerPassword.of(server.data).set(NEW_PASSWORD);

            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(401);
            PageClient again = new PageClient(server);
            assertThat(again.post("/owner/sign-in", Map.of("password", PASSWORD))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(again.post("/owner/sign-in", Map.of("password", NEW_PASSWORD))
                            .statusCode())
                    .isEqualTo(303);
        }
    }

    @Test
    void signingOutEndsTheSessionThroughTheFormAndTheApi() {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        try (TestServer server = TestServer.start(root)) {
            PageClient owner = signedIn(server);
            String token = PageClient.formToken(owner.get("/owner/password"));
            String cookie = owner.cookie;
            assertThat(owner.post("/owner/sign-out", Map.of()).statusCode()).isEqualTo(403);

            HttpResponse<String> out = owner.post("/owner/sign-out", Map.of("csrf", token));
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(owner.cookie).isNull();
            owner.cookie = cookie;
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(401);
        }
    }

    static PageClient signedIn(TestServer server) {
        PageClient browser = new PageClient(server);
        assertThat(browser.post("/owner/sign-in", Map.of("password", PASSWORD)).statusCode())
                .isEqualTo(303);
        return browser;
    }
}
