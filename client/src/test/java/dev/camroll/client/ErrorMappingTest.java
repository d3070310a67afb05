package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.server.http.ServerOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each error code comes back over the wire as the exception, code and details the embedded
 * library throws for the same call; the server's own failures (a wrong token, a taken name, a
 * server out of reach) as their codes.
 */
class ErrorMappingTest {
    @TempDir
    Path root;

    @TempDir
    Path embeddedRoot;

    @Test
    void theLibrarysFailuresAreTheSameExceptionsOverTheWire() {
        TestMedia.jpeg(root.resolve("a.jpg"), 8, 8);
        TestMedia.jpeg(embeddedRoot.resolve("a.jpg"), 8, 8);
        try (LiveServer server = LiveServer.start(root);
                CamrollClient client = server.connect();
                MediaLibrary embedded = MediaLibrary.open(embeddedRoot)) {
            for (MediaLibrary library : List.of(embedded, client)) {
                assertFails(
                        () -> library.setFavorite("ghost", true),
                        NotFoundException.class,
                        ErrorCode.NOT_FOUND,
                        e -> assertThat(((NotFoundException) e).ids()).containsExactly("ghost"));
                assertFails(
                        () -> library.deleteAssets(List.of("ghost1", "ghost2")),
                        NotFoundException.class,
                        ErrorCode.NOT_FOUND,
                        e -> assertThat(((NotFoundException) e).ids()).containsExactly("ghost1", "ghost2"));
                assertFails(
                        () -> library.getAssets(
                                AssetQuery.builder().after("garbage!").build()),
                        InvalidArgumentException.class,
                        ErrorCode.INVALID_ARGUMENT,
                        e -> assertThat(e.details()).containsEntry("parameter", "after"));
                assertFails(
                        () -> library.createAsset(
                                AssetSource.bytes("text.jpg", "hello".getBytes(StandardCharsets.UTF_8)), null),
                        InvalidArgumentException.class,
                        ErrorCode.NOT_MEDIA,
                        e -> assertThat(e).hasMessageContaining("content is not a media format"));
                assertFails(
                        () -> library.createAsset(
                                AssetSource.stream("big.jpg", new ByteArrayInputStream(TestMedia.jpegBytes(64, 64)))
                                        .withMaxBytes(100),
                                null),
                        InvalidArgumentException.class,
                        ErrorCode.TOO_LARGE,
                        e -> assertThat(e.details()).containsEntry(InvalidArgumentException.MAX_BYTES, 100L));
            }
            // A taken album name is a conflict over HTTP (409); embedded it is refused as a bad name.
            String id = client.getAssets(AssetQuery.builder().build())
                    .assets()
                    .getFirst()
                    .id();
            client.createAlbum("Trips", id, true, null);
            assertFails(
                    () -> client.createAlbum("Trips", id, true, null),
                    InvalidArgumentException.class,
                    ErrorCode.CONFLICT,
                    e -> assertThat(e).hasMessageContaining("exists already"));
        }
    }

    @Test
    void theServersLimitAWrongTokenAndAServerOutOfReachHaveTheirCodes() {
        try (LiveServer server = LiveServer.start(root, ServerOptions.defaults().withUploadLimit(1000), null);
                CamrollClient client = server.connect();
                CamrollClient stranger = CamrollClient.connect(server.url(), "not-the-token")) {
            assertFails(
                    () -> client.createAsset(AssetSource.bytes("big.jpg", TestMedia.jpegBytes(200, 200)), null),
                    InvalidArgumentException.class,
                    ErrorCode.TOO_LARGE,
                    e -> assertThat(e.details()).containsEntry("limit", 1000L));
            assertFails(stranger::changeToken, CamrollException.class, ErrorCode.UNAUTHORIZED, e -> assertThat(e)
                    .hasMessageContaining("bearer token"));
        }
        try (CamrollClient nobody = CamrollClient.connect(URI.create("http://127.0.0.1:1/"), "token")) {
            assertFails(nobody::changeToken, CamrollException.class, ErrorCode.UNAVAILABLE, e -> assertThat(e)
                    .hasMessageContaining("cannot be reached"));
        }
    }

    private static void assertFails(
            ThrowingCallable call,
            Class<? extends CamrollException> type,
            ErrorCode code,
            Consumer<CamrollException> more) {
        assertThatThrownBy(call)
                .isExactlyInstanceOf(type)
                .satisfies(e -> assertThat(((CamrollException) e).code()).isEqualTo(code))
                .satisfies(e -> more.accept((CamrollException) e));
    }
}
