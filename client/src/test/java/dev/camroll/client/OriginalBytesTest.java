package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An asset's original bytes through the client: whole, a byte range, and what is refused. */
class OriginalBytesTest {
    @TempDir
    Path root;

    @Test
    void readsTheWholeFileAndAByteRange() throws IOException {
        Path file = TestMedia.jpeg(root.resolve("a.jpg"), 300, 200);
        byte[] bytes = Files.readAllBytes(file);
        try (LiveServer server = LiveServer.start(root);
                CamrollClient client = server.connect()) {
            Asset asset =
                    client.getAssets(AssetQuery.builder().build()).assets().getFirst();
            try (InputStream in = client.openOriginal(asset.id())) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            try (InputStream in = client.openOriginal(asset.id(), 100, 1000)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 100, 1100));
            }
            // A range past the end of the file gives what there is.
            try (InputStream in = client.openOriginal(asset.id(), bytes.length - 10, 1000)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
            }
            assertThatThrownBy(() -> client.openOriginal(asset.id(), bytes.length + 10, 5))
                    .isInstanceOf(InvalidArgumentException.class)
                    .satisfies(e -> assertThat(((CamrollException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("not within");
            assertThatThrownBy(() -> client.openOriginal("ghost"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost");
        }
    }
}
