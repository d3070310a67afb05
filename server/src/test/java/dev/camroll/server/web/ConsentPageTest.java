package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The consent page in a real browser: an app sends the owner there, the owner signs in, comes
 * back to the page, allows, and the browser lands on the app's redirect URI with a code the app
 * trades for a token that sees the library.
 */
class ConsentPageTest {
    private static final String VERIFIER = "a-verifier-of-the-app-long-enough-for-pkce-0123456789";

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theOwnerSignsInAllowsAndTheAppGetsItsCode() throws Exception {
        Pictures.write(root, 3, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        CompletableFuture<String> callback = new CompletableFuture<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/cb", exchange -> {
            callback.complete(exchange.getRequestURI().getRawQuery());
            byte[] body = "<!doctype html><h1 id=\"done\">Connected</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        app.start();
        String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/cb";
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            String clientId = register(served, redirect);
            URI authorize = served.url("oauth/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                    + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope=library.read%20media.photo"
                    + "&state=xyz&code_challenge=" + challenge() + "&code_challenge_method=S256");

            browser.get(authorize);
            browser.awaitVisible("#password").sendKeys(WebLibrary.PASSWORD, Keys.ENTER);
            browser.awaitVisible("#answer-all");
            assertThat(browser.text("h1")).contains("Photo frame");
            browser.screenshot("consent-page");
            browser.click("#answer-all");

            Map<String, String> query = parse(callback.get(10, TimeUnit.SECONDS));
            assertThat(query).containsEntry("state", "xyz").containsKey("code");
            browser.awaitVisible("#done");

            JsonNode tokens = token(served, clientId, redirect, query.get("code"));
            assertThat(tokens.path("scope").asText()).contains("library.read").contains("media.photo");
            HttpResponse<String> assets = http.send(
                    HttpRequest.newBuilder(served.url("api/v1/assets"))
                            .header(
                                    "Authorization",
                                    "Bearer " + tokens.path("access_token").asText())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(assets.body()).path("totalCount").asInt()).isEqualTo(3);
        } finally {
            app.stop(0);
        }
    }

    private String register(WebLibrary served, String redirect) throws IOException, InterruptedException {
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(served.url("oauth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"client_name\":\"Photo frame\",\"redirect_uris\":[\"" + redirect + "\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json.readTree(registered.body()).path("client_id").asText();
    }

    private JsonNode token(WebLibrary served, String clientId, String redirect, String code)
            throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&client_id=" + clientId + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&code_verifier=" + VERIFIER;
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(served.url("oauth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String challenge() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            values.put(
                    pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
