package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Selection;
import dev.camroll.core.library.LocalMediaLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The selection page in a real browser: an app asks, the owner chooses "Select photos and videos",
 * ticks three items and one album, and the app's token then lists exactly those; a reselection
 * opens with that selection ticked, one item unticked, and the app no longer finds it by id; a
 * form of another site posting to the selection page is refused and changes nothing.
 */
class SelectionPageTest {
    private static final String VERIFIER = "a-verifier-of-the-app-long-enough-for-pkce-0123456789";

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Browser.Screen.class)
    void theOwnerSelectsAndReselectsAndTheAppSeesExactlyThat(Browser.Screen screen) throws Exception {
        Pictures.write(root, 6, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        java.nio.file.Files.createDirectories(root.resolve("Trip"));
        for (int i = 0; i < 2; i++) {
            // Other pictures than the root's (another seed): an album of two items of its own.
            Pictures.write(root.resolve("Trip").resolve("trip-" + i + ".jpg"), 80, 60, 100 + i);
        }
        CompletableFuture<String> callback = new CompletableFuture<>();
        HttpServer app = appServer(callback);
        String redirect = "http://127.0.0.1:" + app.getAddress().getPort() + "/cb";
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            List<String> loose = idsOf(library, null);
            Album trip = library.getAlbums(false).stream()
                    .filter(album -> album.title().equals("Trip"))
                    .findFirst()
                    .orElseThrow();
            List<String> tripIds = idsOf(library, trip.id());
            List<String> picked =
                    loose.stream().filter(id -> !tripIds.contains(id)).limit(3).toList();
            String clientId = register(served, redirect);
            browser.get(served.url("oauth/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                    + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope=library.read%20media.photo"
                    + "&state=xyz&code_challenge=" + challenge() + "&code_challenge_method=S256"));
            browser.awaitVisible("#password").sendKeys(WebLibrary.PASSWORD, Keys.ENTER);
            browser.awaitVisible("#answer-selected");
            browser.click("#answer-selected");

            browser.awaitVisible(".selection-grid");
            assertThat(browser.all(".selection-item input")).hasSize(8);
            assertThat(browser.all("input:checked")).isEmpty();
            for (String id : picked) {
                browser.click(".selection-item input[value='" + id + "']");
            }
            browser.click(".selection-albums input[value='" + trip.id() + "']");
            browser.screenshot("selection-page-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            browser.click("#selection-confirm");

            Map<String, String> query = parse(callback.get(10, TimeUnit.SECONDS));
            assertThat(query).containsEntry("state", "xyz").containsKey("code");
            String token = token(served, clientId, redirect, query.get("code"))
                    .path("access_token")
                    .asText();
            Set<String> expected = new HashSet<>(picked);
            expected.addAll(tripIds);
            assertThat(listed(served, token)).containsExactlyInAnyOrderElementsOf(expected);

            // Reselection: the current selection is ticked; one item unticked leaves the app's scope.
            AppGrants grants = library.grants();
            AppId appId = new AppId(clientId);
            ConsentRequest reselection = grants.requestReselection(appId, Set.of(GranularPermission.PHOTO));
            assertThat(reselection.pending()).isTrue();
            browser.get(served.url("oauth/selection/" + reselection.id()));
            browser.awaitVisible(".selection-grid");
            List<String> ticked = new ArrayList<>();
            browser.all(".selection-item input:checked").forEach(box -> ticked.add(box.getDomAttribute("value")));
            assertThat(ticked).containsExactlyInAnyOrderElementsOf(picked);
            assertThat(browser.find(".selection-albums input[value='" + trip.id() + "']")
                            .isSelected())
                    .isTrue();
            String dropped = picked.getFirst();
            assertThat(status(served, token, dropped)).isEqualTo(200);
            browser.click(".selection-item input[value='" + dropped + "']");
            browser.screenshot("reselection-page-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            browser.click("#selection-confirm");
            browser.await("the saved selection", () -> browser.text("h1").contains("Selection saved"));

            assertThat(status(served, token, dropped)).isEqualTo(404);
            expected.remove(dropped);
            assertThat(listed(served, token)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(grants.find(reselection.id()).orElseThrow().pending()).isFalse();
        } finally {
            app.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Browser.Screen.class, names = "DESKTOP")
    void aFormOfAnotherSitePostingASelectionIsRefusedAndChangesNothing(Browser.Screen screen) throws Exception {
        Pictures.write(root, 3, Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(7));
        try (WebLibrary served = WebLibrary.serve(root);
                Browser browser = Browser.open(screen)) {
            LocalMediaLibrary library = (LocalMediaLibrary) served.library;
            AppId appId = library.apps().add("Photo frame").id();
            AppGrants grants = library.grants();
            grants.set(
                    appId,
                    dev.camroll.core.access.Grant.limited(Set.of(GranularPermission.PHOTO), false),
                    Selection.empty());
            ConsentRequest reselection = grants.requestReselection(appId, Set.of(GranularPermission.PHOTO));
            String target = served.url("oauth/selection/" + reselection.id()).toString();
            served.signIn(browser, "#/");
            browser.get(URI.create(target));
            browser.awaitVisible(".selection-grid");
            String formToken = browser.find("input[name=csrf]").getDomAttribute("value");
            String victim = idsOf(library, null).getFirst();
            String page = "<!doctype html><html><body><h1>Win a prize</h1>"
                    + "<form method=\"post\" action=\"" + target + "\">"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"" + formToken + "\">"
                    + "<input type=\"hidden\" name=\"selection\" value=\"yes\">"
                    + "<input type=\"hidden\" name=\"asset\" value=\"" + victim + "\">"
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
            } finally {
                other.stop(0);
            }
            assertThat(grants.selection(appId).assetIds()).isEmpty();
            assertThat(grants.find(reselection.id()).orElseThrow().pending()).isTrue();
            assertThat(library.forApp(appId)
                            .getAssets(AssetQuery.builder().build())
                            .totalCount())
                    .isZero();
        }
    }

    private static HttpServer appServer(CompletableFuture<String> callback) throws IOException {
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
        return app;
    }

    private static List<String> idsOf(LocalMediaLibrary library, String album) {
        return library.getAssets(AssetQuery.builder().album(album).first(100).build()).assets().stream()
                .map(Asset::id)
                .toList();
    }

    private List<String> listed(WebLibrary served, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(served.url("api/v1/assets?first=100"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body())
                .path("assets")
                .forEach(asset -> ids.add(asset.path("id").asText()));
        return ids;
    }

    private int status(WebLibrary served, String token, String id) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(
                                        served.url("api/v1/assets/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
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
