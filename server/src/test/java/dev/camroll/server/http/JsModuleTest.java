package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.access.App;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript module's own tests ({@code clients/js/test}, Node's test runner) against a real
 * server on a free port over a library made here. Node is found on the PATH; without it the test
 * is skipped, saying so, except in CI, where it fails.
 */
class JsModuleTest {
    /** The origin the served library lets call it (the module's CORS test uses it). */
    static final String OTHER_ORIGIN = "http://app.example";

    /** Above the module's largest upload (128 MiB and a photo), below the one that must be refused. */
    static final long UPLOAD_LIMIT = 160L << 20;

    static final Path MODULE = NodeRuntime.MODULE;

    @TempDir
    Path root;

    @TempDir
    Path fixtures;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void nodeTestsPassAgainstALiveServer() throws Exception {
        Path node = NodeRuntime.require("JsModuleTest");
        makeLibrary();
        makeFixtures();
        try (TestServer server = TestServer.start(
                        root,
                        ServerOptions.defaults()
                                .withCorsOrigins(List.of(OTHER_ORIGIN))
                                .withUploadLimit(UPLOAD_LIMIT));
                OwnerAnswers owner = new OwnerAnswers(server.grants())) {
            ProcessBuilder builder = new ProcessBuilder(
                            node.toString(),
                            "--test",
                            "--test-concurrency=1",
                            "--test-reporter=spec",
                            "--test-timeout=60000")
                    .directory(MODULE.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("CAMROLL_URL", "http://127.0.0.1:" + server.server.port() + "/");
            builder.environment().put("CAMROLL_TOKEN", server.token);
            builder.environment().put("CAMROLL_LIBRARY", root.toString());
            builder.environment().put("CAMROLL_FIXTURES", fixtures.toString());
            builder.environment().put("CAMROLL_OTHER_ORIGIN", OTHER_ORIGIN);
            builder.environment().put("CAMROLL_UPLOAD_LIMIT", Long.toString(UPLOAD_LIMIT));
            builder.environment().put("CAMROLL_APPS", appsAnsweredBy(server, owner));
            builder.environment().put("CAMROLL_SCOPED_APPS", scopedApps(server));
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            System.out.println(output);
            assertThat(exit).as("node --test failed:%n%s", output).isZero();
            // The spec reporter's summary: tests ran, and none failed.
            assertThat(output).containsPattern("ℹ pass [1-9]").contains("ℹ fail 0");
        }
    }

    /**
     * Apps whose requests the owner answers each in one way, as JSON {name: access token}:
     * "allows" all; "selects" the first photo, then the first two on a reselection; "denies";
     * "once" for a second.
     */
    private static String appsAnsweredBy(TestServer server, OwnerAnswers owner) {
        List<String> photos = new java.util.ArrayList<>();
        for (var asset : server.library
                .getAssets(dev.camroll.api.AssetQuery.builder()
                        .first(2)
                        .mediaTypes(dev.camroll.api.MediaType.PHOTO)
                        .build())
                .assets()) {
            photos.add(asset.id());
        }
        Map<String, java.util.function.Function<ConsentRequest, ConsentAnswer>> rules = Map.of(
                "allows",
                request -> new ConsentAnswer.AllowAll(false),
                "selects",
                request -> new ConsentAnswer.AllowSelected(
                        Set.copyOf(request.kind() == ConsentRequest.Kind.RESELECTION ? photos : photos.subList(0, 1)),
                        Set.of(),
                        false),
                "denies",
                request -> new ConsentAnswer.Deny(false),
                "once",
                request -> new ConsentAnswer.AllowOnce(false, Duration.ofSeconds(1)));
        StringBuilder json = new StringBuilder("{");
        for (var rule : rules.entrySet()) {
            App app = server.apps().add(rule.getKey());
            owner.answer(app.id(), rule.getValue());
            String token = server.apps().issue(app.id(), Set.of("library.read")).accessToken();
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(rule.getKey())
                    .append("\":\"")
                    .append(token)
                    .append('"');
        }
        return json.append('}').toString();
    }

    /**
     * Apps in two states of the scope matrix, as JSON: "limited" sees the two photos of
     * {@code sees} alone (given by the owner), "none" has no grant; {@code hidden} is a photo
     * neither sees.
     */
    private static String scopedApps(TestServer server) {
        List<String> photos = new java.util.ArrayList<>();
        for (var asset : server.library
                .getAssets(dev.camroll.api.AssetQuery.builder()
                        .first(5)
                        .mediaTypes(dev.camroll.api.MediaType.PHOTO)
                        .build())
                .assets()) {
            photos.add(asset.id());
        }
        var limited = server.apps().add("limited");
        server.grants()
                .set(
                        limited.id(),
                        dev.camroll.core.access.Grant.limited(
                                Set.of(dev.camroll.api.GranularPermission.values()), false),
                        new dev.camroll.core.access.Selection(Set.copyOf(photos.subList(0, 2)), Set.of()));
        var none = server.apps().add("none");
        return "{\"limited\":{\"token\":\"" + token(server, limited.id()) + "\",\"sees\":[\"" + photos.get(0)
                + "\",\"" + photos.get(1) + "\"]},\"none\":{\"token\":\"" + token(server, none.id())
                + "\"},\"hidden\":\"" + photos.get(4) + "\"}";
    }

    private static String token(TestServer server, dev.camroll.core.access.AppId app) {
        Set<String> scopes =
                dev.camroll.core.access.OAuthScopes.of(server.grants().grant(app));
        return server.apps()
                .issue(app, scopes.isEmpty() ? Set.of("library.read") : scopes)
                .accessToken();
    }

    /**
     * 60 photos over two albums with creation times a day apart (so that orders and ranges are
     * known), a video and a tagged sound with a cover.
     */
    private void makeLibrary() throws IOException {
        long day = 86_400_000L;
        for (String album : List.of("Trip", "Home")) {
            Files.createDirectories(root.resolve(album));
        }
        for (int i = 0; i < 60; i++) {
            Path photo = TestMedia.jpeg(root.resolve((i % 2 == 0 ? "Trip" : "Home") + "/p" + i + ".jpg"), 40 + i, 30);
            Files.setLastModifiedTime(photo, FileTime.fromMillis(1_700_000_000_000L + i * day));
        }
        TestMedia.video(root.resolve("Trip/clip.mp4"), 2, 64, 48);
        TestMedia.audio(
                root.resolve("song.m4a"),
                1,
                TestMedia.AudioSpec.PLAIN
                        .withTag("title", "Harbour Lights")
                        .withTag("artist", "The Fixtures")
                        .withTag("album", "Tests")
                        .withTag("track", "4")
                        .withTag("date", "2020-06-01")
                        .withCoverArt());
    }

    /** Files outside the library for uploads: media, and a file that only claims to be. */
    private void makeFixtures() throws IOException {
        TestMedia.jpeg(fixtures.resolve("upload.jpg"), 33, 22);
        TestMedia.jpeg(fixtures.resolve("second.jpg"), 34, 22);
        TestMedia.jpeg(fixtures.resolve("copied.jpg"), 35, 22);
        TestMedia.video(fixtures.resolve("upload.mp4"), 1, 32, 24);
        Files.writeString(fixtures.resolve("not-a-photo.jpg"), "this is text, not a JPEG");
    }
}
