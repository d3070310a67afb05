package dev.camroll.server.access;

import static dev.camroll.server.access.MatrixLibrary.CLIP;
import static dev.camroll.server.access.MatrixLibrary.LOCATED;
import static dev.camroll.server.access.MatrixLibrary.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.NoLocation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thumbnails and renditions of the located assets an app sees, in every state that sees any,
 * with and without the location permission, by token and by the app's signed URLs. Served bytes
 * are read with metadata-extractor and searched for the raw forms of the coordinates (the EXIF
 * rationals in both byte orders, the video's ISO 6709 string). Thumbnails carry no metadata at
 * all, for any caller: an app with the permission finds no GPS in them either, the place being
 * in the original and the asset's info. A rendition of a JPEG is the original itself (its GPS
 * there for an app with the permission); a video's rendition is a new H.264 file made without
 * the original's tags, so it has no place for any caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationMatrixTest {
    private static final List<String> THUMBNAILS = List.of(
            "size=grid", "size=preview", "size=grid&format=webp", "size=preview&format=webp", "size=grid&format=jpeg");

    private MatrixLibrary matrix;

    /** The raw forms of each located photo's coordinates, read from the owner's bytes. */
    private final Map<String, List<byte[]>> coordinates = new TreeMap<>();

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        matrix = new MatrixLibrary(root);
        for (String name : LOCATED) {
            if (!name.equals(CLIP) && !name.equals(MatrixLibrary.TRASHED)) {
                coordinates.put(name, NoLocation.rawCoordinates(owners(name, "/original")));
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        matrix.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = AppState.class,
            names = {"LIMITED_BY_ITEMS", "LIMITED_BY_ALBUM", "ALL", "ALL_WITHOUT_LOCATION", "PHOTO_ONLY", "VIDEO_ONLY"})
    void noCoordinatesInAThumbnailOrRenditionWithoutThePermission(AppState state) throws Exception {
        String token = state.enter(matrix);
        int checked = 0;
        for (JsonNode asset : json(matrix.get(token, "/api/v1/assets?first=100&mediaType=photo,video,audio"))
                .path("assets")) {
            String name = asset.path("filename").asText();
            if (!LOCATED.contains(name)) {
                continue;
            }
            checked++;
            String id = asset.path("id").asText();
            URI signed = URI.create(asset.path("uri").asText());
            for (String query : THUMBNAILS) {
                byte[] byToken = served(token, "/api/v1/assets/" + id + "/thumbnail?" + query);
                byte[] bySignature = served(signed, "/thumbnail", query);
                assertThat(bySignature)
                        .as(state + " " + name + " thumbnail by its signed URL")
                        .isEqualTo(byToken);
                if (!name.equals(CLIP)) {
                    // No metadata in any thumbnail, whoever asks: no GPS for an app with the permission either.
                    NoLocation.assertNone(byToken, coordinates.get(name));
                }
                NoLocation.assertNoText(byToken, LocatedFiles.ISO6709, "48.858", "2.294");
            }
            byte[] rendition = rendition(token, id);
            assertThat(served(signed, "/rendition", null))
                    .as(state + " " + name + " rendition by its signed URL")
                    .isEqualTo(rendition);
            if (name.equals(CLIP)) {
                // The rendition is made anew without the file's tags: no place, for any caller.
                NoLocation.assertNoText(rendition, LocatedFiles.ISO6709, "+48.8584+002.2945", "+48.8584+2.2945");
                continue;
            }
            if (state.location) {
                assertThat(NoLocation.read(rendition)
                                .getFirstDirectoryOfType(GpsDirectory.class)
                                .getGeoLocation())
                        .as(state + ": the place in the rendition of " + name)
                        .isNotNull();
                assertThat(rendition).isEqualTo(owners(name, "/rendition"));
            } else {
                NoLocation.assertNone(rendition, coordinates.get(name));
                checkRangesOfTheRedactedVariant(state, token, id, rendition);
            }
        }
        assertThat(checked).as(state + ": located assets it sees").isPositive();
    }

    /** The redacted rendition has an ETag of its own, and a range of it is that range of the whole. */
    private void checkRangesOfTheRedactedVariant(AppState state, String token, String id, byte[] whole) {
        String path = "/api/v1/assets/" + id + "/rendition";
        String owners = etag(matrix.ownerToken, path);
        String apps = etag(token, path);
        assertThat(apps).as(state + ": the redacted variant's ETag").isNotNull().isNotEqualTo(owners);
        HttpResponse<byte[]> range = matrix.call(
                HttpRequest.newBuilder(matrix.uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=10-209")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 210));
    }

    private String etag(String token, String path) {
        return matrix.bytes(token, "HEAD", path).headers().firstValue("ETag").orElse(null);
    }

    private byte[] owners(String name, String suffix) {
        return served(matrix.ownerToken, "/api/v1/assets/" + matrix.ids.get(name) + suffix);
    }

    private byte[] served(String token, String pathAndQuery) {
        HttpResponse<byte[]> response = matrix.bytes(token, "GET", pathAndQuery);
        assertThat(response.statusCode())
                .as(pathAndQuery + " " + new String(response.body()))
                .isEqualTo(200);
        return response.body();
    }

    /** A video's rendition is made on the first request: a 503 while it is being made is asked again. */
    private byte[] rendition(String token, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<byte[]> response = matrix.bytes(token, "GET", "/api/v1/assets/" + id + "/rendition");
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                assertThat(response.statusCode())
                        .as(new String(response.body()))
                        .isEqualTo(200);
                return response.body();
            }
            Thread.sleep(500);
        }
    }

    /** The bytes of the signed URL of an original turned into another of its routes. */
    private byte[] served(URI signed, String route, String query) {
        String url = signed.toString().replace("/original", route);
        if (query != null) {
            url = url + "&" + query;
        }
        HttpResponse<byte[]> response = matrix.bytes(URI.create(url));
        assertThat(response.statusCode())
                .as(url + " " + new String(response.body()))
                .isEqualTo(200);
        return response.body();
    }
}
