package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetInfo;
import dev.camroll.core.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream larger than the uploading process's heap reaches the server whole, never held in memory. */
class LargeUploadTest {
    private static final long SIZE = 64L << 20;

    @TempDir
    Path root;

    @TempDir
    Path logs;

    @Test
    void aStreamOf64MegabytesGoesUpFromAProcessWith24MegabytesOfHeap() throws Exception {
        try (LiveServer server = LiveServer.start(root)) {
            Path errors = logs.resolve("child.err");
            Process child = ChildJvm.start(
                    UploadChild.class.getName(),
                    List.of("-Xmx24m"),
                    List.of(server.url().toString(), server.token, Long.toString(SIZE)),
                    errors);
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue())
                    .as("the child failed: %s", read(errors))
                    .isZero();

            String id = out.split(" ")[0];
            assertThat(out).endsWith(" 64x48");
            AssetInfo info = server.library.getAssetInfo(id);
            assertThat(info.fileSize()).isEqualTo(SIZE);
            assertThat(Files.size(root.resolve("Pictures/big.jpg"))).isEqualTo(SIZE);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
